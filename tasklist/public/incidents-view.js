/* global setInterval, clearInterval, document */
import { h, replaceChildren } from '../../browser-shared/dom.js';
import { formatDateTime } from '../../browser-shared/format.js';
import { isUnauthorized } from '../../browser-shared/problem.js';

/**
 * Operators' view of the incidents of their municipality: which case, which step, what failed,
 * and a retry once the cause is fixed. The citizen's "Verzögert" clears when the case goes on.
 * @param {{ api: ReturnType<typeof import('./api.js').createTasklistApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>, pollIntervalMs: number }} dependencies
 */
export function createIncidentsView({ api, notices, pollIntervalMs }) {
  const heading = h('h1', { tabindex: '-1' }, 'Störungen');
  const caption = h('caption', { id: 'incident-table-caption' }, 'Störungen');
  const tbody = h('tbody');
  const table = h('table', { class: 'task-table' },
    caption,
    h('thead', {}, h('tr', {}, ['Fall', 'Dienst', 'Schritt', 'Fehler', 'Seit', 'Wiederholungen übrig', 'Aktion'].map((c) => h('th', { scope: 'col' }, c)))),
    tbody);
  const empty = h('p', { hidden: true }, 'Keine offenen Störungen.');
  const element = h('section', { 'aria-labelledby': 'incidents-heading' },
    heading, h('p', {}, 'Beheben Sie zuerst die Ursache, dann versuchen Sie den Schritt erneut.'), table, empty);
  heading.id = 'incidents-heading';
  /**
   * Incidents retried a moment ago: hidden until the engine's record says they are resolved.
   * @type {Set<string>}
   */
  const retried = new Set();

  async function refresh() {
    let incidents;
    try {
      ({ incidents } = await api.incidents());
    } catch (error) {
      if (!isUnauthorized(error)) notices.showError(error, 'Die Störungen konnten nicht geladen werden.');
      return;
    }
    const shown = incidents.filter((incident) => !retried.has(incident.incidentKey));
    caption.textContent = `Störungen: ${shown.length}`;
    empty.hidden = shown.length > 0;
    table.hidden = shown.length === 0;
    replaceChildren(tbody, shown.map((incident) => h('tr', { 'data-incident-key': incident.incidentKey },
      h('td', {}, incident.caseNumber),
      h('td', {}, incident.serviceName),
      h('td', {}, incident.elementId),
      h('td', {}, incident.errorMessage),
      h('td', {}, formatDateTime(incident.createdAt)),
      h('td', {}, String(incident.retriesLeft)),
      h('td', {}, h('div', { class: 'button-row' }, h('button', {
        type: 'button',
        class: 'secondary',
        'aria-label': `Fall ${incident.caseNumber} erneut versuchen`,
        onclick: () => retry(incident),
      }, 'Erneut versuchen'))),
    )));
  }

  /** @param {import('./api.js').Incident} incident */
  async function retry(incident) {
    notices.clearAlert();
    try {
      await api.retryIncident(incident.incidentKey);
    } catch (error) {
      if (!isUnauthorized(error)) notices.showError(error, 'Der Schritt konnte nicht erneut versucht werden.');
      return;
    }
    retried.add(incident.incidentKey);
    notices.announce(`Fall ${incident.caseNumber}: Der Schritt wird erneut versucht.`);
    await refresh();
    heading.focus();
  }

  const timer = setInterval(() => { if (document.visibilityState === 'visible') refresh(); }, pollIntervalMs);
  refresh();
  return { element, heading, destroy: () => clearInterval(timer) };
}
