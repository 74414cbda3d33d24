// The development stand-in for AGOV (INT-5): the development OpenID provider with the
// development AGOV persons and their claims, and the portal registered as its client.
import type { Logger } from 'pino';
import { startIdentityProvider } from '../connectors/identity/identity-provider.ts';
import { AGOV_CLAIMS_BY_SCOPE, DEVELOPMENT_AGOV_PERSONS } from '../connectors/identity/agov-persons.ts';
import { withPasswords } from './development-identity.ts';

export interface DevelopmentAgov {
  issuer: string;
  close(): Promise<void>;
}

/** The portal's AGOV redirect URI under its public URL. */
export const agovRedirectUri = (publicUrl: string) => `${publicUrl}/login/agov/callback`;

export async function startDevelopmentAgov(options: {
  /** 4310 under `npm start`, 0 in tests. */
  port: number;
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  /** Passwords of DEVELOPMENT_AGOV_PERSONS, by username. */
  passwords: Readonly<Record<string, string>>;
  logger?: Logger;
}): Promise<DevelopmentAgov> {
  return startIdentityProvider({
    port: options.port,
    clients: [{
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUris: [agovRedirectUri(options.publicUrl)],
      postLogoutRedirectUris: [`${options.publicUrl}/`],
    }],
    accounts: withPasswords(DEVELOPMENT_AGOV_PERSONS, options.passwords),
    claimsByScope: AGOV_CLAIMS_BY_SCOPE,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}
