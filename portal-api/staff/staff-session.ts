import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffSession, StaffSessions } from '../../core/staff/staff-sessions.ts';
import { accessErrors } from '../../core/errors/access-errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Staff sessions kept on the server (staff-sessions.ts). */
    staffSessions: StaffSessions;
  }
  interface FastifyRequest {
    /** The staff member's live session: set before every route under routes/staff/ (its autohooks), null on every other route. */
    staff: StaffSession;
  }
}

const COOKIE = 'gp_staff';

/** Makes the staff sessions known to every route; call before registering the routes. */
export function registerStaffSessions(app: FastifyInstance, sessions: StaffSessions): void {
  app.decorate('staffSessions', sessions);
  app.decorateRequest('staff', null as unknown as StaffSession);
}

/**
 * The cookie holds only the session's random token: HTTP-only, so no script reads it, and
 * SameSite=Lax keeps it off cross-site requests except top-level navigation (the login's return).
 */
export function setStaffCookie(reply: FastifyReply, token: string, options: { secure: boolean }): void {
  reply.setCookie(COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' });
}

export function clearStaffCookie(reply: FastifyReply): void {
  reply.clearCookie(COOKIE, { path: '/' });
}

// One lookup per request, however many checks ask for it.
const lookups = new WeakMap<FastifyRequest, Promise<StaffSession | undefined>>();

/** The live staff session of the request's cookie, or undefined. */
export function readStaffSession(request: FastifyRequest): Promise<StaffSession | undefined> {
  let lookup = lookups.get(request);
  if (!lookup) {
    const token = request.cookies[COOKIE];
    lookup = token ? request.server.staffSessions.authenticate(token) : Promise.resolve(undefined);
    lookups.set(request, lookup);
  }
  return lookup;
}

/** The live staff session of the request's cookie; 401 without one. */
export async function requireStaffSession(request: FastifyRequest): Promise<StaffSession> {
  const session = await readStaffSession(request);
  if (!session) throw accessErrors.unauthenticated('Bitte melden Sie sich an.');
  return session;
}

/** The header value the tasklist's page (and the finance department's calls) send with every change. */
export const TASKLIST_REQUEST_MARKER = { header: 'tasklist', refusal: 'Der Anfrage fehlt die Kennzeichnung der Aufgabenliste.' } as const;
/** The header value the modeller's page sends with every change. */
export const MODELER_REQUEST_MARKER = { header: 'modeler', refusal: 'Der Anfrage fehlt die Kennzeichnung der Prozessmodellierung.' } as const;

/**
 * State-changing staff calls must carry `x-requested-with: <marker>`, which no cross-site form can
 * send (CSRF); 403 otherwise.
 */
export function requireRequestMarker(request: FastifyRequest, marker: { header: string; refusal: string }): void {
  if (request.method !== 'GET' && request.headers['x-requested-with'] !== marker.header) {
    throw accessErrors.requestNotMarked(marker.refusal);
  }
}

/** The staff member behind a tasklist API call: 401 without a session, 403 for a change without the tasklist's marker. */
export async function requireStaff(request: FastifyRequest): Promise<StaffSession> {
  const session = await requireStaffSession(request);
  requireRequestMarker(request, TASKLIST_REQUEST_MARKER);
  return session;
}
