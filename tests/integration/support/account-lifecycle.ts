import type { Knex } from 'knex';
import pino from 'pino';
import { inject } from 'vitest';
import { composeAccountLifecycle } from '../../../workers/composition/mailings.ts';

/**
 * The account lifecycle job composed as the platform's workers compose it, on the test platform's
 * database, mail server and ACCOUNT_SECRETS_KEY, so that the notices it puts into the outbox are
 * delivered by the platform's API like its own. Tests run it with a date months ahead.
 */
export function lifecycleOfTestPlatform(db: Knex, options: { withMailServer: boolean } = { withMailServer: true }) {
  return composeAccountLifecycle({
    db,
    logger: pino({ level: 'silent' }),
    config: {
      SMTP_URL: options.withMailServer ? inject('smtpUrl') : undefined,
      MAIL_FROM: 'Gemeindeportal <noreply@gemeindeportal.example>',
      ACCOUNT_SECRETS_KEY: inject('accountSecretsKey'),
      ACCOUNT_MAIL_EVERY_MS: 1000,
      PORTAL_PUBLIC_URL: 'http://127.0.0.1:3000',
      DRAFT_RETENTION_MONTHS: 6,
    },
  });
}
