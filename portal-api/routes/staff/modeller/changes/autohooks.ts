import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../../../../../core/errors/problem-error.ts';

/** Saving and discarding drafts and deploying them need the `modeller` role (403 otherwise). */
export default async function modellersOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    if (!request.staff.roles.includes('modeller')) {
      throw new ProblemError(403, 'modeller-role-required', 'Keine Berechtigung', 'Entwürfe speichern und bereitstellen dürfen nur Prozessmodellierende.');
    }
  });
}
