import type { Logger } from 'pino';
import type { Mailer } from './mailer.ts';

/** What a periodic mailing needs: where it reads whom to tell, how it sends, and the links' base. */
export interface PeriodicMailingDeps<Repository> {
  repository: Repository;
  mailer: Mailer;
  /** The portal's public address that the mails link to, e.g. https://portal.example.ch */
  publicUrl: string;
  logger: Logger;
  now?: () => Date;
}

/** One run of a periodic mailing: how many mails went out, and how many were refused. */
export type MailingRun = () => Promise<{ sent: number; failed: number }>;

/**
 * Runs one delivery per recipient of a periodic mailing: a refused delivery is counted and
 * reported, and the others still go out; whether and how it is tried again is the caller's
 * record (nothing recorded as told means the next run tries again).
 */
export async function deliverEach<T>(
  recipients: readonly T[],
  deliver: (recipient: T) => Promise<'sent' | 'nothing-new'>,
  onFailure: (recipient: T, error: string) => void,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const recipient of recipients) {
    try {
      if (await deliver(recipient) === 'sent') sent += 1;
    } catch (error) {
      failed += 1;
      onFailure(recipient, error instanceof Error ? error.message : String(error));
    }
  }
  return { sent, failed };
}
