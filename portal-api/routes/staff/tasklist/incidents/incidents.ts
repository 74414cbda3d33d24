import type { FastifyInstance } from 'fastify';
import type { CatalogueRepository } from '../../../../../core/db/catalogue-repository.ts';
import type { IncidentsRepository } from '../../../../../core/db/incidents-repository.ts';
import { caseNumberOf } from '../../../../../core/db/tasks-repository.ts';
import type { IncidentEngine } from '../../../../../core/engine/incident-commands.ts';
import type { RouteDeps } from '../../../../app-deps.ts';
import { problemResponses } from '../../../../schemas/common.ts';
import { IncidentKeyParams } from '../../../../schemas/tasklist.ts';
import { type StaffSession } from '../../../../../core/staff/staff-sessions.ts';
import { serviceNamesOf } from '../../../../staff/task-access.ts';
import { staffErrors } from '../../../../../core/errors/staff-errors.ts';

export interface IncidentDeps {
  catalogue: CatalogueRepository;
  incidents: IncidentsRepository;
  /** The engine's incident commands; a retried job gets its retries back. */
  incidentEngine: IncidentEngine;
  now: () => Date;
}

/** Retries a job gets back when an operator retries its incident, as many as the diagrams give. */
const RETRIES_AFTER_FIX = 3;

/** Operators (autohooks.ts) see the incidents of their municipalities' cases and retry a step once its cause is fixed. */
export default async function incidentRoutes(app: FastifyInstance, { tasklist, catalogue }: RouteDeps): Promise<void> {
  const deps: IncidentDeps = { ...tasklist, catalogue, now: tasklist.now ?? (() => new Date()) };
  const serviceNames = serviceNamesOf(deps.catalogue);
  const openIncidentsOf = async (staff: StaffSession) => (await Promise.all(staff.municipalities.map((id) => deps.incidents.listOpen(id)))).flat();

  app.get('/tasklist/api/incidents', {
    schema: { tags: ['tasklist'], summary: "Open incidents of the operator's municipality", response: { ...problemResponses(401, 403) } },
  }, async (request) => {
    const { staff } = request;
    const [names, open] = await Promise.all([serviceNames(staff), openIncidentsOf(staff)]);
    return {
      incidents: open.map((incident) => ({
        incidentKey: incident.incidentKey,
        caseId: incident.caseId,
        caseNumber: caseNumberOf(incident.caseId),
        serviceName: names.get(incident.serviceId) ?? incident.serviceId,
        elementId: incident.elementId,
        errorType: incident.errorType,
        errorMessage: incident.errorMessage,
        // An incident is raised when a job has no retries left.
        retriesLeft: 0,
        createdAt: incident.createdAt.toISOString(),
      })),
    };
  });

  app.post('/tasklist/api/incidents/:incidentKey/retry', {
    schema: {
      tags: ['tasklist'], summary: 'Retry after a fix: the job gets its retries back and the incident is resolved',
      params: IncidentKeyParams, response: { ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { staff } = request;
    const { incidentKey } = request.params as { incidentKey: string };
    const incident = (await openIncidentsOf(staff)).find((candidate) => candidate.incidentKey === incidentKey);
    if (!incident) throw staffErrors.incidentNotFound();
    if (incident.jobKey) await deps.incidentEngine.updateJobRetries(incident.jobKey, RETRIES_AFTER_FIX);
    await deps.incidentEngine.resolveIncident(incident.incidentKey);
    await deps.incidents.noteResolved(incident.incidentKey, deps.now());
    request.log.info({ incidentKey, staffId: staff.id }, 'incident retried by an operator');
    return reply.code(204).send();
  });
}
