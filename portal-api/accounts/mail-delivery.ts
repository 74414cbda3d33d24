import type { Logger } from 'pino';
import type { Mailer } from '../../connectors/email/mailer.ts';
import type { MailText } from './account-texts.ts';

/** Sends an account mail without making the caller wait for the mail server. */
export type SendAccountMail = (to: string, mail: MailText, kind: string) => void;

const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

/**
 * Account mails leave in the background, so that an answer takes as long whether a mail was due
 * or not (no account enumeration by timing) and a slow mail server does not hold the request.
 * A refused delivery is tried again a few times; the log names the kind, never the address.
 * (A durable outbox that survives a restart is still to come.)
 */
export function createAccountMailDelivery(deps: { mailer: Mailer | undefined; logger: Logger; retryDelaysMs?: readonly number[] }): SendAccountMail & { idle(): Promise<void> } {
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  const inFlight = new Set<Promise<void>>();
  async function deliver(to: string, mail: MailText, kind: string): Promise<void> {
    const mailer = deps.mailer;
    if (!mailer) {
      deps.logger.warn({ kind }, 'SMTP_URL is not set: account mail not sent');
      return;
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        await mailer.send({ to, subject: mail.subject, text: mail.text });
        return;
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined) {
          deps.logger.error({ kind, attempts: attempt + 1, error: error instanceof Error ? error.message : String(error) }, 'account mail not delivered');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }
  const send = (to: string, mail: MailText, kind: string) => {
    const delivery = deliver(to, mail, kind).finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  };
  return Object.assign(send, { idle: async () => { await Promise.all([...inFlight]); } });
}
