import type { FastifyInstance } from 'fastify';
import { NO_MEMBERSHIPS } from '../../../core/organisations/index.ts';
import { mayReadCase } from '../../../core/organisations/organisation-rules.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { DocumentIdParams } from '../../schemas/cases.ts';
import { problemResponses } from '../../schemas/common.ts';
import { caseErrors } from '../../../core/errors/case-errors.ts';
import { contentDisposition } from '../../plugins/content-disposition.ts';

/** CASE-4, ORG-4: a document of the citizen's cases or their organisations', as the file itself. */
export default async function documentRoutes(app: FastifyInstance, { documents, organisations }: RouteDeps): Promise<void> {
  const memberships = organisations?.memberships ?? NO_MEMBERSHIPS;

  app.get('/documents/:id', {
    schema: {
      tags: ['documents'],
      summary: 'Download a document (e.g. the issued certificate as PDF, or a file uploaded with the application)',
      security: bearerSecurity,
      params: DocumentIdParams,
      produces: ['application/pdf', 'image/*'],
      response: {
        200: {
          description: 'The document, of the type its content is',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/*': { schema: { type: 'string', format: 'binary' } } },
        },
        ...problemResponses(400, 401, 404),
      },
    },
  }, async (request, reply) => {
    const { accountId } = request.citizen;
    const { id } = request.params as { id: string };
    const document = await documents.find(id);
    const readable = document && mayReadCase(accountId, document,
      new Set(document.organisationId ? await memberships.organisationIdsOf(accountId) : []));
    if (!document || !readable) throw caseErrors.documentNotFound();
    return reply
      .type(document.mediaType)
      .header('content-disposition', contentDisposition('attachment', document.fileName))
      .header('cache-control', 'private, no-store')
      .send(document.content);
  });
}
