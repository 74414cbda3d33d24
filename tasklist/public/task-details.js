import { h } from '../../browser-shared/dom.js';
import { formatDate, formatDateTime } from '../../browser-shared/format.js';
import { renderCaseSummary } from './case-summary.js';
import { isOverdue } from './format.js';

/**
 * The line under a task's heading: an internal task marked, its case, its dates, its priority.
 * @param {import('./api.js').Task} task
 */
export function renderTaskMeta(task) {
  const overdue = isOverdue(task.dueDate);
  const parts = [
    task.kind === 'internal' ? 'Interne Aufgabe' : null,
    task.caseNumber ? `${task.serviceName} · Fall ${task.caseNumber}` : null,
    task.dueDate ? ['fällig am ', h('time', { datetime: task.dueDate }, formatDateTime(task.dueDate)), overdue ? [' ', h('span', { class: 'badge' }, 'überfällig')] : null] : null,
    task.followUpDate ? ['Wiedervorlage am ', h('time', { datetime: task.followUpDate }, formatDate(task.followUpDate))] : null,
    task.priority !== null && task.priority !== undefined ? `Priorität ${task.priority}` : null,
  ].filter(Boolean);
  return parts.map((part, index) => [index ? ' · ' : null, part]);
}

/**
 * What the author of an internal task wrote, then the case if the task has one, with a link to
 * write down an internal task for that case.
 * @param {import('./api.js').TaskDetail} detail
 * @param {string} newTaskHref
 */
export function renderTaskSummary(detail, newTaskHref) {
  const { internal } = detail;
  return [
    internal
      ? h('section', { class: 'internal-task', 'aria-labelledby': 'internal-heading' },
        h('h2', { id: 'internal-heading' }, 'Auftrag'),
        internal.description ? h('p', { class: 'message-text' }, internal.description) : h('p', { class: 'muted' }, 'Keine Beschreibung.'),
        h('p', { class: 'muted' }, `Angelegt von ${internal.createdBy} am `, h('time', { datetime: internal.createdAt }, formatDateTime(internal.createdAt)), '.'))
      : null,
    detail.case ? renderCaseSummary(detail.case) : null,
    detail.case
      ? h('div', { class: 'button-row' }, h('a', { href: newTaskHref, class: 'button-link secondary' }, 'Interne Aufgabe zu diesem Vorgang'))
      : null,
  ];
}
