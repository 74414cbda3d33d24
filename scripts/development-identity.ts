// The staff directory of development and tests: the development OpenID provider with the
// development staff accounts, and the tasklist registered as its client.
import { pino, type Logger } from 'pino';
import { closeOnSignal } from './close-on-signal.ts';
import { startIdentityProvider } from '../connectors/identity/identity-provider.ts';
import { DEVELOPMENT_STAFF } from '../connectors/identity/staff-accounts.ts';

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

export async function startDevelopmentIdentity(options: {
  port: number;
  /** The portal's public URL: the tasklist's redirect and post-logout URIs live there. */
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  passwords: Readonly<Record<string, string>>;
  logger?: Logger;
}): Promise<DevelopmentIdentity> {
  return startIdentityProvider({
    port: options.port,
    clients: [{
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUris: [`${options.publicUrl}/tasklist/callback`],
      postLogoutRedirectUris: [`${options.publicUrl}/tasklist/logged-out`],
    }],
    accounts: withPasswords(DEVELOPMENT_STAFF, options.passwords),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}

/**
 * Runs the development staff directory on its own (docker-compose): `node scripts/development-identity.ts`.
 * Environment: IDENTITY_PROVIDER_PORT (4300), IDENTITY_PROVIDER_HOST, IDENTITY_PROVIDER_ISSUER,
 * PORTAL_PUBLIC_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, and STAFF_PASSWORD_<USERNAME> per account
 * (username upper-cased, dots as underscores).
 */
async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', name: 'identity-provider' });
  const passwordVariable = (username: string) => `STAFF_PASSWORD_${username.toUpperCase().replaceAll('.', '_')}`;
  const identity = await startIdentityProvider({
    port: Number(process.env.IDENTITY_PROVIDER_PORT ?? 4300),
    host: process.env.IDENTITY_PROVIDER_HOST ?? '127.0.0.1',
    ...(process.env.IDENTITY_PROVIDER_ISSUER ? { issuer: process.env.IDENTITY_PROVIDER_ISSUER } : {}),
    clients: [{
      clientId: process.env.OIDC_CLIENT_ID ?? 'gemeindeportal-tasklist',
      clientSecret: process.env.OIDC_CLIENT_SECRET ?? '',
      redirectUris: [`${process.env.PORTAL_PUBLIC_URL ?? 'http://127.0.0.1:3000'}/tasklist/callback`],
      postLogoutRedirectUris: [`${process.env.PORTAL_PUBLIC_URL ?? 'http://127.0.0.1:3000'}/tasklist/logged-out`],
    }],
    accounts: DEVELOPMENT_STAFF.map((account) => ({ ...account, password: process.env[passwordVariable(account.username)] ?? '' })),
    logger,
  });
  logger.info({ issuer: identity.issuer }, 'development staff directory listening');
  closeOnSignal(logger, () => identity.close());
}

if (import.meta.main) await main();
