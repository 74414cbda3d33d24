// The development OpenID providers: the staff directory of development and tests (the tasklist
// is its client) and, in development-agov.ts, the AGOV stand-in. Both are the development
// provider with their own accounts and the portal registered as their client.
import { pino, type Logger } from 'pino';
import { closeOnSignal } from '../core/close-on-signal.ts';
import { startIdentityProvider } from '../simulators/identity/identity-provider.ts';
import { DEVELOPMENT_STAFF, type DirectoryAccount, type StaffAccount } from '../simulators/identity/staff-accounts.ts';

export interface DevelopmentIdentity {
  issuer: string;
  close(): Promise<void>;
}

/** The development accounts with the passwords their provider checks; every account must have one. */
export function withPasswords<Account extends { username: string }>(accounts: readonly Account[], passwords: Readonly<Record<string, string>>): (Account & { password: string })[] {
  return accounts.map((account) => {
    const password = passwords[account.username];
    if (!password) throw new Error(`no development password for ${account.username}`);
    return { ...account, password };
  });
}

/** The variable holding a development account's password: `<PREFIX>_<USERNAME>`, upper-cased, dots as underscores. */
export const passwordVariable = (prefix: string, username: string): string => `${prefix}_${username.toUpperCase().replaceAll('.', '_')}`;

/** What makes a development provider the one it is: its accounts, and where it sends the portal back. */
export interface DevelopmentProvider {
  accounts: readonly DirectoryAccount[];
  /** Paths under the portal's public URL. */
  redirectPath: string;
  postLogoutPath: string;
  claimsByScope?: Readonly<Record<string, readonly string[]>>;
}

export interface DevelopmentProviderOptions {
  /** 0 in tests. */
  port: number;
  host?: string;
  issuer?: string;
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  /** The accounts' passwords, by username. */
  passwords: Readonly<Record<string, string>>;
  logger?: Logger;
}

export function startDevelopmentProvider(provider: DevelopmentProvider, options: DevelopmentProviderOptions): Promise<DevelopmentIdentity> {
  return startIdentityProvider({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    clients: [{
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUris: [`${options.publicUrl}${provider.redirectPath}`],
      postLogoutRedirectUris: [`${options.publicUrl}${provider.postLogoutPath}`],
    }],
    accounts: withPasswords(provider.accounts, options.passwords),
    ...(provider.claimsByScope === undefined ? {} : { claimsByScope: provider.claimsByScope }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}

const STAFF_DIRECTORY: DevelopmentProvider = { accounts: DEVELOPMENT_STAFF, redirectPath: '/tasklist/callback', postLogoutPath: '/tasklist/logged-out' };

/** The development staff directory; tests add accounts of their own (`extraAccounts`) to change them freely. */
export const startDevelopmentIdentity = (options: DevelopmentProviderOptions & { extraAccounts?: readonly StaffAccount[] }): Promise<DevelopmentIdentity> =>
  startDevelopmentProvider({ ...STAFF_DIRECTORY, accounts: [...DEVELOPMENT_STAFF, ...(options.extraAccounts ?? [])] }, options);

/** How a development provider is configured when it runs on its own (docker-compose). */
export interface StandaloneSettings {
  /** The log's name and what it says it is, e.g. 'development staff directory'. */
  name: string;
  description: string;
  /** Prefix of the `_PORT`, `_HOST` and `_ISSUER` variables, e.g. 'IDENTITY_PROVIDER'. */
  variablePrefix: string;
  defaultPort: number;
  clientIdVariable: string;
  defaultClientId: string;
  clientSecretVariable: string;
  /** Prefix of the accounts' password variables, e.g. 'STAFF_PASSWORD'. */
  passwordPrefix: string;
}

/** Runs a development provider from the environment (PORTAL_PUBLIC_URL, LOG_LEVEL and the settings' variables) until a signal. */
export async function runStandaloneProvider(provider: DevelopmentProvider, settings: StandaloneSettings, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = pino({ level: env.LOG_LEVEL ?? 'info', name: settings.name });
  const host = env[`${settings.variablePrefix}_HOST`];
  const issuer = env[`${settings.variablePrefix}_ISSUER`];
  const running = await startDevelopmentProvider(provider, {
    port: Number(env[`${settings.variablePrefix}_PORT`] ?? settings.defaultPort),
    host: host ?? '127.0.0.1',
    ...(issuer ? { issuer } : {}),
    publicUrl: env.PORTAL_PUBLIC_URL ?? 'http://127.0.0.1:3000',
    clientId: env[settings.clientIdVariable] ?? settings.defaultClientId,
    clientSecret: env[settings.clientSecretVariable] ?? '',
    passwords: Object.fromEntries(provider.accounts.map(({ username }) => [username, env[passwordVariable(settings.passwordPrefix, username)] ?? ''])),
    logger,
  });
  logger.info({ issuer: running.issuer }, `${settings.description} listening`);
  closeOnSignal(logger, () => running.close());
}

/**
 * Runs the development staff directory on its own (docker-compose): `node scripts/development-identity.ts`.
 * Environment: IDENTITY_PROVIDER_PORT (4300), IDENTITY_PROVIDER_HOST, IDENTITY_PROVIDER_ISSUER,
 * PORTAL_PUBLIC_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, and STAFF_PASSWORD_<USERNAME> per account.
 */
if (import.meta.main) {
  await runStandaloneProvider(STAFF_DIRECTORY, {
    name: 'identity-provider', description: 'development staff directory', variablePrefix: 'IDENTITY_PROVIDER', defaultPort: 4300,
    clientIdVariable: 'OIDC_CLIENT_ID', defaultClientId: 'gemeindeportal-tasklist', clientSecretVariable: 'OIDC_CLIENT_SECRET', passwordPrefix: 'STAFF_PASSWORD',
  });
}
