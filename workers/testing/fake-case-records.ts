// Support for the workers' unit tests: what the workers write about cases, kept to be read back.
import type { CaseRecordsRepository, RegisterExtract } from '../../core/db/case-records-repository.ts';
import type { DocumentsRepository, NewDocument, StoredDocument } from '../../core/db/documents-repository.ts';

/** Case records over the given existing cases, with what the workers posted and noted. */
export function fakeCaseRecords(existingCases: string[] = []) {
  const messages: { caseId: string; template: string; params: Record<string, string> }[] = [];
  const extracts: { caseId: string; extract: RegisterExtract }[] = [];
  const contacts: { caseId: string; contact: { phone: string | null; email: string | null } }[] = [];
  const caseRecords: CaseRecordsRepository = {
    caseExists: async (caseId) => existingCases.includes(caseId),
    postMessage: async (caseId, template, params) => void messages.push({ caseId, template, params }),
    noteRegisterExtract: async (caseId, extract) => void extracts.push({ caseId, extract }),
    noteRegisterContact: async (caseId, contact) => void contacts.push({ caseId, contact }),
  };
  return { caseRecords, messages, extracts, contacts };
}

/** The citizens' documents, each filed one gets the next id. */
export function fakeDocuments() {
  const filed: (NewDocument & { id: string })[] = [];
  const documents: DocumentsRepository = {
    async file(document) {
      const id = `document-${filed.length + 1}`;
      filed.push({ ...document, id });
      return id;
    },
    async fileUploads(caseId, uploads) {
      for (const upload of uploads) filed.push({ ...upload, caseId });
    },
    async find(documentId): Promise<StoredDocument | undefined> {
      const document = filed.find((candidate) => candidate.id === documentId);
      return document && { id: document.id, caseId: document.caseId, citizenId: 'citizen-1', organisationId: null, fileName: document.fileName, mediaType: document.mediaType, content: document.content };
    },
  };
  return { documents, filed };
}
