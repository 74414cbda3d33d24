/* global document, CSS, ResizeObserver */
import { h, replaceChildren, visuallyHidden } from '../../browser-shared/dom.js';
import { formatDate, formatDateTime } from '../../browser-shared/format.js';
import { countTasks, isOverdue } from './format.js';

const columns = ['Aufgabe', 'Dienst', 'Fall', 'Bürger/in', 'Zugewiesen', 'Termine'];

/**
 * A dash for the eye, words for the ear.
 * @param {string} spoken
 */
const none = (spoken) => [h('span', { class: 'muted', 'aria-hidden': 'true' }, '–'), visuallyHidden(spoken)];

/**
 * The table of tasks. Each row's first cell links to the task; a click anywhere on the row opens
 * it too. Internal tasks are marked; one of its own has no case, service or citizen. Re-rendering with the same tasks changes nothing, so polling does not disturb reading.
 * @param {{
 *   taskHref: (taskKey: string) => string,
 *   me: { id: string },
 *   onOpenTask: (taskKey: string) => void,
 * }} dependencies
 */
export function createTaskTable({ taskHref, me, onOpenTask }) {
  /** @type {string | null} */
  let shownSignature = null;

  const caption = h('caption', { id: 'task-table-caption' });
  const tbody = h('tbody');
  const table = h('table', { class: 'task-table', 'aria-busy': 'true' },
    caption,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    tbody);
  // A narrow screen scrolls the table sideways; only then is the region a tab stop, so that a
  // keyboard can scroll it.
  const region = h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': caption.id }, table);
  const scrollWatcher = new ResizeObserver(() => {
    if (region.scrollWidth > region.clientWidth) region.setAttribute('tabindex', '0');
    else region.removeAttribute('tabindex');
  });
  scrollWatcher.observe(region);
  scrollWatcher.observe(table);

  tbody.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (target.closest('a, button')) return;
    const taskKey = target.closest('tr[data-task-key]')?.getAttribute('data-task-key');
    if (taskKey) onOpenTask(taskKey);
  });

  /** @param {string} text */
  const messageRow = (text) => h('tr', {}, h('td', { colspan: String(columns.length), class: 'empty' }, text));

  /** @param {import('./api.js').Task} task */
  function row(task) {
    const overdue = isOverdue(task.dueDate);
    const assignee = task.assignee === null
      ? h('span', { class: 'muted' }, 'niemand')
      : task.assignee === me.id ? 'Ihnen' : (task.assigneeName ?? task.assignee);
    const dates = [
      task.dueDate
        ? h('span', { class: overdue ? 'date-line overdue' : 'date-line' }, 'fällig ', h('time', { datetime: task.dueDate }, formatDateTime(task.dueDate)),
          overdue ? [' ', h('span', { class: 'badge' }, 'überfällig')] : null)
        : null,
      task.followUpDate
        ? h('span', { class: 'date-line' }, 'Wiedervorlage ', h('time', { datetime: task.followUpDate }, formatDate(task.followUpDate)))
        : null,
    ].filter(Boolean);
    return h('tr', { 'data-task-key': task.taskKey },
      h('th', { scope: 'row' }, h('a', { href: taskHref(task.taskKey), class: 'task-link' }, task.name),
        task.kind === 'internal' ? [' ', h('span', { class: 'tag' }, 'Intern')] : null),
      h('td', { class: 'service' }, task.serviceName ?? none('kein Dienst')),
      h('td', { class: 'nowrap' }, task.caseNumber ?? none('kein Fall')),
      h('td', {}, task.citizenName ?? none('keine Bürgerin, kein Bürger')),
      h('td', {}, assignee),
      h('td', {}, dates.length ? dates : none('keine Termine')));
  }

  return {
    element: region,
    /**
     * Empties the table while another view loads.
     * @param {string} label
     */
    showLoading(label) {
      shownSignature = null;
      caption.textContent = `${label}: wird geladen …`;
      table.setAttribute('aria-busy', 'true');
      replaceChildren(tbody, messageRow('Aufgaben werden geladen …'));
    },
    /**
     * Shows the tasks under a caption such as "Meine Aufgaben: 3 Aufgaben".
     * @param {import('./api.js').Task[]} tasks
     * @param {string} label
     */
    render(tasks, label) {
      table.setAttribute('aria-busy', 'false');
      const signature = JSON.stringify([label, tasks]);
      if (signature === shownSignature) return;
      shownSignature = signature;
      const focusedKey = document.activeElement?.closest?.('tr[data-task-key]')?.getAttribute('data-task-key');
      caption.textContent = `${label}: ${countTasks(tasks.length)}`;
      replaceChildren(tbody, tasks.length ? tasks.map(row) : messageRow('Keine Aufgaben in dieser Ansicht.'));
      // Polling replaces the rows; a keyboard user must not lose their place.
      if (focusedKey) /** @type {HTMLAnchorElement | null} */ (tbody.querySelector(`tr[data-task-key="${CSS.escape(focusedKey)}"] a`))?.focus();
    },
    destroy() {
      scrollWatcher.disconnect();
    },
  };
}
