import type { Knex } from 'knex';
import { createAccountDeletionRepository } from '../db/account-deletion-repository.ts';
import { createAccountsRepository } from '../db/accounts-repository.ts';
import { createAgovHandOffsRepository } from '../db/agov-hand-offs-repository.ts';
import { createRateLimitHitsRepository, type RateLimitHitsRepository } from '../db/rate-limit-hits-repository.ts';
import { createSecretFailuresRepository } from '../db/secret-failures-repository.ts';
import { type AccountStateSweepSummary, createAccountStateSweep } from './account-state-sweep.ts';
import { type AccountService, type AccountSettings, createAccountService } from './account-service.ts';
import { createDeletionService, type DeletionService } from './deletion-service.ts';
import { AGOV_REAUTHENTICATION_MS, createHolderConfirmation } from './holder-confirmation.ts';
import type { AccountMailDelivery } from './mail-delivery.ts';
import type { Pseudonymise, RateLimitSettings } from './rate-limit-settings.ts';
import { createSecondFactorService, type SecondFactorService } from './second-factor.ts';
import type { SecretBox } from '../db/secret-box.ts';
import { createSecretAttempts } from './secret-attempts.ts';
import { createSessionService, type SessionService, type SessionSettings } from './session-service.ts';

/** "Mein Konto" as the API uses it. */
export interface Accounts {
  service: AccountService;
  sessions: SessionService;
  secondFactor: SecondFactorService;
  /** Self-deletion confirmed by e-mail (ACC-6). */
  deletion: DeletionService;
  rateLimits: RateLimitSettings;
  /** The counters of those limits, in PostgreSQL: shared by every API instance. */
  rateLimitHits: RateLimitHitsRepository;
  /** How those counters name a client or e-mail address: keyed with ACCOUNT_SECRETS_KEY, the same at every instance. */
  pseudonymise: Pseudonymise;
  /** Removes shared account state that has run out (counts, hand-off codes, birth dates of ended sessions); each API instance runs it now and then. */
  sweepState(): Promise<AccountStateSweepSummary>;
  /** Resolves once the account mails handed over so far are stored in the outbox and tried once (delivered, or left for a retry). */
  mailIdle(): Promise<void>;
}

export interface AccountsOptions extends AccountSettings {
  sessions: SessionSettings;
  rateLimits: RateLimitSettings;
  /** How long the link confirming a self-deletion works; a day unless told. */
  deletionLinkValidMs?: number;
  /**
   * An account without a password (opened with AGOV) confirms an e-mail change or its deletion
   * with a session opened through AGOV at most this long ago; ten minutes unless told.
   */
  agovReauthenticationMs?: number;
}

/**
 * Composes the accounts' use cases over the database, the box of ACCOUNT_SECRETS_KEY (TOTP
 * secrets are stored encrypted) and the account mails' outbox, which organisations share.
 */
export function createAccounts(deps: { db: Knex; secrets: SecretBox; mail: AccountMailDelivery; options: AccountsOptions; now?: () => Date }): Accounts {
  const now = deps.now ?? (() => new Date());
  const accounts = createAccountsRepository(deps.db, deps.secrets);
  const sendMail = deps.mail.send;
  const sessions = createSessionService({ accounts, settings: deps.options.sessions, now });
  const { sessions: _sessions, rateLimits, deletionLinkValidMs, agovReauthenticationMs, ...settings } = deps.options;
  // Password and TOTP checks behind a session: as many wrong attempts per account as login allows per address.
  const secretFailures = createSecretFailuresRepository(deps.db);
  const attempts = createSecretAttempts({ failures: secretFailures, settings: { windowMs: rateLimits.windowMs, maxFailures: rateLimits.perAddress }, now });
  const rateLimitHits = createRateLimitHitsRepository(deps.db);
  const confirmHolder = createHolderConfirmation({ attempts, agovReauthenticationMs: agovReauthenticationMs ?? AGOV_REAUTHENTICATION_MS, now });
  return {
    service: createAccountService({ accounts, sendMail, revokeSessions: (accountId, keep) => sessions.revokeAll(accountId, keep), attempts, confirmHolder, settings, now }),
    sessions,
    secondFactor: createSecondFactorService({ accounts, attempts, now }),
    deletion: createDeletionService({
      accounts, deletion: createAccountDeletionRepository(deps.db), sendMail, confirmHolder, now,
      settings: { publicUrl: settings.publicUrl, deletionLinkValidMs: deletionLinkValidMs ?? 24 * 3600 * 1000 },
    }),
    rateLimits,
    rateLimitHits,
    pseudonymise: (value, purpose) => deps.secrets.pseudonym(value, purpose),
    sweepState: createAccountStateSweep({
      accounts, rateLimitHits, secretFailures, agovHandOffs: createAgovHandOffsRepository(deps.db), sessions: deps.options.sessions, now,
    }),
    mailIdle: () => deps.mail.idle(),
  };
}
