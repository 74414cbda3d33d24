import type { Logger } from 'pino';
import type { Mailer } from '../../connectors/email/mailer.ts';
import type { DigestItem, DigestRecipient, TaskDigestRepository } from '../db/task-digest-repository.ts';
import { DIGEST_TEXTS, type DigestTexts } from './digest-texts.ts';

/**
 * New and assigned tasks reach staff by e-mail as one digest per run, not one mail per task. A
 * digest names the step, service, case number, due date and a link; never the citizen, because an
 * e-mail leaves the platform (data protection: details only behind the tasklist's login).
 */
export function createTaskDigest(deps: {
  repository: TaskDigestRepository;
  mailer: Mailer;
  /** Where staff open the tasklist, e.g. https://portal.example.ch */
  publicUrl: string;
  logger: Logger;
  now?: () => Date;
}): () => Promise<{ sent: number; failed: number }> {
  const now = deps.now ?? (() => new Date());
  const texts = DIGEST_TEXTS.de;
  return async () => {
    let sent = 0;
    let failed = 0;
    for (const recipient of await deps.repository.pending()) {
      try {
        const outcome = await deps.repository.deliver(recipient, (items) => deps.mailer.send(digestMail(recipient, items, texts, deps.publicUrl)), now());
        if (outcome === 'sent') sent += 1;
      } catch (error) {
        // Tried again at the next run: nothing was recorded as told.
        failed += 1;
        deps.logger.warn({ staffId: recipient.staffId, error: error instanceof Error ? error.message : String(error) }, 'task digest not delivered');
      }
    }
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
