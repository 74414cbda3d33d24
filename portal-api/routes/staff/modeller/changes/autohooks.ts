import type { FastifyInstance } from 'fastify';
import { accessErrors } from '../../../../../core/errors/access-errors.ts';

/** Saving and discarding drafts and deploying them need the `modeller` role (403 otherwise). */
export default async function modellersOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    if (!request.staff.roles.includes('modeller')) {
      throw accessErrors.roleRequired('modeller', 'Entwürfe speichern und bereitstellen dürfen nur Prozessmodellierende.');
    }
  });
}
