/**
 * What the files uploaded with an application become: checked against the start form's
 * filepickers, each kept as one of the case's documents, and named in the data by those
 * documents, so that the process and the case's request carry ids, names and types, never contents.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceIntake } from '../db/catalogue-repository.ts';
import type { UploadedDocument } from '../db/documents-repository.ts';
import { uploadedFileName } from '../documents/uploaded-file-name.ts';
import { uploadErrors } from '../errors/upload-errors.ts';
import { checkUploads, type ReceivedFile, type UploadLimits } from '../forms/form-uploads.ts';
import { detectFileType } from '../forms/upload-types.ts';
import { setAt } from '../forms/form-data-check.ts';

/**
 * The kind of the n-th file of a field among the case's documents: one per case and kind holds for
 * uploads too, and the case view shows which field a file answers (as `decision:<id>` a clerk's decision).
 */
export const uploadKind = (path: readonly string[], index: number) => `upload:${path.join('.')}:${index + 1}`;

/** What a filepicker's field holds once its files are documents of the case. */
export interface UploadedFileReference {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface ApplicationUploads {
  /** The checked data with each filepicker's key replaced by the list of its documents. */
  data: Record<string, unknown>;
  /** The documents to file with the case, in the request's order. */
  documents: UploadedDocument[];
}

/**
 * Checks the files against the form (the data already checked by `checkApplicationData`) and
 * makes them documents. A file over the size limit is refused with 413, any other problem with
 * 400, each naming the field; nothing is stored either way.
 */
export async function takeUploads(intake: ServiceIntake, data: Record<string, unknown>, files: readonly ReceivedFile[], limits: UploadLimits): Promise<ApplicationUploads> {
  const typed = await Promise.all(files.map(async (file) => ({ ...file, type: file.content ? await detectFileType(file.content) : undefined })));
  const check = checkUploads(intake.startForm, data, typed, limits, { pointer: '/body/data', partsPointer: '/body' });
  if (check.tooLarge.length > 0) throw uploadErrors.tooLarge(check.tooLarge);
  if (check.problems.length > 0) throw uploadErrors.refused(check.problems);

  const withDocuments = structuredClone(data);
  const documents: UploadedDocument[] = [];
  for (const { path, files: own } of check.fields) {
    const references: UploadedFileReference[] = own.map((file, index) => {
      // The check let only kept files of a recognised type through.
      const content = file.content!;
      const type = file.type!;
      const document = { id: randomUUID(), kind: uploadKind(path, index), fileName: uploadedFileName(file.fileName, type), mediaType: type.mime, content };
      documents.push(document);
      return { documentId: document.id, fileName: document.fileName, mediaType: document.mediaType, size: content.length };
    });
    setAt(withDocuments, path, references);
  }
  return { data: withDocuments, documents };
}
