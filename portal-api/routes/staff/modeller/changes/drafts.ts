import type { FastifyInstance } from 'fastify';
import { LintRefusal } from '../../../../../core/errors/modeller-errors.ts';
import type { RouteDeps } from '../../../../app-deps.ts';
import { problemResponses } from '../../../../schemas/common.ts';
import { DeploymentBody, DiscardQuery, MAX_DIAGRAM_BODY_BYTES, ProcessDraftBody, ServiceParams } from '../../../../schemas/modeller.ts';

/** What only process modellers do (role checked in autohooks.ts): save and discard the shared draft, deploy it. */
export default async function modellerChangeRoutes(app: FastifyInstance, { modeler }: RouteDeps): Promise<void> {
  if (!modeler) return;
  const { modeller } = modeler;

  app.put('/modeler/api/services/:serviceId/draft', {
    schema: {
      tags: ['modeler'], summary: 'Save the draft; a save from a stale revision answers 409', params: ServiceParams, body: ProcessDraftBody,
      response: { ...problemResponses(400, 401, 403, 404, 409, 413) },
    },
    bodyLimit: MAX_DIAGRAM_BODY_BYTES,
  }, async (request) => {
    const { staff } = request;
    const saved = await modeller.saveDraft((request.params as { serviceId: string }).serviceId, request.body as typeof ProcessDraftBody.static, staff);
    request.log.info({ bpmnProcessId: saved.bpmnProcessId, revision: saved.revision, staffId: staff.id }, 'process draft saved');
    return { revision: saved.revision, savedAt: saved.savedAt.toISOString(), authorName: saved.authorName };
  });

  app.delete('/modeler/api/services/:serviceId/draft', {
    schema: {
      tags: ['modeler'], summary: 'Discard the draft at a revision', params: ServiceParams,
      querystring: DiscardQuery, response: { ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await modeller.discardDraft((request.params as { serviceId: string }).serviceId, (request.query as { revision: number }).revision);
    request.log.info({ staffId: request.staff.id }, 'process draft discarded');
    return reply.code(204).send();
  });

  app.post('/modeler/api/services/:serviceId/deployments', {
    schema: {
      tags: ['modeler'], summary: 'Deploy the saved draft (modeller role; refused with 422 when it has lint errors)', params: ServiceParams,
      body: DeploymentBody,
      response: { ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { staff } = request;
    const { serviceId } = request.params as { serviceId: string };
    const started = performance.now();
    try {
      const deployed = await modeller.deployDraft(serviceId, (request.body as { revision: number }).revision, staff);
      const tookMs = Math.round(performance.now() - started);
      request.log.info({ serviceId, version: deployed.version, staffId: staff.id, tookMs }, 'process deployed from the modeller');
      return reply.code(201).send({ ...deployed, tookMs });
    } catch (error) {
      // Answered here rather than by the shared handler, so that the findings travel with the problem.
      if (error instanceof LintRefusal) {
        return reply.code(422).type('application/problem+json').send({ ...error.problem, instance: request.url, findings: error.findings });
      }
      throw error;
    }
  });
}
