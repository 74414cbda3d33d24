import { h } from '../../browser-shared/dom.js';
import { isUnauthorized } from '../../browser-shared/problem.js';

/**
 * What the clerk holding a task sends the citizen: a message, and a decision as PDF, both of
 * which appear in the citizen's case. `onSent` refreshes the case summary.
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createTasklistApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   taskKey: () => string,
 *   onSent: () => Promise<void>,
 * }} dependencies
 */
export function createCorrespondence({ api, notices, taskKey, onSent }) {
  const text = h('textarea', { id: 'citizen-message', rows: '4', maxlength: '2000' });
  const file = h('input', { id: 'decision-file', type: 'file', accept: 'application/pdf,.pdf' });

  /** @param {SubmitEvent} event */
  async function send(event) {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) {
      notices.showErrorSummary('Die Mitteilung wurde nicht gesendet.', [{ text: 'Bitte schreiben Sie eine Mitteilung.', focus: () => text.focus() }]);
      return;
    }
    try {
      await api.sendMessage(taskKey(), message);
    } catch (error) {
      if (!isUnauthorized(error)) notices.showError(error, 'Die Mitteilung wurde nicht gesendet.');
      return;
    }
    text.value = '';
    notices.announce('Die Mitteilung ist im Fall der Bürgerin/des Bürgers.');
    await onSent();
  }

  /** @param {SubmitEvent} event */
  async function upload(event) {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      notices.showErrorSummary('Der Entscheid wurde nicht hochgeladen.', [{ text: 'Bitte wählen Sie eine PDF-Datei.', focus: () => file.focus() }]);
      return;
    }
    try {
      await api.uploadDocument(taskKey(), chosen);
    } catch (error) {
      if (!isUnauthorized(error)) notices.showError(error, 'Der Entscheid wurde nicht hochgeladen.');
      return;
    }
    file.value = '';
    notices.announce(`Der Entscheid «${chosen.name}» ist bei den Dokumenten der Bürgerin/des Bürgers.`);
    await onSent();
  }

  const element = h('section', { class: 'correspondence', 'aria-labelledby': 'correspondence-heading' },
    h('h3', { id: 'correspondence-heading' }, 'An die Bürgerin/den Bürger'),
    h('form', { onsubmit: send },
      h('label', { for: 'citizen-message' }, 'Mitteilung'),
      text,
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'secondary' }, 'Mitteilung senden'))),
    h('form', { onsubmit: upload },
      h('label', { for: 'decision-file' }, 'Entscheid (PDF)'),
      file,
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'secondary' }, 'Entscheid hochladen'))));
  return { element, setAvailable: (/** @type {boolean} */ available) => { element.hidden = !available; } };
}
