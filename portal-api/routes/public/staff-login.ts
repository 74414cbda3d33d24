import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { RouteDeps } from '../../app-deps.ts';
import { lazyDiscovery } from '../../oidc/discovery.ts';
import { memberOf, safeReturnPath, STAFF_SCOPE } from '../../staff/staff-directory.ts';
import { clearStaffCookie, readStaffSession, setStaffCookie } from '../../staff/staff-session.ts';

const LOGIN_COOKIE = 'gp_login';

/**
 * Staff log in through OpenID Connect with their municipality's directory: the portal is a
 * relying party (authorization code flow with PKCE, state and nonce), and the session, kept on
 * the server (staff-sessions.ts), carries the directory's claims: municipality, roles and
 * candidate groups.
 */
export default async function staffLoginRoutes(app: FastifyInstance, { oidc: settings, rememberStaff, servedMunicipalities: servedBy }: RouteDeps): Promise<void> {
  const redirectUri = `${settings.publicUrl}/tasklist/callback`;
  const secure = settings.publicUrl.startsWith('https:');
  const discovered = lazyDiscovery(settings);

  app.get('/tasklist/login', { schema: { hide: true } }, async (request, reply) => {
    const config = await discovered();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const next = safeReturnPath((request.query as { next?: unknown }).next);
    reply.setCookie(LOGIN_COOKIE, Buffer.from(JSON.stringify({ verifier, state, nonce, next })).toString('base64url'), {
      signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/tasklist', maxAge: 600,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: STAFF_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.href);
  });

  app.get('/tasklist/callback', { schema: { hide: true } }, async (request, reply) => {
    const pending = readLoginCookie(request);
    reply.clearCookie(LOGIN_COOKIE, { path: '/tasklist' });
    if (!pending) return reply.redirect('/tasklist/login');
    const config = await discovered();
    const current = new URL(request.url, settings.publicUrl);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
    } catch (error) {
      request.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'staff login refused');
      return loginFailed(reply);
    }
    const member = await memberOf(tokens.claims(), servedBy);
    if (!member) return loginFailed(reply);
    await rememberStaff(member);
    const { token } = await app.staffSessions.start(member, tokens.refresh_token, request.headers['user-agent']);
    // A cookie of the browser session: closing the browser ends it there; the server ends it when idle or old.
    setStaffCookie(reply, token, { secure });
    request.log.info({ staffId: member.id, organisation: member.organisation }, 'staff logged in');
    return reply.redirect(safeReturnPath(pending.next));
  });

  app.get('/tasklist/logout', { schema: { hide: true } }, async (request, reply) => {
    const session = await readStaffSession(request);
    if (session) await app.staffSessions.end(session.sessionId);
    clearStaffCookie(reply);
    const wasLoggedIn = session !== undefined;
    if (!wasLoggedIn) return reply.redirect('/tasklist/logged-out');
    const config = await discovered();
    return reply.redirect(oidc.buildEndSessionUrl(config, {
      client_id: settings.clientId,
      post_logout_redirect_uri: `${settings.publicUrl}/tasklist/logged-out`,
    }).href);
  });

  app.get('/tasklist/logged-out', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page('Abgemeldet', 'Sie sind abgemeldet.', '<a href="/tasklist/">Wieder anmelden</a>')));
}

function readLoginCookie(request: FastifyRequest): { verifier: string; state: string; nonce: string; next?: string } | undefined {
  const raw = request.cookies[LOGIN_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  if (!unsigned?.valid || unsigned.value === null) return undefined;
  try {
    return JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as { verifier: string; state: string; nonce: string; next?: string };
  } catch {
    return undefined;
  }
}

function loginFailed(reply: FastifyReply) {
  return reply.code(401).type('text/html; charset=utf-8')
    .send(page('Anmeldung fehlgeschlagen', 'Die Anmeldung ist fehlgeschlagen.', '<a href="/tasklist/login">Erneut anmelden</a>'));
}

function page(title: string, text: string, link: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Aufgabenliste</title></head><body><main><h1>${title}</h1><p>${text}</p><p>${link}</p></main></body></html>`;
}
