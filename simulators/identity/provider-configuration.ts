/**
 * How oidc-provider is set up for the development directory: authorization code flow with PKCE
 * (S256) only, client_secret_basic only, the portal's claims in the ID token, first-party
 * clients without a consent screen, short sessions, German pages. Refresh tokens, as directories
 * issue them to their web applications, so that the portal can ask again about a logged-in
 * member; they end with the member's session here, and are refused once the account is disabled.
 */
import type { ClientMetadata, Configuration, Grant, Jwk, KoaContextWithOIDC } from 'oidc-provider';
import { createMemoryAdapter } from './memory-adapter.ts';
import { errorPage, logoutPage, noticePage, type HtmlPage } from './pages.ts';
import type { DirectoryAccount } from './staff-accounts.ts';
import type { StaffDirectory } from './staff-directory.ts';

/** An application that lets staff log in here; all of them are the platform's own. */
export type IdentityClient = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
};

/** The scope that releases the portal's own claims. */
export const PORTAL_SCOPE = 'gemeindeportal';

/** Which claims each scope releases, in the ID token and at the userinfo endpoint. */
export const CLAIMS_BY_SCOPE = {
  openid: ['sub'],
  profile: ['name', 'preferred_username'],
  email: ['email', 'email_verified'],
  [PORTAL_SCOPE]: ['municipality', 'institution', 'roles', 'groups'],
} as const;

const HOUR = 3600;
export const SESSION_TTL_SECONDS = 8 * HOUR;

export type ProviderConfigurationInput = {
  readonly clients: readonly IdentityClient[];
  readonly directory: StaffDirectory;
  readonly signingKey: Jwk;
  /** Signs the provider's cookies. */
  readonly cookieKey: string;
  /** Which claims each scope releases; CLAIMS_BY_SCOPE unless told. */
  readonly claimsByScope?: Readonly<Record<string, readonly string[]>>;
};

export function providerConfiguration(input: ProviderConfigurationInput): Configuration {
  return {
    adapter: createMemoryAdapter(),
    clients: input.clients.map(clientMetadata),
    clientAuthMethods: ['client_secret_basic'],
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: { ...Object.fromEntries(Object.entries(input.claimsByScope ?? CLAIMS_BY_SCOPE).map(([scope, names]) => [scope, [...names]])), acr: null, sid: null, auth_time: null, iss: null },
    // By default a code flow's ID token holds only `sub`; the portal reads its claims from there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: {
      // The portal runs on the same host in development, and cookies do not keep ports apart.
      names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_interaction_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
      keys: [input.cookieKey],
    },
    jwks: { keys: [input.signingKey] },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      userinfo: { enabled: true },
    },
    findAccount: async (_ctx, sub) => {
      const account = input.directory.findBySubject(sub);
      return account === undefined ? undefined : { accountId: account.sub, claims: async () => accountClaims(account) };
    },
    loadExistingGrant: grantEverythingRequested,
    renderError: async (ctx, out) => sendPage(ctx, errorPage(out.error, out.error_description)),
    ttl: {
      AccessToken: 15 * 60,
      AuthorizationCode: 60,
      IdToken: 15 * 60,
      Interaction: 30 * 60,
      Session: SESSION_TTL_SECONDS,
      Grant: SESSION_TTL_SECONDS,
      RefreshToken: SESSION_TTL_SECONDS,
    },
  };
}

function clientMetadata(client: IdentityClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    application_type: 'web',
  };
}

/** Every claim the account has; oidc-provider releases only those of the granted scopes. */
function accountClaims(account: DirectoryAccount): Record<string, unknown> {
  if ('claims' in account) return { ...account.claims, sub: account.sub };
  return {
    sub: account.sub,
    name: account.name,
    preferred_username: account.username,
    email: account.email,
    email_verified: true,
    // One of the two: where the member works.
    ...(account.home.kind === 'municipality' ? { municipality: account.home.id } : { institution: account.home.id }),
    roles: [...account.roles],
    groups: [...account.groups],
  };
}

/**
 * Consent is implicit: every configured client is the platform's own, so whatever it asks for
 * is granted when the staff member has logged in, and no consent prompt ever comes up.
 */
async function grantEverythingRequested(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { oidc } = ctx;
  const accountId = oidc.session?.accountId;
  const clientId = oidc.client?.clientId;
  if (accountId === undefined || clientId === undefined) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
  const existing = grantId === undefined ? undefined : await oidc.provider.Grant.find(grantId);
  const grant = existing !== undefined && existing.accountId === accountId
    ? existing
    : new oidc.provider.Grant({ accountId, clientId });
  if (oidc.requestParamOIDCScopes.size > 0) grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  if (oidc.requestParamClaims.size > 0) grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  // A registered application sent the staff member here (by id_token_hint or client_id, with
  // its post-logout URI checked): it asked already, so the page confirms itself.
  sendPage(ctx, logoutPage(form, { automatic: ctx.oidc.client !== undefined }));
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  sendPage(ctx, noticePage('Abgemeldet', 'Sie sind abgemeldet. Sie können dieses Fenster schliessen.'));
}

function sendPage(ctx: KoaContextWithOIDC, page: HtmlPage): void {
  for (const [name, value] of Object.entries(page.headers)) ctx.set(name, value);
  ctx.body = page.html;
}
