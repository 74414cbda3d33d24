import { deliverEach, type MailingRun, type PeriodicMailingDeps } from '../../connectors/email/deliver-each.ts';
import type { DigestItem, DigestRecipient, TaskDigestRepository } from '../db/task-digest-repository.ts';
import { DIGEST_TEXTS, type DigestTexts } from './digest-texts.ts';

/**
 * New and assigned tasks reach staff by e-mail as one digest per run, not one mail per task. A
 * digest names the step, service, case number, due date and a link; never the citizen, because an
 * e-mail leaves the platform (data protection: details only behind the tasklist's login).
 */
export function createTaskDigest(deps: PeriodicMailingDeps<TaskDigestRepository>): MailingRun {
  const now = deps.now ?? (() => new Date());
  const texts = DIGEST_TEXTS.de;
  return async () => {
    // A refused delivery records nothing as told, so the next run tries again.
    const { sent, failed } = await deliverEach(
      await deps.repository.pending(),
      (recipient) => deps.repository.deliver(recipient, (items) => deps.mailer.send(digestMail(recipient, items, texts, deps.publicUrl)), now()),
      (recipient, error) => deps.logger.warn({ staffId: recipient.staffId, error }, 'task digest not delivered'),
    );
    if (sent > 0 || failed > 0) deps.logger.info({ sent, failed }, 'task digests');
    return { sent, failed };
  };
}

export function digestMail(recipient: DigestRecipient, items: DigestItem[], texts: DigestTexts, publicUrl: string) {
  const fresh = items.filter((item) => item.reason === 'new');
  const assigned = items.filter((item) => item.reason === 'assigned');
  const line = (item: DigestItem) => {
    const what = [item.internal ? `${texts.internal}: ${item.name}` : item.name, item.serviceName].filter(Boolean).join(' – ');
    const facts = [
      item.caseNumber ? `${texts.caseNumber} ${item.caseNumber}` : null,
      item.dueDate ? `${texts.due} ${texts.formatDate(item.dueDate)}` : null,
      item.reason === 'assigned' && item.assignedBy ? `${texts.assignedBy} ${item.assignedBy}` : null,
    ].filter(Boolean).join(', ');
    return `- ${what}${facts ? ` (${facts})` : ''}\n  ${publicUrl}/tasklist/?aufgabe=${item.taskKey}`;
  };
  const section = (heading: string, list: DigestItem[]) => (list.length > 0 ? [`${heading}:`, ...list.map(line), ''] : []);
  return {
    to: recipient.email,
    subject: texts.subject(fresh.length, assigned.length),
    text: [`${texts.greeting(recipient.name)}`, '', ...section(texts.assignedHeading, assigned), ...section(texts.newHeading, fresh), texts.closing, ''].join('\n'),
  };
}
