import { deliverEach, type MailingRun, type PeriodicMailingDeps } from '../../connectors/email/deliver-each.ts';
import { pageLink } from '../accounts/links.ts';
import type { CaseNotice, CaseNoticesRepository } from '../db/case-notices-repository.ts';
import type { Language } from '../language.ts';
import { CASE_NOTICE_TEXTS } from './case-notice-texts.ts';

/** The portal's page of one case ("Meine Vorgänge"). */
export const CASE_PAGE = 'vorgaenge';
const PER_RUN = 200;

/**
 * CASE-3: tells citizens by e-mail that a case has a new message from the municipality, one mail
 * per case and run however many messages came. Each message is announced once; a refused delivery
 * is tried again at the next run.
 */
export function createCaseNotices(deps: PeriodicMailingDeps<CaseNoticesRepository>): MailingRun {
  const now = deps.now ?? (() => new Date());
  return async () => {
    await deps.repository.retireUnannounceable(now());
    const { sent, failed } = await deliverEach(
      await deps.repository.pending(PER_RUN),
      (notice) => deps.repository.deliver(notice, () => deps.mailer.send(caseNoticeMail(notice, deps.publicUrl)), now()),
      (notice, error) => deps.logger.warn({ caseId: notice.caseId, error }, 'case notice not delivered'),
    );
    if (sent > 0 || failed > 0) deps.logger.info({ sent, failed }, 'case notices');
    return { sent, failed };
  };
}

export function caseNoticeMail(notice: CaseNotice, publicUrl: string) {
  const language = (Object.hasOwn(CASE_NOTICE_TEXTS, notice.language) ? notice.language : 'de') as Language;
  const texts = CASE_NOTICE_TEXTS[language];
  const service = notice.serviceNames[language] ?? notice.serviceNames.de;
  return {
    to: notice.email,
    subject: texts.subject,
    text: [
      texts.greeting(`${notice.firstName} ${notice.lastName}`),
      '',
      texts.body(service, notice.caseId.slice(0, 8).toUpperCase(), notice.municipalityName),
      pageLink(publicUrl, `${CASE_PAGE}/${notice.caseId}`),
      '',
      texts.closing,
      '',
    ].join('\n'),
  };
}
