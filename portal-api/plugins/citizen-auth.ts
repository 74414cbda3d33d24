import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountSession } from '../../core/accounts/session-service.ts';
import { accessErrors } from '../../core/errors/access-errors.ts';

/** Looks up the session behind a citizen's bearer token. */
export interface CitizenSessions {
  authenticate(token: string): Promise<AccountSession | undefined>;
}

declare module 'fastify' {
  interface FastifyInstance {
    citizenSessions: CitizenSessions;
  }
  interface FastifyRequest {
    /** The citizen's live session: set before every route under routes/citizen/ (its autohooks), null on every other route. */
    citizen: AccountSession;
  }
}

/**
 * Citizens authenticate with the opaque session token of their account (`POST /sessions`),
 * revocable and expiring. Staff never use bearer tokens: they log in through the staff
 * directory (`/tasklist/login`) and carry its session cookie, so a citizen's token is no staff credential.
 */
export function registerCitizenAuth(app: FastifyInstance, options: { sessions: CitizenSessions }): void {
  app.decorate('citizenSessions', options.sessions);
  app.decorateRequest('citizen', null as unknown as AccountSession);
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** The live session of the request's bearer token, or 401. */
export async function authenticateCitizenSession(request: FastifyRequest): Promise<AccountSession> {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  const session = token ? await request.server.citizenSessions.authenticate(token) : undefined;
  if (!session) throw accessErrors.bearerTokenRequired();
  return session;
}

export const bearerSecurity = [{ bearerAuth: [] }];
