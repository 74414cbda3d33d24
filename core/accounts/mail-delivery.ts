import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Mailer, OutgoingMail } from '../../connectors/email/mailer.ts';
import type { AccountMailOutboxRepository, OutboxMail } from '../db/account-mail-outbox-repository.ts';
import type { MailText } from './account-texts.ts';
import type { SecretBox } from '../db/secret-box.ts';

/** Sends an account mail without making the caller wait for the mail server. */
export type SendAccountMail = (to: string, mail: MailText, kind: string) => void;

/** What one periodic run did; counts only, so that it can be logged without personal data. */
export interface DeliveryRun {
  sent: number;
  /** Refused and left for a later attempt. */
  deferred: number;
  /** Refused for a day: given up. */
  dropped: number;
}

export interface AccountMailDelivery {
  send: SendAccountMail;
  /** Resolves once the mails handed to `send` so far are stored and tried, and a periodic run in progress is over. */
  idle(): Promise<void>;
  /** The periodic run: tries every mail that is due, those a previous process left included. */
  deliverDue(): Promise<DeliveryRun>;
}

export interface DeliverySettings {
  /** How often `deliverDue` runs; a refused mail is tried again after this, then after twice as long each time, at most hourly. */
  everyMs: number;
  /** A mail refused this long after it was written is given up. A day unless told. */
  giveUpAfterMs?: number;
  /** How long a delivery may hold a mail before another may take it over (a process that died while sending). */
  leaseMs?: number;
  batchSize?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const LEASE_MS = 5 * 60_000;

/** The wait before the next attempt after `attempts` refusals. */
export function retryDelayMs(attempts: number, everyMs: number): number {
  return Math.min(everyMs * 2 ** Math.max(0, attempts - 1), Math.max(everyMs, HOUR_MS));
}

/** A mail server's refusal can quote the recipient; logs name the kind of mail, never the address. */
const redacted = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');

const sealContext = (id: string) => `account-mail:${id}`;

/**
 * Account mails go through a durable outbox (account_mail_outbox): `send` stores the mail, its
 * recipient and text sealed with ACCOUNT_SECRETS_KEY (the links carry tokens), and tries it at
 * once; a refused mail is tried again by the periodic run, which also takes up what a stopped
 * process left, until the mail server accepts it or a day has passed. Both happen after the
 * caller's answer: it takes as long whether a mail was due or not (no account enumeration by
 * timing), and a slow mail server does not hold it. Each mail is held by one delivery at a time
 * (a claim with a lease), so several API instances do not send it twice; a process that dies
 * between the server's acceptance and the row's deletion sends it again after the lease, which
 * no outbox can avoid. The log names the kind of mail, never the address.
 */
export function createAccountMailDelivery(deps: {
  outbox: AccountMailOutboxRepository;
  secrets: SecretBox;
  /** None: mails are logged as not sent, and nothing is stored. */
  mailer: Mailer | undefined;
  logger: Logger;
  settings: DeliverySettings;
  now?: () => Date;
}): AccountMailDelivery {
  const { outbox, secrets, mailer, logger, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const giveUpAfterMs = settings.giveUpAfterMs ?? DAY_MS;
  const leaseMs = settings.leaseMs ?? LEASE_MS;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };

  /** One delivery of a claimed mail; never throws. */
  async function attempt(sender: Mailer, mail: OutboxMail, opened?: OutgoingMail): Promise<keyof DeliveryRun> {
    let error: unknown;
    try {
      await sender.send(opened ?? JSON.parse(secrets.open(mail.body, sealContext(mail.id))) as OutgoingMail);
    } catch (refusal) {
      error = refusal;
    }
    try {
      if (error === undefined) {
        await outbox.delivered(mail);
        return 'sent';
      }
      const attempts = mail.attempts + 1;
      const at = now().getTime();
      const next = at + retryDelayMs(attempts, settings.everyMs);
      if (next - mail.createdAt.getTime() > giveUpAfterMs) {
        await outbox.drop(mail);
        logger.error({ kind: mail.kind, attempts, error: redacted(error) }, 'account mail given up: not delivered');
        return 'dropped';
      }
      await outbox.retryLater(mail, attempts, new Date(next));
      logger.warn({ kind: mail.kind, attempts, error: redacted(error) }, 'account mail not delivered yet; tried again later');
      return 'deferred';
    } catch (recording) {
      // The claim lapses after the lease and the mail is tried again (once more, if it was sent).
      logger.error({ kind: mail.kind, error: redacted(recording) }, 'account mail delivery not recorded');
      return 'deferred';
    }
  }

  async function queueAndTry(sender: Mailer, to: string, text: MailText, kind: string): Promise<void> {
    const content: OutgoingMail = { to, subject: text.subject, text: text.text };
    const id = randomUUID();
    const at = now();
    let stored: OutboxMail;
    try {
      stored = await outbox.add({ id, kind, body: secrets.seal(JSON.stringify(content), sealContext(id)), createdAt: at, leaseUntil: new Date(at.getTime() + leaseMs) });
    } catch (error) {
      // Without the outbox, one attempt as before it existed is better than none.
      logger.error({ kind, error: redacted(error) }, 'account mail not stored; tried once without retry');
      await sender.send(content).catch((refusal: unknown) => logger.error({ kind, error: redacted(refusal) }, 'account mail not delivered'));
      return;
    }
    await attempt(sender, stored, content);
  }

  return {
    send(to, mail, kind) {
      if (!mailer) {
        logger.warn({ kind }, 'SMTP_URL is not set: account mail not sent');
        return;
      }
      void track(queueAndTry(mailer, to, mail, kind));
    },

    async idle() {
      await Promise.all([...inFlight]);
    },

    deliverDue() {
      return track((async () => {
        const run: DeliveryRun = { sent: 0, deferred: 0, dropped: 0 };
        if (!mailer) return run;
        const at = now();
        const due = await outbox.claimDue(at, new Date(at.getTime() + leaseMs), settings.batchSize ?? 100);
        for (const mail of due) run[await attempt(mailer, mail)] += 1;
        if (run.sent > 0 || run.dropped > 0) logger.info({ task: 'account-mails', ...run }, 'account mails delivered from the outbox');
        return run;
      })());
    },
  };
}
