import type { FastifyInstance } from 'fastify';
import { requireRequestMarker, TASKLIST_REQUEST_MARKER } from '../../../staff/staff-session.ts';

/** The tasklist's API (ADM-1, ADM-2, CASE-5): every change carries `x-requested-with: tasklist` (CSRF), else 403. */
export default async function tasklistCalls(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => requireRequestMarker(request, TASKLIST_REQUEST_MARKER));
}
