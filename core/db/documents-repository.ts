import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

export interface StoredDocument {
  id: string;
  caseId: string;
  citizenId: string;
  /** The organisation the document's case concerns (ORG-4), else null. */
  organisationId: string | null;
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface NewDocument {
  caseId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * A file uploaded with an application, its id given by the caller (the process gets it before it
 * is filed); its kind is `upload:<field>:<n>`, the n-th file of the start form's field.
 */
export interface UploadedDocument {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** The citizen's documents (CASE-4): one document per case and kind, so a retried job files it once. */
export interface DocumentsRepository {
  file(document: NewDocument): Promise<string>;
  /** Files the uploads of an application with its case, all or none. */
  fileUploads(caseId: string, uploads: readonly UploadedDocument[]): Promise<void>;
  find(documentId: string): Promise<StoredDocument | undefined>;
}

export function createDocumentsRepository(db: Knex): DocumentsRepository {
  return {
    async file(document) {
      const inserted = await db('documents')
        .insert({
          id: randomUUID(),
          case_id: document.caseId,
          kind: document.kind,
          file_name: document.fileName,
          media_type: document.mediaType,
          content: document.content,
          created_at: new Date(),
        })
        .onConflict(['case_id', 'kind'])
        .ignore()
        .returning('id');
      if (inserted[0]) return inserted[0].id as string;
      const existing = await db('documents').where({ case_id: document.caseId, kind: document.kind }).first('id');
      return existing.id as string;
    },
    async fileUploads(caseId, uploads) {
      if (uploads.length === 0) return;
      const createdAt = new Date();
      await db('documents').insert(uploads.map((upload) => ({
        id: upload.id, case_id: caseId, kind: upload.kind, file_name: upload.fileName, media_type: upload.mediaType, content: upload.content, created_at: createdAt,
      })));
    },
    async find(documentId) {
      const row = await db('documents as d')
        .join('cases as c', 'c.id', 'd.case_id')
        .where('d.id', documentId)
        .first('d.id', 'd.case_id', 'c.citizen_id', 'c.organisation_id', 'd.file_name', 'd.media_type', 'd.content');
      if (!row) return undefined;
      return {
        id: row.id, caseId: row.case_id, citizenId: row.citizen_id, organisationId: row.organisation_id ?? null, fileName: row.file_name, mediaType: row.media_type,
        content: Buffer.from(row.content),
      };
    },
  };
}
