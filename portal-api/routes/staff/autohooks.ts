import type { FastifyInstance } from 'fastify';
import { requireStaffSession } from '../../staff/staff-session.ts';

/**
 * Every route in routes/staff/ and below is for logged-in staff (the staff directory's login,
 * public/staff-login.ts): 401 problem JSON without a live staff session, else `request.staff` is
 * it. The folders below add what their calls need: the CSRF marker of their page, a role.
 * Checked after the request's schema, as the handlers did before.
 */
export default async function staffOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    request.staff = await requireStaffSession(request);
  });
}
