// Login with AGOV / e-ID (INT-5) and pre-filling (INT-4), composed when AGOV is configured.
import { createAgovLogin, type AgovLogin } from '../../core/accounts/agov-login.ts';
import { createPrefillApplicant, type PrefillApplicant } from '../../core/accounts/prefill.ts';
import type { Config } from '../../core/config.ts';
import { createAccountIdentitiesRepository } from '../../core/db/account-identities-repository.ts';
import { createAccountsRepository } from '../../core/db/accounts-repository.ts';
import { createCatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { createAgovHandOffsRepository } from '../../core/db/agov-hand-offs-repository.ts';
import type { SecretBox } from '../../core/db/secret-box.ts';
import type { Knex } from 'knex';
import type { AgovSettings } from '../oidc/agov.ts';
import { citizenSessionSettings } from './accounts-and-sessions.ts';

export interface AgovParts {
  settings: AgovSettings;
  login: AgovLogin;
  prefill: PrefillApplicant;
}

/** Undefined without AGOV_CLIENT_SECRET: then AGOV is not configured and its routes are not there. */
export function composeAgov(config: Config, db: Knex, accountSecrets: SecretBox): AgovParts | undefined {
  if (!config.AGOV_CLIENT_SECRET) return undefined;
  const accounts = createAccountsRepository(db, accountSecrets);
  const sessions = citizenSessionSettings(config);
  const catalogue = createCatalogueRepository(db);
  return {
    settings: { issuer: config.AGOV_ISSUER, clientId: config.AGOV_CLIENT_ID, clientSecret: config.AGOV_CLIENT_SECRET, publicUrl: config.PORTAL_PUBLIC_URL },
    login: createAgovLogin({
      accounts, identities: createAccountIdentitiesRepository(db), handOffs: createAgovHandOffsRepository(db), secrets: accountSecrets, sessions,
    }),
    prefill: createPrefillApplicant({ accounts, sessions, prefillOf: async (serviceId) => (await catalogue.intakeOf(serviceId))?.prefill }),
  };
}
