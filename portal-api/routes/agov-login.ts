/**
 * Login with AGOV, the federal login service that also carries the Swiss e-ID (INT-5). The portal
 * is an OpenID Connect relying party (authorization code flow with PKCE, state and nonce), as for
 * the staff login (staff/oidc-login.ts); in development and tests a second local provider stands
 * in for AGOV (scripts/development-agov.ts).
 *
 * - `GET /login/agov?next=…` starts a login; `GET /login/agov/callback` ends it and sends the
 *   browser to the front-end page `next` with `?agov=<code>`: a one-time code, valid two minutes,
 *   that the front end exchanges at `POST /sessions/agov` — the session token never travels in a
 *   URL. A known identity gets its account's session there; an unknown one gets 404
 *   `agov-identity-unknown`, and the front end offers to open an account from AGOV's verified
 *   claims (`POST /accounts/agov` with the same code) or to log in with a password and link.
 *   Nothing is created or merged by e-mail address on its own.
 * - Linking: a logged-in citizen asks `POST /account/identities/agov` for a start address
 *   (`/login/agov?link=…`, a signed ticket valid five minutes) and sends the browser there; the
 *   callback answers 409 when the AGOV identity belongs to another account, else returns to the
 *   page with `?agov-link=<one-time code>`, which the front end confirms with the account's
 *   session at `POST /account/identities/agov/confirmation`: a leaked start address alone links
 *   nothing, and a code made for one account does not link to another.
 *   `DELETE /account/identities/agov` unlinks, provided the account has a password.
 *
 * Pending logins live in a signed cookie. The one-time codes live in PostgreSQL (`agov_hand_offs`,
 * by SHA-256 of the code, what they carry sealed with ACCOUNT_SECRETS_KEY), so that a code issued
 * by one API instance is redeemed at another, once: using a code is a `delete … returning`. The
 * birth date AGOV gives is kept sealed with the session it opened, for pre-filling only.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import * as oidc from 'openid-client';
import { lazyDiscovery } from '../oidc/discovery.ts';
import { createAccountIdentitiesRepository } from '../../core/db/account-identities-repository.ts';
import { createAgovHandOffsRepository, type StoredHandOff } from '../../core/db/agov-hand-offs-repository.ts';
import { createAccountsRepository, type AccountRow, type PostalAddress } from '../../core/db/accounts-repository.ts';
import { ProblemError } from '../../core/errors/problem-error.ts';
import { authenticateCitizenSession, bearerSecurity } from '../plugins/citizen-auth.ts';
import { problemResponses } from '../schemas/common.ts';
import { accountErrors } from '../../core/errors/account-errors.ts';
import { normaliseEmail } from '../../core/accounts/email-address.ts';
import { newKontoId } from '../../core/accounts/konto-id.ts';
import type { SecretBox } from '../../core/db/secret-box.ts';
import { hashToken, newSecretToken } from '../../core/accounts/secret-tokens.ts';
import type { SessionSettings } from '../../core/accounts/session-service.ts';

export const AGOV_PROVIDER = 'agov';

export interface AgovSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's public URL: the callback is `<it>/login/agov/callback`, and the front-end pages are there too. */
  publicUrl: string;
  sessions: SessionSettings;
  /** The box of ACCOUNT_SECRETS_KEY: TOTP secrets, hand-off codes' contents and AGOV birth dates are stored encrypted. */
  accountSecrets: SecretBox;
}

/** Front-end pages a login may return to (no open redirect); the first is the default. */
export const AGOV_RETURN_PATHS = ['/konto/anmelden', '/konto', '/konto/daten', '/antraege'] as const;
const safeReturnPath = (next: unknown): string | undefined =>
  (typeof next === 'string' && (AGOV_RETURN_PATHS as readonly string[]).includes(next) ? next : undefined);

const LOGIN_COOKIE = 'gp_agov';
const COOKIE_PATH = '/login/agov';
const SCOPE = 'openid profile email agov';
const CODE_VALID_MS = 2 * 60_000;
const PENDING_LOGIN_MAX_AGE_S = 600;
const LINK_TICKET_VALID_MS = 5 * 60_000;
const tags = ['accounts'];

/** What AGOV said about a person, as far as the portal keeps it. */
export interface AgovPerson {
  subject: string;
  givenName: string;
  familyName: string;
  email: string | null;
  emailVerified: boolean;
  birthdate: string | null;
  locale: string | null;
  loa: string | null;
}

type PendingLogin = { verifier: string; state: string; nonce: string; next: string; link?: string };
type HandOff =
  | { kind: 'login'; accountId: string; person: AgovPerson }
  | { kind: 'unknown'; person: AgovPerson }
  | { kind: 'link'; accountId: string; person: AgovPerson };

/** A hand-off is sealed for its code: a body copied into another code's row does not open. */
const handOffContext = (codeHash: string) => `agov-hand-off:${codeHash}`;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function personOf(claims: oidc.IDToken): AgovPerson | undefined {
  const givenName = text(claims.given_name);
  const familyName = text(claims.family_name);
  if (!givenName || !familyName) return undefined;
  return {
    subject: claims.sub, givenName, familyName, email: text(claims.email), emailVerified: claims.email_verified === true,
    birthdate: typeof claims.birthdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate) ? claims.birthdate : null,
    locale: text(claims.locale), loa: text(claims.loa),
  };
}

const LANGUAGES = ['de', 'fr', 'it', 'en'];
const languageOf = (locale: string | null) => {
  const language = locale?.slice(0, 2).toLowerCase();
  return language && LANGUAGES.includes(language) ? language : 'de';
};

const codeInvalid = () => new ProblemError(400, 'agov-code-invalid', 'Die Anmeldung mit AGOV ist abgelaufen oder ungültig.', '/body/code: unknown, expired or already used',
  [{ pointer: '/body/code', detail: 'unknown, expired or already used' }]);

const CodeBody = Type.Object({ code: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });
const SessionCreated = Type.Object({ token: Type.String(), accountId: Type.String(), session: Type.Ref('Session') });
const Identity = Type.Object({ provider: Type.String(), linkedAt: Type.String({ format: 'date-time' }) });
const Prefill = Type.Object({
  serviceId: Type.Union([Type.String(), Type.Null()]),
  applicant: Type.Object({
    firstName: Type.String(),
    lastName: Type.String(),
    dateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Only when AGOV gave it at this session\'s login' }),
    email: Type.String(),
    address: Type.Union([Type.Object({ street: Type.String(), postalCode: Type.String(), town: Type.String(), country: Type.String() }), Type.Null()]),
    language: Type.String(),
  }),
}, { description: 'What the account knows for a form; the front end pre-fills with it and the citizen may change everything' });

export function agovLoginRoutes(settings: AgovSettings, db: Knex, now: () => Date = () => new Date()) {
  const redirectUri = `${settings.publicUrl}/login/agov/callback`;
  const secure = settings.publicUrl.startsWith('https:');
  const accounts = createAccountsRepository(db, settings.accountSecrets);
  const identities = createAccountIdentitiesRepository(db);
  const handOffs = createAgovHandOffsRepository(db);
  const idleSince = (at: Date) => new Date(at.getTime() - settings.sessions.idleMs);
  const discovered = lazyDiscovery(settings);

  const frontEnd = (path: string, params: Record<string, string>) => {
    const url = new URL(path, settings.publicUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.href;
  };

  // Expired codes are removed by the accounts' periodic sweep (account-state-sweep.ts).
  const issueHandOff = async (handOff: HandOff): Promise<string> => {
    const code = newSecretToken('gpl');
    const codeHash = hashToken(code);
    await handOffs.insert({
      codeHash, kind: handOff.kind, body: settings.accountSecrets.seal(JSON.stringify(handOff), handOffContext(codeHash)),
      expiresAt: new Date(now().getTime() + CODE_VALID_MS),
    });
    return code;
  };
  const opened = (codeHash: string, stored: StoredHandOff | undefined): HandOff => {
    if (!stored) throw codeInvalid();
    let handOff: HandOff;
    try {
      handOff = JSON.parse(settings.accountSecrets.open(stored.body, handOffContext(codeHash))) as HandOff;
    } catch {
      // Altered, or sealed under a key no longer configured: as good as unknown.
      throw codeInvalid();
    }
    if (handOff.kind !== stored.kind) throw codeInvalid();
    return handOff;
  };
  /** The hand-off of a valid code, which stays valid. */
  const readHandOff = async (code: string): Promise<HandOff> => {
    const codeHash = hashToken(code);
    return opened(codeHash, await handOffs.find(codeHash, now()));
  };
  /** Uses a code up; of requests racing with the same code, one gets the hand-off and the others 400. */
  const consumeHandOff = async (code: string): Promise<HandOff> => {
    const codeHash = hashToken(code);
    return opened(codeHash, await handOffs.take(codeHash, now()));
  };

  async function startSession(account: AccountRow, person: AgovPerson, userAgent: string | undefined, trx: Knex = db) {
    const at = now();
    const token = newSecretToken('gps');
    const session = {
      id: randomUUID(), accountId: account.id, tokenHash: hashToken(token), method: 'agov',
      userAgent: userAgent?.slice(0, 200) ?? null, createdAt: at, expiresAt: new Date(at.getTime() + settings.sessions.maxMs),
    };
    // The birth date goes with the session, sealed, for pre-filling only.
    await accounts.insertSession({ ...session, agovBirthdate: person.birthdate }, trx);
    await accounts.update(account.id, { lastLoginAt: at }, trx);
    return {
      token, accountId: account.id,
      session: {
        id: session.id, createdAt: at.toISOString(), lastSeenAt: at.toISOString(),
        expiresAt: new Date(Math.min(session.expiresAt.getTime(), at.getTime() + settings.sessions.idleMs)).toISOString(),
        userAgent: session.userAgent, current: true,
      },
    };
  }

  /** A new, activated account from AGOV's verified claims, linked to the identity. */
  async function openAccount(person: AgovPerson): Promise<AccountRow> {
    if (!person.email || !person.emailVerified) {
      throw new ProblemError(422, 'agov-email-unverified', 'AGOV hat keine bestätigte E-Mail-Adresse übermittelt.');
    }
    const email = normaliseEmail(person.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = now();
      const id = randomUUID();
      const outcome = await db.transaction(async (trx) => {
        try {
          await trx.transaction(async (inner) => {
            await inner('accounts').insert({
              id, konto_id: newKontoId(), email, first_name: person.givenName, last_name: person.familyName,
              language: languageOf(person.locale), password_hash: null, state: 'active', created_at: at, activated_at: at,
            });
          });
        } catch (error) {
          const { code, constraint } = error as { code?: string; constraint?: string };
          if (code === '23505') return constraint === 'accounts_email_unique' ? 'email-taken' as const : 'konto-id-taken' as const;
          throw error;
        }
        const linked = await identities.link(id, AGOV_PROVIDER, person.subject, at, trx);
        if (linked !== 'linked') throw new ProblemError(409, 'agov-identity-linked', 'Dieses AGOV-Login gehört bereits zu einem Konto.');
        return 'inserted' as const;
      });
      if (outcome === 'email-taken') {
        throw new ProblemError(409, 'email-taken', 'Diese E-Mail-Adresse gehört bereits zu einem Konto.',
          'Log in to that account with its password and link AGOV there (POST /account/identities/agov).');
      }
      if (outcome === 'inserted') return (await accounts.findById(id))!;
    }
    throw new Error('no free Konto-ID found');
  }

  const signTicket = (app: FastifyInstance, accountId: string) =>
    Buffer.from(app.signCookie(JSON.stringify({ accountId, expiresAt: now().getTime() + LINK_TICKET_VALID_MS }))).toString('base64url');
  /** The account a link ticket names; `graceMs` lets a ticket checked at the start outlive the time spent at AGOV. */
  const readTicket = (request: FastifyRequest, ticket: string, graceMs = 0): string | undefined => {
    try {
      const unsigned = request.unsignCookie(Buffer.from(ticket, 'base64url').toString('utf8'));
      if (!unsigned.valid || unsigned.value === null) return undefined;
      const { accountId, expiresAt } = JSON.parse(unsigned.value) as { accountId?: unknown; expiresAt?: unknown };
      return typeof accountId === 'string' && typeof expiresAt === 'number' && expiresAt + graceMs > now().getTime() ? accountId : undefined;
    } catch {
      return undefined;
    }
  };

  return async function (app: FastifyInstance): Promise<void> {
    app.get('/login/agov', {
      schema: {
        tags, summary: 'Start a login with AGOV / e-ID (INT-5): redirects to AGOV',
        description: `\`next\`: the front-end page to return to, one of ${AGOV_RETURN_PATHS.join(', ')}; it receives \`?agov=<one-time code>\` for POST /sessions/agov. \`link\`: a ticket from POST /account/identities/agov.`,
        querystring: Type.Object({ next: Type.Optional(Type.String()), link: Type.Optional(Type.String({ maxLength: 1000 })) }),
        response: { ...problemResponses(400) },
      },
    }, async (request, reply) => {
      const query = request.query as { next?: string; link?: string };
      const next = query.next === undefined ? AGOV_RETURN_PATHS[0] : safeReturnPath(query.next);
      if (!next) throw new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', `/querystring/next: not one of ${AGOV_RETURN_PATHS.join(', ')}`,
        [{ pointer: '/querystring/next', detail: 'not an allowed page' }]);
      if (query.link !== undefined && !readTicket(request, query.link)) {
        throw new ProblemError(400, 'agov-link-invalid', 'Der Link zum Verknüpfen ist abgelaufen oder ungültig.');
      }
      const config = await discovered();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const pending: PendingLogin = { verifier, state, nonce, next, ...(query.link === undefined ? {} : { link: query.link }) };
      reply.setCookie(LOGIN_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        signed: true, httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: PENDING_LOGIN_MAX_AGE_S,
      });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri, scope: SCOPE, state, nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      return reply.redirect(url.href);
    });

    app.get('/login/agov/callback', { schema: { hide: true } }, async (request, reply) => {
      const pending = readPendingLogin(request);
      reply.clearCookie(LOGIN_COOKIE, { path: COOKIE_PATH });
      if (!pending) return failed(reply, 400, 'Die Anmeldung ist abgelaufen oder wurde nicht hier begonnen.');
      const config = await discovered();
      let person: AgovPerson | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, new URL(request.url, settings.publicUrl), {
          pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce,
        });
        const claims = tokens.claims();
        person = claims ? personOf(claims) : undefined;
      } catch (error) {
        request.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'AGOV login refused');
        return failed(reply, 401, 'Die Anmeldung mit AGOV ist fehlgeschlagen.');
      }
      if (!person) return failed(reply, 401, 'AGOV hat die nötigen Angaben nicht übermittelt.');
      if (pending.link !== undefined) {
        const accountId = readTicket(request, pending.link, PENDING_LOGIN_MAX_AGE_S * 1000);
        if (!accountId || !await accounts.findById(accountId)) return failed(reply, 400, 'Der Link zum Verknüpfen ist abgelaufen.');
        const holder = await identities.accountOf(AGOV_PROVIDER, person.subject);
        if (holder !== undefined && holder !== accountId) {
          request.log.info({ accountId }, 'AGOV identity already linked to another account');
          return failed(reply, 409, 'Dieses AGOV-Login ist bereits mit einem anderen Konto verknüpft.');
        }
        return reply.redirect(frontEnd(pending.next, { 'agov-link': await issueHandOff({ kind: 'link', accountId, person }) }));
      }

      const accountId = await identities.accountOf(AGOV_PROVIDER, person.subject);
      const code = await issueHandOff(accountId ? { kind: 'login', accountId, person } : { kind: 'unknown', person });
      return reply.redirect(frontEnd(pending.next, { agov: code }));
    });

    app.post('/sessions/agov', {
      schema: {
        tags, summary: 'Log in with the one-time code of an AGOV login (`?agov=` on the return page); once, within two minutes',
        description: 'An AGOV identity linked to no account answers 404 `agov-identity-unknown` and the code stays valid: the front end offers POST /accounts/agov (a new account from AGOV\'s data) or a password login and linking.',
        body: CodeBody,
        response: { 201: SessionCreated, ...problemResponses(400, 404) },
      },
    }, async (request, reply) => {
      const { code } = request.body as { code: string };
      const handOff = await readHandOff(code);
      if (handOff.kind === 'link') throw codeInvalid();
      if (handOff.kind === 'unknown') {
        throw new ProblemError(404, 'agov-identity-unknown', 'Zu diesem AGOV-Login gibt es noch kein Konto.',
          'Open a new account with POST /accounts/agov, or log in with your password and link AGOV (POST /account/identities/agov).');
      }
      await consumeHandOff(code);
      const account = await accounts.findById(handOff.accountId);
      if (!account) throw codeInvalid();
      return reply.code(201).send(await startSession(account, handOff.person, request.headers['user-agent']));
    });

    app.post('/accounts/agov', {
      schema: {
        tags, summary: 'Open an account from an AGOV login whose identity is linked to no account; answers a session',
        description: 'Name and e-mail address come from AGOV (the address is verified there, so the account is active at once); the account has no password until one is set via the forgotten-password mail. A known e-mail address answers 409 `email-taken`: log in to that account and link AGOV instead. No mail is sent; the Konto-ID is in GET /account.',
        body: CodeBody,
        response: { 201: SessionCreated, ...problemResponses(400, 409, 422) },
      },
    }, async (request, reply) => {
      const { code } = request.body as { code: string };
      const handOff = await readHandOff(code);
      if (handOff.kind !== 'unknown') throw codeInvalid();
      await consumeHandOff(code);
      const account = await openAccount(handOff.person);
      request.log.info({ accountId: account.id }, 'account opened with AGOV');
      return reply.code(201).send(await startSession(account, handOff.person, request.headers['user-agent']));
    });

    app.post('/account/identities/agov', {
      schema: {
        tags, summary: 'Link AGOV to this account: answers the address to send the browser to (valid five minutes)',
        security: bearerSecurity,
        body: Type.Optional(Type.Object({ next: Type.Optional(Type.String()) }, { additionalProperties: false })),
        response: { 200: Type.Object({ location: Type.String() }), ...problemResponses(400, 401) },
      },
    }, async (request) => {
      const session = await authenticateCitizenSession(request);
      const next = (request.body as { next?: string } | undefined)?.next ?? '/konto';
      if (!safeReturnPath(next)) throw new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', '/body/next: not an allowed page', [{ pointer: '/body/next', detail: 'not an allowed page' }]);
      const query = new URLSearchParams({ next, link: signTicket(app, session.accountId) });
      return { location: `${settings.publicUrl}/login/agov?${query.toString()}` };
    });

    app.post('/account/identities/agov/confirmation', {
      schema: {
        tags, summary: 'Finish linking AGOV: the one-time code of the return page (`?agov-link=`), with a session of the account that started it',
        security: bearerSecurity, body: CodeBody,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 409) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      const { code } = request.body as { code: string };
      const handOff = await readHandOff(code);
      if (handOff.kind !== 'link' || handOff.accountId !== session.accountId) throw codeInvalid();
      await consumeHandOff(code);
      const outcome = await identities.link(session.accountId, AGOV_PROVIDER, handOff.person.subject, now());
      if (outcome === 'linked-elsewhere') throw new ProblemError(409, 'agov-identity-linked', 'Dieses AGOV-Login ist bereits mit einem anderen Konto verknüpft.');
      request.log.info({ accountId: session.accountId }, 'AGOV identity linked');
      return reply.code(204).send();
    });

    app.delete('/account/identities/agov', {
      schema: {
        tags, summary: 'Unlink AGOV from this account; only while the account has a password, so that it can still be logged in to',
        security: bearerSecurity, response: { 204: Type.Null(), ...problemResponses(401, 404, 409) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      const account = await accounts.findById(session.accountId);
      if (!account) throw accountErrors.invalidCredentials();
      if (!account.passwordHash) {
        throw new ProblemError(409, 'agov-only-login', 'Ohne Passwort kann AGOV nicht getrennt werden.', 'Set a password first (forgotten-password mail).');
      }
      if (!await identities.unlink(account.id, AGOV_PROVIDER)) throw new ProblemError(404, 'agov-not-linked', 'Dieses Konto ist nicht mit AGOV verknüpft.');
      return reply.code(204).send();
    });

    app.get('/account/identities', {
      schema: {
        tags, summary: 'The external logins (AGOV / e-ID) linked to this account', security: bearerSecurity,
        response: { 200: Type.Object({ identities: Type.Array(Identity) }), ...problemResponses(401) },
      },
    }, async (request) => {
      const session = await authenticateCitizenSession(request);
      const linked = await identities.list(session.accountId);
      return { identities: linked.map((identity) => ({ provider: identity.provider, linkedAt: identity.linkedAt.toISOString() })) };
    });

    app.get('/account/prefill', {
      schema: {
        tags, summary: 'Pre-filling of application forms (INT-4): the applicant as the account knows them',
        description: 'First and last name, e-mail and postal address and language of the account; the date of birth only when this session was opened with AGOV and AGOV gave it (kept, encrypted, with the session until it ends). `serviceId` is echoed; every service\'s form takes the same applicant fields today.',
        security: bearerSecurity,
        querystring: Type.Object({ serviceId: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Prefill, ...problemResponses(401) },
      },
    }, async (request) => {
      const session = await authenticateCitizenSession(request);
      const account = await accounts.findById(session.accountId);
      if (!account) throw new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich');
      const at = now();
      const dateOfBirth = await accounts.sessionBirthdate(session.sessionId, at, idleSince(at));
      const address: PostalAddress | null = account.address;
      return {
        serviceId: (request.query as { serviceId?: string }).serviceId ?? null,
        applicant: {
          firstName: account.firstName, lastName: account.lastName,
          dateOfBirth,
          email: account.email, address, language: account.language,
        },
      };
    });
  };
}

function readPendingLogin(request: FastifyRequest): PendingLogin | undefined {
  const raw = request.cookies[LOGIN_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  if (!unsigned?.valid || unsigned.value === null) return undefined;
  try {
    return JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as PendingLogin;
  } catch {
    return undefined;
  }
}

function failed(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Anmeldung mit AGOV</title></head><body><main><h1>Anmeldung mit AGOV</h1><p>${message}</p><p><a href="/login/agov">Erneut anmelden</a></p></main></body></html>`);
}
