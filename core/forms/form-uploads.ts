/**
 * The server's check of the files submitted with a form-js form. form-js keeps a filepicker's files
 * apart from the data: the field's value is a key (`files::<id>`) and the files are submitted
 * under that key. Each field's files must be there, as many as it takes (one, or any number where
 * it is `multiple`), of a type its `accept` names, judged by the content, and within the limits;
 * a file that no shown field names is refused too. Runs after `checkFormData`, which has checked
 * that each value is such a key and that a required or hidden field is filled or left empty.
 */
import { boundFields, FILES_REFERENCE, pointerOf, valueAt, type FormComponent, type FormProblem } from './form-data-check.ts';
import { acceptedTokens, isAccepted, type FileType } from './upload-types.ts';

/** A file as the request carried it, in the request's order. */
export interface ReceivedFile {
  /** The key it was submitted under: the `files::<id>` value of the field that asks for it. */
  reference: string;
  /** The name the client gave it. */
  fileName: string;
  /** The content; null where it was over the size limit and not kept. */
  content: Buffer | null;
}

/** A received file with what its content is (undefined: not recognised, or not kept). */
export interface TypedFile extends ReceivedFile {
  type: FileType | undefined;
}

/** How much one application may upload. */
export interface UploadLimits {
  /** Bytes of one file. */
  maxBytes: number;
  /** Files of one application, over all its fields. */
  maxFiles: number;
}

/** The files of one filepicker field, in the request's order. */
export interface FieldFiles {
  path: string[];
  component: FormComponent;
  files: TypedFile[];
}

export interface UploadCheck {
  /** Files over the size limit, each named by its field. */
  tooLarge: FormProblem[];
  /** Every other problem, each named by its field (or, for a file no field asks for, by its part). */
  problems: FormProblem[];
  /** The files of each field that names some. */
  fields: FieldFiles[];
}

export interface UploadCheckOptions {
  /** Where the data sits in the request, e.g. `/body/data`. */
  pointer: string;
  /** Where the request's parts are named, e.g. `/body`: a file no field asks for is named by its part. */
  partsPointer: string;
}

const size = (bytes: number) => (bytes >= 1_048_576 ? `${Math.round((bytes / 1_048_576) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);
// The client's own name for the file, as the refusal quotes it: short, and on one line.
const quoted = (fileName: string) => `«${fileName.replace(/\s+/g, ' ').slice(0, 80)}»`;

/** What is wrong with one kept file of a field; undefined when the field takes it. */
function fileProblem(component: FormComponent, file: TypedFile): string | undefined {
  if (file.content?.length === 0) return `holds an empty file ${quoted(file.fileName)}`;
  const takes = `it takes ${acceptedTokens(component.accept).join(', ')}`;
  if (!file.type) return `holds a file whose type is not recognised ${quoted(file.fileName)}; ${takes}`;
  if (!isAccepted(component.accept, file.type)) return `holds a file of type ${file.type.mime} ${quoted(file.fileName)}; ${takes}`;
  return undefined;
}

/** Every problem of the submitted files against the form and the limits, and the files of each field. */
export function checkUploads(schema: unknown, data: Record<string, unknown>, files: readonly TypedFile[], limits: UploadLimits, options: UploadCheckOptions): UploadCheck {
  const problems: FormProblem[] = [];
  const tooLarge: FormProblem[] = [];
  const problem = (path: readonly string[], detail: string) => problems.push({ pointer: pointerOf(options.pointer, path), detail });

  const fieldOf = new Map<string, { path: string[]; component: FormComponent }>();
  for (const { path, component } of boundFields(schema)) {
    if (component.type !== 'filepicker') continue;
    const reference = valueAt(data, path);
    if (typeof reference !== 'string' || !FILES_REFERENCE.test(reference)) continue;
    if (fieldOf.has(reference)) problem(path, 'names the files of another field');
    else fieldOf.set(reference, { path, component });
  }

  const strays = new Set<string>();
  files.forEach((file, index) => {
    const field = fieldOf.get(file.reference);
    if (!field) strays.add(file.reference);
    else if (index === limits.maxFiles) problem(field.path, `is one file too many: an application takes at most ${limits.maxFiles} files`);
  });
  for (const reference of strays) problems.push({ pointer: pointerOf(options.partsPointer, [reference]), detail: 'is a file no field of the form asks for' });

  const fields: FieldFiles[] = [];
  for (const [reference, { path, component }] of fieldOf) {
    const own = files.filter((file) => file.reference === reference);
    if (own.length === 0) {
      problem(path, 'names files that were not uploaded');
      continue;
    }
    if (component.multiple !== true && own.length > 1) problem(path, `takes one file, not ${own.length}`);
    for (const file of own) {
      if (file.content === null) {
        tooLarge.push({ pointer: pointerOf(options.pointer, path), detail: `holds a file over the limit of ${size(limits.maxBytes)} ${quoted(file.fileName)}` });
        continue;
      }
      const detail = fileProblem(component, file);
      if (detail) problem(path, detail);
    }
    fields.push({ path, component, files: own });
  }
  return { tooLarge, problems, fields };
}
