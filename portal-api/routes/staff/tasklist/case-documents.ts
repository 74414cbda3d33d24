import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { CasesRepository } from '../../../../core/db/cases-repository.ts';
import type { DocumentsRepository } from '../../../../core/db/documents-repository.ts';
import type { TasksRepository } from '../../../../core/db/tasks-repository.ts';
import type { RouteDeps } from '../../../app-deps.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { caseOf, taskFor } from '../../../staff/task-access.ts';
import { CaseDocumentParams, DecisionUploadHeaders, TaskKeyParams } from '../../../schemas/tasklist.ts';
import { staffErrors } from '../../../../core/errors/staff-errors.ts';
import { caseErrors } from '../../../../core/errors/case-errors.ts';
import { contentDisposition } from '../../../plugins/content-disposition.ts';

export interface CaseDocumentDeps {
  tasks: TasksRepository;
  cases: CasesRepository;
  documents: DocumentsRepository;
}

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A file name the citizen's download header can carry (Latin-1, no path, no quotes), ending in .pdf. */
function safeFileName(encoded: string): string {
  let name = encoded;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    // Not percent-encoded: take it as it is.
  }
  const base = name.split(/[\\/]/).pop()?.replace(/[^A-Za-z0-9\u00C0-\u00FF ._-]/g, '_').trim().slice(0, 100) || 'Entscheid';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

/** The documents of a clerk's cases: reading one, and uploading a decision (PDF) into the citizen's documents. */
export default async function caseDocumentRoutes(app: FastifyInstance, { tasklist, cases, documents }: RouteDeps): Promise<void> {
  const deps: CaseDocumentDeps = { tasks: tasklist.tasks, cases, documents };
  app.get('/tasklist/api/documents/:id', {
    schema: { tags: ['tasklist'], summary: "A document of a case of the clerk's municipality", params: CaseDocumentParams, response: { ...problemResponses(400, 401, 404) } },
  }, async (request, reply) => {
    const { staff } = request;
    const document = await deps.documents.find((request.params as { id: string }).id);
    const owner = document ? await deps.cases.findById(document.caseId) : undefined;
    if (!document || !owner || !staff.municipalities.includes(owner.municipalityId)) throw caseErrors.documentNotFound();
    return reply.type(document.mediaType).header('content-disposition', contentDisposition('inline', document.fileName))
      .header('cache-control', 'private, no-store').send(document.content);
  });

  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
  app.post('/tasklist/api/tasks/:taskKey/documents', {
    schema: {
      tags: ['tasklist'], summary: "Upload a decision (PDF) into the citizen's documents", params: TaskKeyParams,
      headers: DecisionUploadHeaders,
      response: { ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
    },
    bodyLimit: MAX_DOCUMENT_BYTES,
  }, async (request, reply) => {
    const { staff } = request;
    const task = await taskFor(deps.tasks, staff, (request.params as { taskKey: string }).taskKey);
    const caseId = caseOf(task);
    if (task.assignee !== staff.id) throw staffErrors.taskNotClaimed('Übernehmen Sie die Aufgabe, bevor Sie einen Entscheid hochladen.');
    const content = request.body;
    if (!Buffer.isBuffer(content) || content.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw staffErrors.decisionNotPdf();
    }
    const fileName = safeFileName(String(request.headers['x-file-name']));
    await deps.documents.file({ caseId, kind: `decision:${randomUUID()}`, fileName, mediaType: 'application/pdf', content });
    request.log.info({ caseId, staffId: staff.id, bytes: content.length }, 'decision document uploaded');
    return reply.code(204).send();
  });
}
