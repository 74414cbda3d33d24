/**
 * The development identity provider over real HTTP, with openid-client as the relying party the
 * portal is: discovery, the code flow with PKCE through the German login page (posted like a
 * browser, cookies carried by hand), the claims of the ID token and userinfo, refusals, logout.
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_FORM, startIdentityProvider, type IdentityProvider } from '../../simulators/identity/identity-provider.ts';
import { DEVELOPMENT_STAFF, STAFF_ROLES, type StaffAccount } from '../../simulators/identity/staff-accounts.ts';

const CLIENT_ID = 'gemeindeportal';
const CLIENT_SECRET = 'test-secret-3f9a1c';
const PASSWORD = 'test-passwort-7d2e';
// Never fetched: the flow stops when the provider redirects there.
const REDIRECT_URI = 'http://127.0.0.1:9/tasklist/callback';
const POST_LOGOUT_URI = 'http://127.0.0.1:9/tasklist/logged-out';
const SCOPE = 'openid profile email gemeindeportal';

const staff = (username: string): StaffAccount => {
  const account = DEVELOPMENT_STAFF.find((candidate) => candidate.username === username);
  if (account === undefined) throw new Error(`no development account ${username}`);
  return account;
};

/** The cookies a browser would keep for the provider (paths ignored: sending more does no harm here). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (value === '' || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

type Visit = {
  readonly url: URL;
  readonly status: number;
  readonly body: string;
  readonly headers: Headers;
  /** Where the provider sent the browser away to (an application's redirect URI). */
  readonly redirectedTo?: URL;
};

/** A browser visit: follows the provider's redirects, stops at the first one leaving it. */
async function visit(provider: IdentityProvider, jar: CookieJar, start: URL, form?: URLSearchParams): Promise<Visit> {
  let url = start;
  let body: URLSearchParams | undefined = form;
  for (let hops = 0; hops < 10; hops += 1) {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        cookie: jar.header(),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: body?.toString(),
    });
    jar.keep(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== new URL(provider.issuer).origin) {
        return { url, status: response.status, body: '', headers: response.headers, redirectedTo: next };
      }
      url = next;
      body = undefined;
      continue;
    }
    return { url, status: response.status, body: await response.text(), headers: response.headers };
  }
  throw new Error('too many redirects');
}

function formAction(page: Visit): URL {
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
  if (action === undefined) throw new Error(`no form on ${page.url.href}`);
  return new URL(action.replaceAll('&#38;', '&'), page.url);
}

/** The OAuth error code openid-client found, in the body (ResponseBodyError) or in WWW-Authenticate. */
function oauthErrorCode(error: unknown): string | undefined {
  if (error instanceof oidc.ResponseBodyError) return error.error;
  if (error instanceof oidc.WWWAuthenticateChallengeError) return error.cause[0]?.parameters.error;
  return undefined;
}

function loginForm(username: string, password: string): URLSearchParams {
  return new URLSearchParams({ [LOGIN_FORM.usernameField]: username, [LOGIN_FORM.passwordField]: password });
}

describe('development identity provider', () => {
  let provider: IdentityProvider;
  let config: oidc.Configuration;

  beforeAll(async () => {
    provider = await startIdentityProvider({
      port: 0,
      clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_URI] }],
      accounts: DEVELOPMENT_STAFF.map((account) => ({ ...account, password: PASSWORD })),
    });
    config = await oidc.discovery(new URL(provider.issuer), CLIENT_ID, undefined, oidc.ClientSecretBasic(CLIENT_SECRET), {
      execute: [oidc.allowInsecureRequests],
    });
  });

  afterAll(async () => {
    await provider?.close();
  });

  /** The portal's side of a login: the authorization URL and what it must check on return. */
  async function startLogin(parameters: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...parameters,
    });
    return { url, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
  }

  /** Logs in through the page; returns the redirect to the portal's callback and what it needs to redeem it. */
  async function logIn(jar: CookieJar, username: string, password = PASSWORD) {
    const login = await startLogin();
    const page = await visit(provider, jar, login.url);
    expect(page.status).toBe(200);
    const done = await visit(provider, jar, formAction(page), loginForm(username, password));
    if (done.redirectedTo === undefined) throw new Error(`login of ${username} did not return to the application`);
    return { callback: done.redirectedTo, checks: login.checks };
  }

  it('when the discovery document is fetched, then it offers the code flow with PKCE S256, client_secret_basic and the portal claims', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = await response.json() as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${provider.issuer}/auth`,
      token_endpoint: `${provider.issuer}/token`,
      userinfo_endpoint: `${provider.issuer}/me`,
      jwks_uri: `${provider.issuer}/jwks`,
      end_session_endpoint: `${provider.issuer}/session/end`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'gemeindeportal']));
    expect(metadata.claims_supported).toEqual(expect.arrayContaining(['sub', 'name', 'email', 'municipality', 'roles', 'groups']));
  });

  it('when the login page is shown, then it is German, labelled, keyboard-operable and locked down', async () => {
    const page = await visit(provider, new CookieJar(), (await startLogin()).url);

    expect(page.status).toBe(200);
    expect(page.url.pathname).toMatch(/^\/interaction\/[\w-]+$/);
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain('<label for="username">Benutzername</label>');
    expect(page.body).toMatch(/<input id="username" name="username" type="text"[^>]*autocomplete="username"[^>]*required autofocus>/);
    expect(page.body).toContain('<label for="password">Passwort</label>');
    expect(page.body).toMatch(/<input id="password" name="password" type="password" autocomplete="current-password" required>/);
    expect(page.body).toContain('<button type="submit">Anmelden</button>');
    expect(page.body).toContain(':focus-visible{outline:3px solid');
    expect(page.body).not.toContain('tabindex');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-[^']+'; script-src 'none'/);
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it.each(DEVELOPMENT_STAFF.map((account) => [account.username, account] as const))(
    'when %s logs in with the code flow and PKCE, then the ID token carries their directory entry without a consent screen',
    async (username, account) => {
      const { callback, checks } = await logIn(new CookieJar(), username);
      expect(callback.href.startsWith(`${REDIRECT_URI}?`)).toBe(true);

      const tokens = await oidc.authorizationCodeGrant(config, callback, checks);

      expect(tokens.claims()).toMatchObject({
        iss: provider.issuer,
        aud: CLIENT_ID,
        sub: account.sub,
        name: account.name,
        preferred_username: account.username,
        email: account.email,
        [account.home.kind]: account.home.id,
        roles: [...account.roles],
        groups: [...account.groups],
      });
    },
  );

  it('when the access token is shown to userinfo, then it answers the same claims', async () => {
    const sandra = staff('sandra.meier');
    const { callback, checks } = await logIn(new CookieJar(), 'Sandra.Meier ');
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, sandra.sub);

    expect(userinfo).toMatchObject({
      sub: sandra.sub, name: 'Sandra Meier', municipality: 'aarau', roles: ['clerk'], groups: ['4001-einwohnerkontrolle'],
    });
  });

  it('when the application asks without the gemeindeportal scope, then municipality, roles and groups stay out of the ID token', async () => {
    const jar = new CookieJar();
    const login = await startLogin({ scope: 'openid profile' });
    const page = await visit(provider, jar, login.url);
    const done = await visit(provider, jar, formAction(page), loginForm('beat.keller', PASSWORD));

    const claims = (await oidc.authorizationCodeGrant(config, done.redirectedTo!, login.checks)).claims();

    expect(claims).toMatchObject({ sub: staff('beat.keller').sub, name: 'Beat Keller' });
    expect(claims).not.toHaveProperty('municipality');
    expect(claims).not.toHaveProperty('roles');
    expect(claims).not.toHaveProperty('email');
  });

  it('when the password is wrong or the user unknown, then the same German message comes back, no code is issued, and a correct login still works', async () => {
    const jar = new CookieJar();
    const login = await startLogin();
    const page = await visit(provider, jar, login.url);
    const action = formAction(page);

    const wrongPassword = await visit(provider, jar, action, loginForm('sandra.meier', 'falsch'));
    const unknownUser = await visit(provider, jar, action, loginForm('niemand', PASSWORD));

    for (const refused of [wrongPassword, unknownUser]) {
      expect(refused.status).toBe(200);
      expect(refused.redirectedTo).toBeUndefined();
      expect(refused.body).toContain(`<div class="error" id="login-error" role="alert"><p>${LOGIN_FORM.failedMessage}</p></div>`);
      expect(refused.body).toContain('aria-invalid="true" aria-describedby="login-error"');
      expect(refused.body).toContain('<title>Fehler: Anmelden');
      expect(refused.body).not.toContain(PASSWORD);
      expect(refused.body).not.toContain('falsch"');
    }
    expect(wrongPassword.body.replace('sandra.meier', 'X')).toBe(unknownUser.body.replace('niemand', 'X'));

    const empty = await visit(provider, jar, action, loginForm('sandra.meier', ''));
    expect(empty.body).toContain(LOGIN_FORM.incompleteMessage);

    const accepted = await visit(provider, jar, action, loginForm('sandra.meier', PASSWORD));
    const tokens = await oidc.authorizationCodeGrant(config, accepted.redirectedTo!, login.checks);
    expect(tokens.claims()?.sub).toBe(staff('sandra.meier').sub);
  });

  it('when the redirect URI is not registered, then the provider shows an error page and sends the browser nowhere', async () => {
    const login = await startLogin({ redirect_uri: 'http://127.0.0.1:9/elsewhere' });

    const page = await visit(provider, new CookieJar(), login.url);

    expect(page.status).toBe(400);
    expect(page.redirectedTo).toBeUndefined();
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain('Anmeldung nicht möglich');
    expect(page.body).toContain('<code>invalid_redirect_uri</code>');
    expect(page.body).not.toContain(`name="${LOGIN_FORM.passwordField}"`);
  });

  it.each([
    ['no code challenge', { code_challenge: '', code_challenge_method: '' }],
    ['the plain method', { code_challenge_method: 'plain' }],
  ])('when the authorization request has %s, then it is refused back to the application without a code', async (_case, parameters) => {
    const login = await startLogin();
    const url = new URL(login.url);
    for (const [name, value] of Object.entries(parameters)) {
      if (value === '') url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }

    const page = await visit(provider, new CookieJar(), url);

    expect(page.redirectedTo?.href.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(page.redirectedTo?.searchParams.get('error')).toBe('invalid_request');
    expect(page.redirectedTo?.searchParams.has('code')).toBe(false);
  });

  it('when the code is redeemed with client_secret_post or a wrong secret, then the token endpoint refuses the client', async () => {
    const asPost = await oidc.discovery(new URL(provider.issuer), CLIENT_ID, undefined, oidc.ClientSecretPost(CLIENT_SECRET), {
      execute: [oidc.allowInsecureRequests],
    });
    const wrongSecret = await oidc.discovery(new URL(provider.issuer), CLIENT_ID, undefined, oidc.ClientSecretBasic('nicht-das-geheimnis'), {
      execute: [oidc.allowInsecureRequests],
    });

    for (const refusedConfig of [asPost, wrongSecret]) {
      const { callback, checks } = await logIn(new CookieJar(), 'anna.admin');
      const refusal = await oidc.authorizationCodeGrant(refusedConfig, callback, checks).then(() => undefined, (error: unknown) => error);
      expect(oauthErrorCode(refusal)).toBe('invalid_client');
    }
  });

  it('when a code is redeemed twice, then the second time is refused', async () => {
    const { callback, checks } = await logIn(new CookieJar(), 'franz.finanz');
    await oidc.authorizationCodeGrant(config, callback, checks);

    const refusal = await oidc.authorizationCodeGrant(config, callback, checks).then(() => undefined, (error: unknown) => error);
    expect(oauthErrorCode(refusal)).toBe('invalid_grant');
  });

  it('when the login page is opened without its interaction cookie, then it says the login expired', async () => {
    const page = await visit(provider, new CookieJar(), (await startLogin()).url);

    const elsewhere = await visit(provider, new CookieJar(), page.url);

    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toContain('Anmeldung abgelaufen');
    expect(elsewhere.body).not.toContain(`name="${LOGIN_FORM.passwordField}"`);
  });

  it.each([
    ['id_token_hint', true],
    ['client_id only', false],
  ])('when the application logs out with %s, then the session ends and the browser returns to the post-logout URI', async (_case, withHint) => {
    const jar = new CookieJar();
    const { callback, checks } = await logIn(jar, 'sandra.meier');
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    // While the session lasts, another login needs no password.
    const silent = await visit(provider, jar, (await startLogin()).url);
    expect(silent.redirectedTo?.searchParams.has('code')).toBe(true);

    const logoutUrl = oidc.buildEndSessionUrl(config, {
      ...(withHint ? { id_token_hint: tokens.id_token! } : { client_id: CLIENT_ID }),
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'abmelden-42',
    });
    const logoutPage = await visit(provider, jar, logoutUrl);
    expect(logoutPage.status).toBe(200);
    expect(logoutPage.body).toContain('<html lang="de">');
    expect(logoutPage.body).toContain('name="logout" value="yes" id="logout">Abmelden</button>');
    // The page submits itself in a browser; its script is allowed by hash, nothing else.
    expect(logoutPage.body).toContain("<script>document.getElementById('logout').click();</script>");
    expect(logoutPage.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+'/);

    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutPage.body)?.[1];
    const confirmAction = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(logoutPage.body)?.[1];
    const done = await visit(provider, jar, new URL(confirmAction!), new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }));

    expect(done.redirectedTo?.href).toBe(`${POST_LOGOUT_URI}?state=abmelden-42`);
    const afterwards = await visit(provider, jar, (await startLogin()).url);
    expect(afterwards.redirectedTo).toBeUndefined();
    expect(afterwards.body).toContain(`name="${LOGIN_FORM.passwordField}"`);
  });

  it('when logout names an unregistered post-logout URI, then it is refused and the browser sent nowhere', async () => {
    const logoutUrl = oidc.buildEndSessionUrl(config, { client_id: CLIENT_ID, post_logout_redirect_uri: 'http://127.0.0.1:9/elsewhere' });

    const page = await visit(provider, new CookieJar(), logoutUrl);

    expect(page.status).toBe(400);
    expect(page.redirectedTo).toBeUndefined();
    expect(page.body).toContain('Anmeldung nicht möglich');
  });

  it('when the development staff are listed, then the accounts the tasklist relies on are there, unique and with known roles', () => {
    expect(staff('sandra.meier')).toMatchObject({ home: { kind: 'municipality', id: 'aarau' }, roles: ['clerk'], groups: ['4001-einwohnerkontrolle'] });
    expect(staff('beat.keller')).toMatchObject({ home: { kind: 'municipality', id: 'baden' }, roles: ['clerk'], groups: ['4021-einwohnerkontrolle'] });
    expect(staff('olivia.betrieb')).toMatchObject({ home: { kind: 'municipality', id: 'aarau' }, roles: ['operator'] });
    expect(staff('franz.finanz')).toMatchObject({ home: { kind: 'municipality', id: 'aarau' }, roles: ['finance'] });
    expect(staff('anna.admin')).toMatchObject({ home: { kind: 'municipality', id: 'aarau' }, roles: ['municipal-admin', 'clerk'], groups: ['4001-einwohnerkontrolle'] });
    expect(staff('zora.zivil')).toMatchObject({ home: { kind: 'institution', id: 'zivilstandsamt-aarau' }, roles: ['clerk'], groups: ['zivilstandsamt-aarau'] });
    expect(new Set(DEVELOPMENT_STAFF.map((account) => account.username)).size).toBe(DEVELOPMENT_STAFF.length);
    expect(new Set(DEVELOPMENT_STAFF.map((account) => account.sub)).size).toBe(DEVELOPMENT_STAFF.length);
    for (const account of DEVELOPMENT_STAFF) {
      for (const role of account.roles) expect(STAFF_ROLES).toContain(role);
      expect(account).not.toHaveProperty('password');
    }
  });

  it('when two accounts share a username, then the provider does not start', async () => {
    const sandra = { ...staff('sandra.meier'), password: PASSWORD };
    await expect(startIdentityProvider({
      port: 0,
      clients: [],
      accounts: [sandra, { ...sandra, sub: 'another-subject' }],
    })).rejects.toThrow('listed twice');
  });
});
