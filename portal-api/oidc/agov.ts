// The portal as AGOV's relying party (INT-5): what the login's routes and the linking's share.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type * as oidc from 'openid-client';
import type { AgovPerson } from '../../core/accounts/agov-hand-offs.ts';
import type { RelyingPartySettings } from './discovery.ts';

export interface AgovSettings extends RelyingPartySettings {
  /** The portal's public URL: the callback is `<it>/login/agov/callback`, and the front-end pages are there too. */
  publicUrl: string;
}

/** Front-end pages a login may return to (no open redirect); the first is the default. */
export const AGOV_RETURN_PATHS = ['/konto/anmelden', '/konto', '/konto/daten', '/antraege'] as const;
export const safeReturnPath = (next: unknown): string | undefined =>
  (typeof next === 'string' && (AGOV_RETURN_PATHS as readonly string[]).includes(next) ? next : undefined);

const LINK_TICKET_VALID_MS = 5 * 60_000;

/** A signed ticket naming the account that begins a linking: the start address carries it through AGOV. */
export const signLinkTicket = (app: FastifyInstance, accountId: string) =>
  Buffer.from(app.signCookie(JSON.stringify({ accountId, expiresAt: Date.now() + LINK_TICKET_VALID_MS }))).toString('base64url');

/** The account a link ticket names; `graceMs` lets a ticket checked at the start outlive the time spent at AGOV. */
export function readLinkTicket(request: FastifyRequest, ticket: string, graceMs = 0): string | undefined {
  try {
    const unsigned = request.unsignCookie(Buffer.from(ticket, 'base64url').toString('utf8'));
    if (!unsigned.valid || unsigned.value === null) return undefined;
    const { accountId, expiresAt } = JSON.parse(unsigned.value) as { accountId?: unknown; expiresAt?: unknown };
    return typeof accountId === 'string' && typeof expiresAt === 'number' && expiresAt + graceMs > Date.now() ? accountId : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The person AGOV's ID token describes, or undefined without a given and a family name. */
export function personOf(claims: oidc.IDToken): AgovPerson | undefined {
  const givenName = text(claims.given_name);
  const familyName = text(claims.family_name);
  if (!givenName || !familyName) return undefined;
  return {
    subject: claims.sub, givenName, familyName, email: text(claims.email), emailVerified: claims.email_verified === true,
    birthdate: typeof claims.birthdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate) ? claims.birthdate : null,
    locale: text(claims.locale), loa: text(claims.loa),
  };
}
