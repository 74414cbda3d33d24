import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../../../app-deps.ts';
import { problemResponses } from '../../../../schemas/common.ts';
import { NewServiceBody } from '../../../../schemas/modeller.ts';

/**
 * A process modeller makes a new service (role checked in autohooks.ts): from its manifest, a draft
 * with a starting diagram and start form, which is then edited, saved and deployed as any draft.
 */
export default async function newServiceRoutes(app: FastifyInstance, { modeler }: RouteDeps): Promise<void> {
  if (!modeler) return;
  const { modeller } = modeler;

  app.post('/modeler/api/services', {
    schema: {
      tags: ['modeler'],
      summary: 'Make a new service from its manifest: a draft with a starting diagram (process id = service id, the platform\'s phases) and a start form asking for the applicant; 409 when the id is taken',
      body: NewServiceBody,
      response: { ...problemResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const { staff } = request;
    const draft = await modeller.createService((request.body as typeof NewServiceBody.static).manifest, staff);
    request.log.info({ serviceId: draft.bpmnProcessId, staffId: staff.id }, 'new service drafted');
    return reply.code(201).send({ serviceId: draft.bpmnProcessId, revision: draft.revision, savedAt: draft.savedAt.toISOString(), authorName: draft.authorName });
  });
}
