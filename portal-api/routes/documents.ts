import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import { authenticateCitizen, bearerSecurity } from '../plugins/citizen-auth.ts';
import { ProblemError } from '../../core/errors/problem-error.ts';
import { problemResponses } from '../schemas/common.ts';
import { NO_MEMBERSHIPS, type OrganisationMemberships } from '../../core/organisations/index.ts';
import { mayReadCase } from '../../core/organisations/organisation-rules.ts';

/** CASE-4, ORG-4: a document of the citizen's cases or their organisations', as the file itself. */
export function documentRoutes(documents: DocumentsRepository, memberships: OrganisationMemberships = NO_MEMBERSHIPS) {
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/documents/:id', {
      schema: {
        tags: ['documents'],
        summary: 'Download a document (e.g. the issued certificate as PDF)',
        security: bearerSecurity,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        produces: ['application/pdf'],
        response: {
          200: { description: 'The document', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          ...problemResponses(400, 401, 404),
        },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      const { id } = request.params as { id: string };
      const document = await documents.find(id);
      const readable = document && mayReadCase(citizen.id, document,
        new Set(document.organisationId ? await memberships.organisationIdsOf(citizen.id) : []));
      if (!document || !readable) throw new ProblemError(404, 'document-not-found', 'Dokument nicht gefunden');
      return reply
        .type(document.mediaType)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(document.content);
    });
  };
}
