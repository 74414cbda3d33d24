import type { FastifyInstance } from 'fastify';
import { MODELER_REQUEST_MARKER, requireRequestMarker } from '../../../staff/staff-session.ts';

/**
 * The process modeller's API (SVC-6): any staff member may look at the services' processes and
 * check a diagram; every change carries `x-requested-with: modeler` (CSRF), else 403.
 */
export default async function modellerCalls(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => requireRequestMarker(request, MODELER_REQUEST_MARKER));
}
