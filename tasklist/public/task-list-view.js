/* global document, setTimeout, clearTimeout, CSS */
import { h, replaceChildren, visuallyHidden } from './dom.js';
import { countTasks, formatDateTime, isOverdue } from './format.js';
import { listViews } from './router.js';
import { startPolling } from './poller.js';

const columns = ['Aufgabe', 'Dienst', 'Fall', 'Bürger/in', 'Zugewiesen', 'Fällig'];

/**
 * The list of tasks: view switcher, filters, sort and a table whose rows open the task. Mounted
 * once; switching views updates it in place so that focus stays on the view switcher.
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createTasklistApi>,
 *   router: ReturnType<typeof import('./router.js').createRouter>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   recentlyLeft: ReturnType<typeof import('./recently-left.js').createRecentlyLeft>,
 *   filters: { service: string, caseNumber: string, citizen: string, sort: string },
 *   knownServices: Map<string, string>,
 *   me: { id: string },
 *   pollIntervalMs: number,
 *   onOpenTask: (taskKey: string) => void,
 * }} dependencies
 */
export function createTaskListView({ api, router, notices, recentlyLeft, filters, knownServices, me, pollIntervalMs, onOpenTask }) {
  let view = 'mine';
  let shownSignature = null;
  let failing = false;
  let poller = null;

  const heading = h('h1', { id: 'list-heading', tabindex: '-1' });
  const viewLinks = listViews.map((v) => h('a', { href: router.href({ name: 'list', view: v.view }), 'data-view': v.view }, v.label));
  const viewSwitcher = h('nav', { class: 'view-switcher', 'aria-label': 'Ansichten' }, h('ul', {}, viewLinks.map((link) => h('li', {}, link))));

  const serviceSelect = h('select', { id: 'filter-service', name: 'service' });
  const caseNumberInput = h('input', { id: 'filter-case', name: 'caseNumber', type: 'search', autocomplete: 'off' });
  const citizenInput = h('input', { id: 'filter-citizen', name: 'citizen', type: 'search', autocomplete: 'off' });
  const sortSelect = h('select', { id: 'filter-sort', name: 'sort' },
    h('option', { value: 'due' }, 'Fälligkeit'),
    h('option', { value: 'priority' }, 'Priorität'));
  const field = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': 'Aufgaben filtern' },
    field('Dienst', serviceSelect),
    field('Fallnummer', caseNumberInput),
    field('Name der Bürgerin/des Bürgers', citizenInput),
    field('Sortieren nach', sortSelect),
    h('div', { class: 'filter-actions' }, h('button', { type: 'reset', class: 'secondary' }, 'Filter zurücksetzen')));

  const caption = h('caption', { id: 'task-table-caption' });
  const tbody = h('tbody');
  const table = h('table', { class: 'task-table', 'aria-busy': 'true' },
    caption,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    tbody);
  // A narrow screen scrolls the table sideways; the region makes that reachable by keyboard.
  const tableRegion = h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': caption.id, tabindex: '0' }, table);

  const root = h('div', { class: 'task-list' }, viewSwitcher, heading, filterForm, tableRegion);

  caseNumberInput.value = filters.caseNumber;
  citizenInput.value = filters.citizen;
  sortSelect.value = filters.sort;
  renderServiceOptions();

  let typingTimer;
  const refreshSoon = () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => poller?.refresh(), 300);
  };
  caseNumberInput.addEventListener('input', () => { filters.caseNumber = caseNumberInput.value.trim(); refreshSoon(); });
  citizenInput.addEventListener('input', () => { filters.citizen = citizenInput.value.trim(); refreshSoon(); });
  serviceSelect.addEventListener('change', () => { filters.service = serviceSelect.value; poller?.refresh(); });
  sortSelect.addEventListener('change', () => { filters.sort = sortSelect.value; poller?.refresh(); });
  filterForm.addEventListener('submit', (event) => { event.preventDefault(); poller?.refresh(); });
  filterForm.addEventListener('reset', (event) => {
    event.preventDefault();
    Object.assign(filters, { service: '', caseNumber: '', citizen: '', sort: 'due' });
    caseNumberInput.value = '';
    citizenInput.value = '';
    serviceSelect.value = '';
    sortSelect.value = 'due';
    poller?.refresh();
  });
  // A click anywhere on a row opens its task; the link in the first cell serves keyboards.
  tbody.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (target.closest('a, button')) return;
    const row = target.closest('tr[data-task-key]');
    if (row) onOpenTask(row.getAttribute('data-task-key'));
  });

  function renderServiceOptions() {
    const services = [...knownServices].sort((a, b) => a[1].localeCompare(b[1], 'de-CH'));
    const signature = JSON.stringify(services);
    if (serviceSelect.dataset.signature === signature) return;
    serviceSelect.dataset.signature = signature;
    replaceChildren(serviceSelect,
      h('option', { value: '' }, 'Alle Dienste'),
      services.map(([id, name]) => h('option', { value: id }, name)));
    serviceSelect.value = filters.service;
  }

  function viewLabel() {
    return (listViews.find((v) => v.view === view) ?? listViews[0]).label;
  }

  function renderHeading() {
    heading.textContent = viewLabel();
    for (const link of viewLinks) {
      if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  function row(task) {
    const overdue = isOverdue(task.dueDate);
    const assignee = task.assignee === null
      ? h('span', { class: 'muted' }, 'niemand')
      : task.assignee === me.id ? 'Ihnen' : (task.assigneeName ?? task.assignee);
    return h('tr', { 'data-task-key': task.taskKey },
      h('th', { scope: 'row' }, h('a', { href: router.href({ name: 'task', taskKey: task.taskKey }) }, task.name)),
      h('td', {}, task.serviceName),
      h('td', {}, task.caseNumber),
      h('td', {}, task.citizenName),
      h('td', {}, assignee),
      h('td', { class: overdue ? 'overdue' : '' },
        task.dueDate
          ? [h('time', { datetime: task.dueDate }, formatDateTime(task.dueDate)), overdue ? h('span', { class: 'badge' }, 'überfällig') : null]
          : [h('span', { class: 'muted', 'aria-hidden': 'true' }, '–'), visuallyHidden('keine Frist')]));
  }

  function renderTasks(tasks) {
    const signature = JSON.stringify([view, me.id, tasks]);
    if (signature === shownSignature) return;
    shownSignature = signature;
    const focusedKey = document.activeElement?.closest?.('tr[data-task-key]')?.getAttribute('data-task-key');
    caption.textContent = `${viewLabel()}: ${countTasks(tasks.length)}`;
    replaceChildren(tbody, tasks.length
      ? tasks.map(row)
      : h('tr', {}, h('td', { colspan: String(columns.length), class: 'empty' }, 'Keine Aufgaben in dieser Ansicht.')));
    // Polling replaces the rows; a keyboard user must not lose their place.
    if (focusedKey) tbody.querySelector(`tr[data-task-key="${CSS.escape(focusedKey)}"] a`)?.focus();
  }

  async function load() {
    const shownView = view;
    try {
      const { tasks } = await api.listTasks({
        view: shownView,
        service: filters.service,
        caseNumber: filters.caseNumber,
        citizen: filters.citizen,
        sort: filters.sort,
      });
      if (shownView !== view) return;
      for (const task of tasks) knownServices.set(task.serviceId, task.serviceName);
      renderServiceOptions();
      renderTasks(recentlyLeft.filter(tasks, shownView));
      table.setAttribute('aria-busy', 'false');
      if (failing) notices.clearAlert();
      failing = false;
    } catch (error) {
      if (error.unauthorized) return;
      failing = true;
      notices.showError(error, 'Die Aufgaben konnten nicht geladen werden.');
    }
  }

  return {
    element: root,
    heading,
    /** Shows a view; the first call starts polling. */
    show(nextView) {
      if (nextView !== view) {
        view = nextView;
        shownSignature = null;
        caption.textContent = `${viewLabel()}: wird geladen …`;
        table.setAttribute('aria-busy', 'true');
        replaceChildren(tbody, h('tr', {}, h('td', { colspan: String(columns.length), class: 'empty' }, 'Aufgaben werden geladen …')));
      }
      renderHeading();
      if (!poller) poller = startPolling({ intervalMs: pollIntervalMs, load });
      else poller.refresh();
    },
    destroy() {
      poller?.stop();
      clearTimeout(typingTimer);
    },
  };
}
