import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../../../../../core/errors/problem-error.ts';

/** Incidents are the operators' (role `operator`); any other staff member gets 403. */
export default async function operatorsOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    if (!request.staff.roles.includes('operator')) throw new ProblemError(403, 'forbidden', 'Keine Berechtigung', 'Störungen sehen nur Betriebsverantwortliche.');
  });
}
