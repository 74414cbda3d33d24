import type { FastifyInstance } from 'fastify';
import { requireMunicipalAdministrator } from '../../../plugins/staff-auth.ts';
import { requireRequestMarker, TASKLIST_REQUEST_MARKER } from '../../../staff/staff-session.ts';

/**
 * ADM-3: a municipality's configuration is changed by its administrator only: the role
 * `municipal-admin` for the municipality of the path, where the member works (403 otherwise);
 * changes carry the tasklist's marker (`x-requested-with: tasklist`, CSRF), whose page they come from.
 */
export default async function municipalAdministratorsOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    requireRequestMarker(request, TASKLIST_REQUEST_MARKER);
    requireMunicipalAdministrator(request.staff, (request.params as { municipalityId: string }).municipalityId);
  });
}
