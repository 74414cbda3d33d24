import type { FastifyInstance } from 'fastify';
import { accessErrors } from '../../../../../core/errors/access-errors.ts';

/** Incidents are the operators' (role `operator`); any other staff member gets 403. */
export default async function operatorsOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    if (!request.staff.roles.includes('operator')) throw accessErrors.forbidden('Störungen sehen nur Betriebsverantwortliche.');
  });
}
