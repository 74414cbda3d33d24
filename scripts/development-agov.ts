// The development stand-in for AGOV (INT-5): the development OpenID provider with the
// development AGOV persons and their claims, and the portal registered as its client.
import { AGOV_CLAIMS_BY_SCOPE, DEVELOPMENT_AGOV_PERSONS } from '../simulators/identity/agov-persons.ts';
import {
  runStandaloneProvider, startDevelopmentProvider, type DevelopmentIdentity, type DevelopmentProvider, type DevelopmentProviderOptions,
} from './development-identity.ts';

export type DevelopmentAgov = DevelopmentIdentity;

const AGOV_STAND_IN: DevelopmentProvider = {
  accounts: DEVELOPMENT_AGOV_PERSONS,
  redirectPath: '/login/agov/callback',
  postLogoutPath: '/',
  claimsByScope: AGOV_CLAIMS_BY_SCOPE,
};

/** 4310 under `npm start`, 0 in tests; `passwords` are those of DEVELOPMENT_AGOV_PERSONS, by username. */
export const startDevelopmentAgov = (options: DevelopmentProviderOptions): Promise<DevelopmentAgov> =>
  startDevelopmentProvider(AGOV_STAND_IN, options);

/**
 * Runs the AGOV stand-in on its own (docker-compose): `node scripts/development-agov.ts`.
 * Environment: AGOV_PROVIDER_PORT (4310), AGOV_PROVIDER_HOST, AGOV_PROVIDER_ISSUER, PORTAL_PUBLIC_URL,
 * AGOV_CLIENT_ID, AGOV_CLIENT_SECRET, and AGOV_PASSWORD_<USERNAME> per person.
 */
if (import.meta.main) {
  await runStandaloneProvider(AGOV_STAND_IN, {
    name: 'agov-stand-in', description: 'AGOV stand-in', variablePrefix: 'AGOV_PROVIDER', defaultPort: 4310,
    clientIdVariable: 'AGOV_CLIENT_ID', defaultClientId: 'gemeindeportal-agov', clientSecretVariable: 'AGOV_CLIENT_SECRET', passwordPrefix: 'AGOV_PASSWORD',
  });
}
