import { h, replaceChildren } from '../../browser-shared/dom.js';
import { describeProblem } from '../../browser-shared/problem.js';

/**
 * The page's two live regions: `status` for confirmations (read politely), `alert` for errors
 * (read at once). Both stay in the DOM so that screen readers notice every change.
 * @param {{ statusRegion: HTMLElement, alertRegion: HTMLElement }} regions
 */
export function createNotices({ statusRegion, alertRegion }) {
  let alertKey = '';

  /**
   * @param {string} key what the alert says, to tell a repetition
   * @param {...import('../../browser-shared/dom.js').Child} content
   */
  function showAlert(key, ...content) {
    if (key === alertKey) return;
    alertKey = key;
    replaceChildren(alertRegion, ...content);
  }

  return {
    /**
     * Confirms what just happened, e.g. "Aufgabe abgeschlossen".
     * @param {string} message
     */
    announce(message) {
      replaceChildren(statusRegion, h('p', {}, message));
    },
    /**
     * Shows an API error. The same error again (as from repeated polling) is not re-announced.
     * @param {unknown} error
     * @param {string} [context] what was being attempted, e.g. "Die Aufgaben konnten nicht geladen werden."
     */
    showError(error, context) {
      const { title, detail, fieldErrors } = describeProblem(error);
      showAlert(
        [context, title, detail, ...fieldErrors.map((e) => e.detail)].join('|'),
        context ? h('p', { class: 'notice-title' }, context) : null,
        h('p', { class: context ? '' : 'notice-title' }, title),
        detail ? h('p', {}, detail) : null,
        fieldErrors.length ? h('ul', {}, fieldErrors.map((e) => h('li', {}, e.detail))) : null,
      );
    },
    /** Scrolls the alert into view, for an error caused by a button far down the page. */
    reveal() {
      alertRegion.scrollIntoView({ block: 'nearest' });
    },
    /**
     * Lists the form's invalid fields, each a link to its field, and moves focus to the list so
     * that it is seen and read first.
     * @param {string} title
     * @param {Array<{ text: string, focus: () => void }>} items
     */
    showErrorSummary(title, items) {
      alertKey = '';
      replaceChildren(
        alertRegion,
        h('p', { class: 'notice-title' }, title),
        h('ul', {}, items.map((item) => h('li', {}, h('a', {
          href: '#',
          onclick: (event) => {
            event.preventDefault();
            item.focus();
          },
        }, item.text)))),
      );
      alertRegion.focus();
    },
    clearAlert() {
      alertKey = '';
      alertRegion.replaceChildren();
    },
    clearStatus() {
      statusRegion.replaceChildren();
    },
  };
}
