import { ProblemError } from './problem-error.ts';

type FieldProblems = { pointer: string; detail: string }[];
const listed = (errors: FieldProblems) => errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');

/** The refusals of files uploaded with an application (multipart), each naming the field that asks for them. */
export const uploadErrors = {
  /** Files of a type the field does not take, too many, missing where the data names them, or asked for by no field. */
  refused: (errors: FieldProblems) => new ProblemError(400, 'upload-refused', 'Die Datei wird nicht angenommen.', listed(errors), errors),
  /** Files over the size limit. */
  tooLarge: (errors: FieldProblems) => new ProblemError(413, 'upload-too-large', 'Die Datei ist zu gross.', listed(errors), errors),
  /** The application part of the form is longer than an application is; the code is the one of a JSON body over its limit. */
  applicationTooLarge: (pointer: string, limit: string) =>
    new ProblemError(413, 'body-too-large', 'Die Anfrage ist zu gross.', `${pointer}: is longer than ${limit}`, [{ pointer, detail: `is longer than ${limit}` }]),
};
