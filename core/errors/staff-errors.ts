import { ProblemError } from './problem-error.ts';

/** The refusals of staff work (internal tasks, ADM-2), with stable codes. */
export const staffErrors = {
  /** A field of a clerk's request that does not fit their municipality or office; `text` tells the clerk in German. */
  invalidRequest: (pointer: string, detail: string, text: string) =>
    new ProblemError(400, 'invalid-request', 'Ungültige Eingabe', text, [{ pointer, detail }]),
};
