import type { Logger } from 'pino';
import type { Mailer } from '../../connectors/email/mailer.ts';
import type { AccountDeletionRepository, HandedOnManagement, LifecycleAccount, LifecycleScope } from '../db/account-deletion-repository.ts';
import { LANGUAGES, type Language } from '../language.ts';
import { ORGANISATION_MAIL_TEXTS } from '../organisations/organisation-texts.ts';
import type { MailText } from './account-texts.ts';
import { deletionTextsOf, eraseAccount, nameOf } from './deletion-service.ts';
import { ACC7_PERIODS, addMonths, lifecycleCutoffs, lifecycleStep, type LifecyclePeriods, staleDraftsBefore } from './lifecycle-rules.ts';
import { ACCOUNT_PAGES, pageLink } from './links.ts';
import type { SendAccountMail } from './mail-delivery.ts';
import { formatZurichDay } from '../../connectors/swiss-time.ts';

export interface LifecycleSettings {
  publicUrl: string;
  /** INT-3: drafts untouched this many months are deleted. */
  draftRetentionMonths: number;
  periods?: LifecyclePeriods;
  /** Accounts looked at per run; the rest wait for the next run. */
  batchSize?: number;
}

/** What one run did; counts only, so that it can be logged without personal data. */
export interface LifecycleRunSummary {
  deletedNeverUsed: number;
  reminded: number;
  deletedInactive: number;
  /** Reminders that were due but not delivered (no SMTP, or the server refused): tried again next run. */
  remindersNotSent: number;
  deletedDrafts: number;
}

/** Runs ACC-7 and the draft retention at a given time; the worker passes the real time. */
export type RunAccountLifecycle = (at: Date, scope?: LifecycleScope) => Promise<LifecycleRunSummary>;


/**
 * ACC-7 (a) never used within 2 months: deleted, activated or not; (b) 18 months after the last
 * login a reminder, 2 months later the deletion unless the person logged in meanwhile. Then
 * drafts untouched longer than the retention (INT-3).
 *
 * The clock is the caller's: the worker runs this with the real time, tests with a date months
 * ahead, limited to their own accounts because the test database is shared.
 *
 * A reminder is sent directly and recorded only once the mail server took it, so nobody is
 * deleted under (b) without having been told (without SMTP no reminder goes out, and nobody is
 * deleted under (b)). What is told after the fact (a deletion, a member made manager in the
 * deleted one's place) goes through the account mails' outbox, so a mail server that refuses for
 * a while delays it but does not lose it. A deletion is told by mail, except to a never-activated
 * account: its address was never confirmed, and the mail could reach someone who never asked
 * for an account.
 */
export function createAccountLifecycle(deps: {
  deletion: AccountDeletionRepository;
  /** Sends the inactivity reminders; none: no reminders, so no deletion for inactivity. */
  mailer: Mailer | undefined;
  /** Stores a notice in the outbox, from where it is delivered and retried. */
  notify: SendAccountMail;
  logger: Logger;
  settings: LifecycleSettings;
}): RunAccountLifecycle {
  const { deletion, mailer, notify, logger, settings } = deps;
  const periods = settings.periods ?? ACC7_PERIODS;
  const batchSize = settings.batchSize ?? 500;

  async function sendReminder(to: string, mail: MailText): Promise<boolean> {
    if (!mailer) return false;
    try {
      await mailer.send({ to, subject: mail.subject, text: mail.text });
      return true;
    } catch (error) {
      logger.warn({ kind: 'inactivity-reminder', error: error instanceof Error ? error.message : String(error) }, 'account lifecycle mail not delivered');
      return false;
    }
  }

  /** Deletes the account if the step is still due once it is locked (a login may have come in between). */
  async function deleteIfStillDue(candidate: LifecycleAccount, at: Date): Promise<boolean> {
    const outcome = await deletion.transaction(async (trx) => {
      const account = await deletion.lock(candidate.id, trx);
      if (!account || lifecycleStep(account, at, periods) !== lifecycleStep(candidate, at, periods)) return { deleted: false, handedOn: [] };
      return eraseAccount(deletion, account.id, trx);
    });
    for (const handedOn of outcome.handedOn) tellNewManager(handedOn);
    return outcome.deleted;
  }

  /** ORG-3: a member who became manager because the only manager's account went is told, like one made manager by a person. */
  function tellNewManager({ organisationName, successor }: HandedOnManagement): void {
    const language: Language = (LANGUAGES as readonly string[]).includes(successor.language) ? successor.language as Language : 'de';
    notify(successor.email, ORGANISATION_MAIL_TEXTS[language].madeManagerInPlace({
      name: `${successor.firstName} ${successor.lastName}`, organisation: organisationName,
    }), 'organisation-made-manager-in-place');
  }

  return async function runAccountLifecycle(at, scope) {
    const summary: LifecycleRunSummary = { deletedNeverUsed: 0, reminded: 0, deletedInactive: 0, remindersNotSent: 0, deletedDrafts: 0 };
    for (const account of await deletion.candidates(lifecycleCutoffs(at, periods), batchSize, scope)) {
      const step = lifecycleStep(account, at, periods);
      const texts = deletionTextsOf(account);
      if (step === 'remind') {
        const deletionDate = formatZurichDay(addMonths(at, periods.deletionAfterReminderMonths), account.language, 'long');
        const sent = await sendReminder(account.email, texts.inactivityReminder({
          name: nameOf(account), loginLink: pageLink(settings.publicUrl, ACCOUNT_PAGES.login), deletionDate,
        }));
        if (sent && await deletion.markReminded(account.id, at, account.lastLoginAt)) summary.reminded += 1;
        else if (!sent) summary.remindersNotSent += 1;
      } else if (step === 'delete-never-used') {
        if (!await deleteIfStillDue(account, at)) continue;
        summary.deletedNeverUsed += 1;
        if (account.state === 'active') notify(account.email, texts.deletedNeverUsed({ name: nameOf(account) }), 'deleted-never-used');
      } else if (step === 'delete-inactive') {
        if (!await deleteIfStillDue(account, at)) continue;
        summary.deletedInactive += 1;
        notify(account.email, texts.deletedInactive({ name: nameOf(account) }), 'deleted-inactive');
      }
    }
    summary.deletedDrafts = await deletion.deleteStaleDrafts(staleDraftsBefore(at, settings.draftRetentionMonths), scope);
    if (Object.values(summary).some((n) => n > 0)) logger.info({ task: 'account-lifecycle', ...summary }, 'account lifecycle run');
    return summary;
  };
}
