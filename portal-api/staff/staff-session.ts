import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../plugins/problem-details.ts';

/** A logged-in staff member, from the identity provider's claims. */
export interface StaffSession {
  id: string;
  name: string;
  /** Where the member works: a municipality's id, or an institution's id (a civil registry office). */
  organisation: string;
  organisationKind: 'municipality' | 'institution';
  /** Whose cases the member works on: their municipality, or the municipalities their institution serves. */
  municipalities: string[];
  roles: string[];
  groups: string[];
  /** Epoch ms after which the session is over. */
  expiresAt: number;
}

const COOKIE = 'gp_staff';
const SESSION_MS = 8 * 3600 * 1000;

/**
 * The staff session lives in a signed, HTTP-only cookie (@fastify/cookie with the session
 * secret): the browser cannot change it, and it holds no more than the directory's claims.
 * SameSite=Lax keeps it off cross-site requests except top-level navigation (the login's return).
 */
export function startStaffSession(reply: FastifyReply, claims: Omit<StaffSession, 'expiresAt'>, secure: boolean): StaffSession {
  const session: StaffSession = { ...claims, expiresAt: Date.now() + SESSION_MS };
  reply.setCookie(COOKIE, Buffer.from(JSON.stringify(session)).toString('base64url'), {
    signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_MS / 1000,
  });
  return session;
}

export function endStaffSession(reply: FastifyReply): void {
  reply.clearCookie(COOKIE, { path: '/' });
}

export function readStaffSession(request: FastifyRequest): StaffSession | undefined {
  const raw = request.cookies[COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const session = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as StaffSession;
    return session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The staff member behind an API call; 401 without a session. State-changing calls must carry
 * `x-requested-with: tasklist`, which no cross-site form can send (CSRF).
 */
export function requireStaff(request: FastifyRequest): StaffSession {
  const session = readStaffSession(request);
  if (!session) throw new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich', 'Bitte melden Sie sich an.');
  if (request.method !== 'GET' && request.headers['x-requested-with'] !== 'tasklist') {
    throw new ProblemError(403, 'forbidden', 'Anfrage abgelehnt', 'Der Anfrage fehlt die Kennzeichnung der Aufgabenliste.');
  }
  return session;
}
