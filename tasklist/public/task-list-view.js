import { h } from '../../browser-shared/dom.js';
import { isUnauthorized } from '../../browser-shared/problem.js';
import { listViews } from './router.js';
import { startPolling } from './poller.js';
import { createTaskFilters } from './task-filters.js';
import { createTaskTable } from './task-table.js';

/**
 * The list of tasks: view switcher, filters and sort, and the table, polled while shown. Mounted
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
 *   newTaskHref: string,
 *   onOpenTask: (taskKey: string) => void,
 * }} dependencies
 */
export function createTaskListView({ api, router, notices, recentlyLeft, filters, knownServices, me, pollIntervalMs, newTaskHref, onOpenTask }) {
  /** The view shown; none before the first `show`. */
  let view = '';
  let failing = false;
  /** @type {ReturnType<typeof startPolling> | null} */
  let poller = null;

  const heading = h('h1', { id: 'list-heading', tabindex: '-1' });
  const viewLinks = listViews.map((v) => h('a', { href: router.href({ name: 'list', view: v.view }), 'data-view': v.view }, v.label));
  const viewSwitcher = h('nav', { class: 'view-switcher', 'aria-label': 'Ansichten' }, h('ul', {}, viewLinks.map((link) => h('li', {}, link))));
  const taskFilters = createTaskFilters({ filters, knownServices, onChange: () => poller?.refresh() });
  const table = createTaskTable({ taskHref: (taskKey) => router.href({ name: 'task', taskKey }), me, onOpenTask });
  const root = h('div', { class: 'task-list' },
    viewSwitcher,
    h('div', { class: 'list-heading' }, heading, h('a', { href: newTaskHref, class: 'button-link' }, 'Neue Aufgabe')),
    taskFilters.element,
    table.element);

  const viewLabel = () => (listViews.find((v) => v.view === view) ?? listViews[0]).label;

  async function load() {
    const shownView = view;
    try {
      const { tasks } = await api.listTasks({ view: shownView, ...filters });
      if (shownView !== view) return;
      // An internal task of its own has no service to filter by.
      for (const task of tasks) if (task.serviceId) knownServices.set(task.serviceId, task.serviceName ?? task.serviceId);
      taskFilters.renderServiceOptions();
      table.render(recentlyLeft.filter(tasks, shownView), viewLabel());
      if (failing) notices.clearAlert();
      failing = false;
    } catch (error) {
      if (isUnauthorized(error)) return;
      failing = true;
      notices.showError(error, 'Die Aufgaben konnten nicht geladen werden.');
    }
  }

  return {
    element: root,
    heading,
    /**
     * Shows a view; the first call starts polling.
     * @param {string} nextView
     */
    show(nextView) {
      if (nextView !== view) {
        view = nextView;
        heading.textContent = viewLabel();
        for (const link of viewLinks) {
          if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
          else link.removeAttribute('aria-current');
        }
        table.showLoading(viewLabel());
      }
      if (!poller) poller = startPolling({ intervalMs: pollIntervalMs, load });
      else poller.refresh();
    },
    destroy() {
      poller?.stop();
      taskFilters.destroy();
      table.destroy();
    },
  };
}
