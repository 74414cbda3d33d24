import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../../core/errors/problem-error.ts';
import { readStaffSession } from '../staff/staff-session.ts';
import { type StaffSession } from '../../core/staff/staff-sessions.ts';

/** The header the modeller's page sends with every change; no cross-site form can (CSRF). */
export const MODELER_REQUEST_HEADER = 'modeler';

/**
 * The staff member behind a modeller call. Any staff member may look at the services' processes;
 * saving drafts and deploying need the `modeller` role (403 otherwise).
 */
export async function requireModelerStaff(request: FastifyRequest, access: 'read' | 'write'): Promise<StaffSession> {
  const session = await readStaffSession(request);
  if (!session) throw new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich', 'Bitte melden Sie sich an.');
  if (request.method !== 'GET' && request.headers['x-requested-with'] !== MODELER_REQUEST_HEADER) {
    throw new ProblemError(403, 'forbidden', 'Anfrage abgelehnt', 'Der Anfrage fehlt die Kennzeichnung der Prozessmodellierung.');
  }
  if (access === 'write' && !session.roles.includes('modeller')) {
    throw new ProblemError(403, 'modeller-role-required', 'Keine Berechtigung', 'Entwürfe speichern und bereitstellen dürfen nur Prozessmodellierende.');
  }
  return session;
}
