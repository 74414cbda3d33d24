// The staff directory of development and tests: the development OpenID provider with the
// development staff accounts, and the tasklist registered as its client.
import type { Logger } from 'pino';
import { startIdentityProvider } from '../connectors/identity/identity-provider.ts';
import { DEVELOPMENT_STAFF } from '../connectors/identity/staff-accounts.ts';

export interface DevelopmentIdentity {
  issuer: string;
  close(): Promise<void>;
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
    accounts: DEVELOPMENT_STAFF.map((account) => {
      const password = options.passwords[account.username];
      if (!password) throw new Error(`no development password for ${account.username}`);
      return { ...account, password };
    }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}
