/**
 * Login with AGOV, the federal login service that also carries the Swiss e-ID (INT-5). The portal
 * is an OpenID Connect relying party (authorization code flow with PKCE, state and nonce), as for
 * the staff login (staff-login.ts); in development and tests a second local provider stands
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
 *
 * This file holds the login's routes; the linking's are the citizen's (citizen/account-identities.ts);
 * what happens once AGOV has said who the person is, is the use case core/accounts/agov-login.ts.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { RouteDeps } from '../../app-deps.ts';
import { lazyDiscovery } from '../../oidc/discovery.ts';
import { AGOV_RETURN_PATHS, personOf, readLinkTicket, safeReturnPath } from '../../oidc/agov.ts';
import type { AgovPerson } from '../../../core/accounts/agov-hand-offs.ts';
import { problemResponses } from '../../schemas/common.ts';
import { AgovCodeBody, AgovSessionCreated } from '../../schemas/agov.ts';
import { agovErrors } from '../../../core/errors/agov-errors.ts';

type PendingLogin = { verifier: string; state: string; nonce: string; next: string; link?: string };

const LOGIN_COOKIE = 'gp_agov';
const COOKIE_PATH = '/login/agov';
const SCOPE = 'openid profile email agov';
const PENDING_LOGIN_MAX_AGE_S = 600;
const tags = ['accounts'];

/** The login's start and AGOV's callback, and the front end's exchange of the one-time code for a session or a new account. */
export default async function agovLoginRoutes(app: FastifyInstance, { agov }: RouteDeps): Promise<void> {
  if (!agov) return;
  const { settings, login } = agov;
  const redirectUri = `${settings.publicUrl}/login/agov/callback`;
  const secure = settings.publicUrl.startsWith('https:');
  const discovered = lazyDiscovery(settings);

  const frontEnd = (path: string, params: Record<string, string>) => {
    const url = new URL(path, settings.publicUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.href;
  };

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
    if (!next) throw agovErrors.returnPathInvalid('/querystring/next', `not one of ${AGOV_RETURN_PATHS.join(', ')}`);
    if (query.link !== undefined && !readLinkTicket(request, query.link)) {
      throw agovErrors.linkInvalid();
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
      const accountId = readLinkTicket(request, pending.link, PENDING_LOGIN_MAX_AGE_S * 1000);
      const linking = accountId ? await login.handOffLink(accountId, person) : { outcome: 'account-gone' as const };
      if (linking.outcome === 'account-gone') return failed(reply, 400, 'Der Link zum Verknüpfen ist abgelaufen.');
      if (linking.outcome === 'linked-elsewhere') {
        request.log.info({ accountId }, 'AGOV identity already linked to another account');
        return failed(reply, 409, 'Dieses AGOV-Login ist bereits mit einem anderen Konto verknüpft.');
      }
      return reply.redirect(frontEnd(pending.next, { 'agov-link': linking.code }));
    }
    return reply.redirect(frontEnd(pending.next, { agov: await login.handOffLogin(person) }));
  });

  app.post('/sessions/agov', {
    schema: {
      tags, summary: 'Log in with the one-time code of an AGOV login (`?agov=` on the return page); once, within two minutes',
      description: 'An AGOV identity linked to no account answers 404 `agov-identity-unknown` and the code stays valid: the front end offers POST /accounts/agov (a new account from AGOV\'s data) or a password login and linking.',
      body: AgovCodeBody,
      response: { 201: AgovSessionCreated, ...problemResponses(400, 404) },
    },
  }, async (request, reply) => {
    const { code } = request.body as { code: string };
    return reply.code(201).send(await login.logIn(code, request.headers['user-agent']));
  });

  app.post('/accounts/agov', {
    schema: {
      tags, summary: 'Open an account from an AGOV login whose identity is linked to no account; answers a session',
      description: 'Name and e-mail address come from AGOV (the address is verified there, so the account is active at once); the account has no password until one is set via the forgotten-password mail. A known e-mail address answers 409 `email-taken`: log in to that account and link AGOV instead. No mail is sent; the Konto-ID is in GET /account.',
      body: AgovCodeBody,
      response: { 201: AgovSessionCreated, ...problemResponses(400, 409, 422) },
    },
  }, async (request, reply) => {
    const { code } = request.body as { code: string };
    const started = await login.openAccount(code, request.headers['user-agent']);
    request.log.info({ accountId: started.accountId }, 'account opened with AGOV');
    return reply.code(201).send(started);
  });
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
