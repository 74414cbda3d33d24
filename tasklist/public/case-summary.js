import { h, visuallyHidden } from '../../browser-shared/dom.js';
import { formatCalendarDate, formatDateTime } from '../../browser-shared/format.js';

// Kinds the platform files today; an unknown kind is left out rather than shown as a code.
/** @type {Record<string, string>} */
const documentKinds = {
  'residence-certificate': 'Wohnsitzbescheinigung',
  invoice: 'Rechnung',
  decision: 'Bescheid',
  attachment: 'Beilage',
};

/**
 * The case a task belongs to: facts, history, documents and messages. A case whose personal data
 * are purged names no applicant.
 * @param {import('./api.js').CaseSummary} summary
 */
export function renderCaseSummary(summary) {
  const { applicant } = summary;
  /** @param {string} term @param {...import('../../browser-shared/dom.js').Child} description */
  const fact = (term, ...description) => [h('dt', {}, term), h('dd', {}, ...description)];
  /**
   * @template T
   * @param {T[]} items
   * @param {string} note what to say when there are none
   * @param {(item: T) => import('../../browser-shared/dom.js').Child} renderItem
   * @param {'ul' | 'ol'} [tag]
   */
  const listOrNote = (items, note, renderItem, tag = 'ul') =>
    items.length ? h(tag, { class: 'plain-list' }, items.map((item) => h('li', {}, renderItem(item)))) : h('p', { class: 'muted' }, note);

  return h('section', { class: 'case-summary', 'aria-labelledby': 'case-heading' },
    h('h2', { id: 'case-heading' }, `Fall ${summary.caseNumber}`),
    h('dl', { class: 'facts' },
      fact('Fall', summary.caseNumber),
      fact('Dienst', summary.serviceName),
      fact('Eingereicht am', h('time', { datetime: summary.submittedAt }, formatDateTime(summary.submittedAt))),
      fact('Phase', summary.phaseLabel),
      applicant ? fact('Antragsteller/in',
        `${applicant.firstName} ${applicant.lastName}`,
        applicant.dateOfBirth ? h('span', { class: 'muted' }, `, geboren am ${formatCalendarDate(applicant.dateOfBirth)}`) : null) : null),
    h('h3', {}, 'Verlauf'),
    listOrNote(summary.history, 'Noch kein Verlauf.', (entry) => [
      h('time', { datetime: entry.enteredAt }, formatDateTime(entry.enteredAt)), ' – ', entry.phaseLabel,
    ], 'ol'),
    h('h3', {}, 'Dokumente'),
    listOrNote(summary.documents, 'Keine Dokumente.', (doc) => [
      // A new tab keeps the task and its half-filled form open.
      h('a', { href: doc.href, target: '_blank', rel: 'noopener' }, doc.fileName, visuallyHidden(' (öffnet in neuem Fenster)')),
      documentKinds[doc.kind] ? h('span', { class: 'muted' }, ` (${documentKinds[doc.kind]})`) : null,
    ]),
    h('h3', {}, 'Mitteilungen'),
    listOrNote(summary.messages, 'Keine Mitteilungen.', (message) => [
      h('time', { class: 'muted', datetime: message.createdAt }, formatDateTime(message.createdAt)),
      h('span', { class: 'muted' }, message.author === 'citizen' ? ' – Antwort der antragstellenden Person' : ' – an die antragstellende Person'),
      h('p', { class: message.author === 'citizen' ? 'message-text from-citizen' : 'message-text' }, message.text),
    ]),
  );
}
