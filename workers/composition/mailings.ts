// The periodic mailings of the worker program: task digests to staff, case notices to citizens, and
// the account lifecycle job with its reminders and notices.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { runPeriodically } from '../../core/periodic.ts';
import { createSmtpMailer, type Mailer } from '../../connectors/email/mailer.ts';
import { createAccountMailDelivery } from '../../core/accounts/mail-delivery.ts';
import { createSecretBox } from '../../core/db/secret-box.ts';
import { createAccountMailOutboxRepository } from '../../core/db/account-mail-outbox-repository.ts';
import { createAccountLifecycle, type RunAccountLifecycle } from '../../core/accounts/account-lifecycle.ts';
import { createAccountDeletionRepository } from '../../core/db/account-deletion-repository.ts';
import { createTaskDigestRepository } from '../../core/db/task-digest-repository.ts';
import { createTaskDigest } from '../../core/staff/task-digest.ts';
import { createCaseNoticesRepository } from '../../core/db/case-notices-repository.ts';
import { createCaseNotices } from '../../core/cases/case-notices.ts';
import type { Config } from '../../core/config.ts';
import type { Parts } from '../../core/platform-parts.ts';

/** Runs a mailing every `everyMs` over its own SMTP connection; without SMTP_URL it does not run, and the log says what is missing. */
function startMailing(
  { config, logger }: Parts, name: string, everyMs: number, missing: string, mailing: (mailer: Mailer) => () => Promise<unknown>,
): { stop(): void } {
  if (!config.SMTP_URL) {
    logger.warn(`SMTP_URL is not set: ${missing}`);
    return { stop: () => undefined };
  }
  const mailer = createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
  const periodic = runPeriodically(name, everyMs, mailing(mailer), logger);
  return {
    stop() {
      periodic.stop();
      mailer.close();
    },
  };
}

/** E-mail digests of new and assigned tasks to staff. */
export function startTaskDigests(parts: Parts): { stop(): void } {
  const { config, logger, db } = parts;
  return startMailing(parts, 'task-digest', config.TASK_DIGEST_EVERY_MS, 'staff get no e-mail digests of their tasks', (mailer) => createTaskDigest({
    repository: createTaskDigestRepository(db), mailer, publicUrl: config.PORTAL_PUBLIC_URL, logger: logger.child({ component: 'task-digest' }),
  }));
}

/** Citizens are told by e-mail of new messages on their cases (CASE-3). */
export function startCaseNotices(parts: Parts): { stop(): void } {
  const { config, logger, db } = parts;
  return startMailing(parts, 'case-notices', config.CASE_NOTICE_EVERY_MS, 'citizens are not told of new messages on their cases', (mailer) => createCaseNotices({
    repository: createCaseNoticesRepository(db), mailer, publicUrl: config.PORTAL_PUBLIC_URL, logger: logger.child({ component: 'case-notices' }),
  }));
}

/** What the account lifecycle job is configured by. */
export type AccountLifecycleConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'ACCOUNT_SECRETS_KEY' | 'ACCOUNT_MAIL_EVERY_MS' | 'PORTAL_PUBLIC_URL' | 'DRAFT_RETENTION_MONTHS'>;

/**
 * The account lifecycle job (ACC-7 and the draft retention) as the workers run it: reminders go
 * straight to the mail server, the notices after a deletion into the account mails' outbox, which
 * the API instances deliver from. Without SMTP_URL never-used accounts and old drafts are still
 * deleted, but no reminder goes out, so no account is deleted for inactivity. `close` waits for
 * the notices on their way into the outbox.
 */
export function composeAccountLifecycle({ config, logger, db }: { config: AccountLifecycleConfig; logger: Logger; db: Knex }): { run: RunAccountLifecycle; close(): Promise<void> } {
  const mailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  if (!mailer) logger.warn('SMTP_URL is not set: no inactivity reminders, so no account is deleted for inactivity');
  const notices = createAccountMailDelivery({
    outbox: createAccountMailOutboxRepository(db), secrets: createSecretBox([config.ACCOUNT_SECRETS_KEY]), mailer,
    logger: logger.child({ component: 'account-mails' }), settings: { everyMs: config.ACCOUNT_MAIL_EVERY_MS },
  });
  const run = createAccountLifecycle({
    deletion: createAccountDeletionRepository(db), mailer, notify: notices.send, logger: logger.child({ component: 'account-lifecycle' }),
    settings: { publicUrl: config.PORTAL_PUBLIC_URL, draftRetentionMonths: config.DRAFT_RETENTION_MONTHS },
  });
  return {
    run,
    async close() {
      await notices.idle();
      mailer?.close();
    },
  };
}

/** The account lifecycle job with the real time, every ACCOUNT_LIFECYCLE_EVERY_MS. */
export function startAccountLifecycle({ config, logger, db }: Parts): { stop(): Promise<void> } {
  const lifecycle = composeAccountLifecycle({ config, logger, db });
  const periodic = runPeriodically('account-lifecycle', config.ACCOUNT_LIFECYCLE_EVERY_MS, () => lifecycle.run(new Date()), logger);
  return {
    async stop() {
      periodic.stop();
      await lifecycle.close();
    },
  };
}
