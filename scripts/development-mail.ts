// The mail server of development: every mail the platform sends lands here and is readable at
// http://127.0.0.1:4402/__sim/mails (optionally ?to=address).
import { pino } from 'pino';
import { startMailCatcher } from '../simulators/mail/mail-catcher.ts';
import { closeOnSignal } from '../core/close-on-signal.ts';

/**
 * Runs it on its own (docker-compose): `node scripts/development-mail.ts`.
 * Environment: MAIL_CATCHER_HOST (127.0.0.1), MAIL_CATCHER_SMTP_PORT (4025), MAIL_CATCHER_HTTP_PORT (4402).
 */
async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', name: 'mail-catcher' });
  const catcher = await startMailCatcher({
    host: process.env.MAIL_CATCHER_HOST ?? '127.0.0.1',
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 4025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 4402),
  });
  logger.info({ smtp: catcher.smtpUrl, mails: `${catcher.url}/__sim/mails` }, 'mail catcher listening');
  closeOnSignal(logger, () => catcher.close());
}

if (import.meta.main) await main();
