import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Mailer } from '../../connectors/email/mailer.ts';
import { createAccountDeletionRepository } from '../db/account-deletion-repository.ts';
import { createAccountsRepository } from '../db/accounts-repository.ts';
import { type AccountService, type AccountSettings, createAccountService } from './account-service.ts';
import { createDeletionService, type DeletionService } from './deletion-service.ts';
import { createAccountMailDelivery } from './mail-delivery.ts';
import type { RateLimitSettings } from './rate-limits.ts';
import { createSecondFactorService, type SecondFactorService } from './second-factor.ts';
import { createSessionService, type SessionService, type SessionSettings } from './session-service.ts';

/** "Mein Konto" as the API uses it. */
export interface Accounts {
  service: AccountService;
  sessions: SessionService;
  secondFactor: SecondFactorService;
  /** Self-deletion confirmed by e-mail (ACC-6). */
  deletion: DeletionService;
  rateLimits: RateLimitSettings;
  /** Resolves once the account mails in flight are handed to the mail server (or given up). */
  mailIdle(): Promise<void>;
}

export interface AccountsOptions extends AccountSettings {
  sessions: SessionSettings;
  rateLimits: RateLimitSettings;
  /** How long the link confirming a self-deletion works; a day unless told. */
  deletionLinkValidMs?: number;
}

/** Composes the accounts' use cases over the database and the mailer (none: mails are logged as not sent). */
export function createAccounts(deps: { db: Knex; mailer: Mailer | undefined; logger: Logger; options: AccountsOptions; now?: () => Date }): Accounts {
  const now = deps.now ?? (() => new Date());
  const accounts = createAccountsRepository(deps.db);
  const sendMail = createAccountMailDelivery({ mailer: deps.mailer, logger: deps.logger });
  const sessions = createSessionService({ accounts, settings: deps.options.sessions, now });
  const { sessions: _sessions, rateLimits, deletionLinkValidMs, ...settings } = deps.options;
  return {
    service: createAccountService({ accounts, sendMail, revokeSessions: (accountId, keep) => sessions.revokeAll(accountId, keep), settings, now }),
    sessions,
    secondFactor: createSecondFactorService({ accounts, now }),
    deletion: createDeletionService({
      accounts, deletion: createAccountDeletionRepository(deps.db), sendMail, now,
      settings: { publicUrl: settings.publicUrl, deletionLinkValidMs: deletionLinkValidMs ?? 24 * 3600 * 1000 },
    }),
    rateLimits,
    mailIdle: () => sendMail.idle(),
  };
}
