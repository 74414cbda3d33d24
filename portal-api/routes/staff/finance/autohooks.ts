import type { FastifyInstance } from 'fastify';
import { requireStaffRole } from '../../../plugins/staff-auth.ts';
import { requireRequestMarker, TASKLIST_REQUEST_MARKER } from '../../../staff/staff-session.ts';

/**
 * PAY-2, PAY-4: the finance department logs in like every clerk; its changes carry the tasklist's
 * marker (`x-requested-with: tasklist`, CSRF), and every call needs the role `finance` for the
 * municipality of the path (403 otherwise). Role and municipality come from the directory.
 */
export default async function financeDepartmentOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    requireRequestMarker(request, TASKLIST_REQUEST_MARKER);
    requireStaffRole(request.staff, 'finance', (request.params as { municipalityId: string }).municipalityId);
  });
}
