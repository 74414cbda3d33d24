/* global window, document */
import { byId, skipLinkFocuses } from '../../browser-shared/dom.js';
import { isUnauthorized } from '../../browser-shared/problem.js';
import { createTasklistApi } from './api.js';
import { createNotices } from './notices.js';
import { createRecentlyLeft } from './recently-left.js';
import { createRouter, listViews } from './router.js';
import { createTaskListView } from './task-list-view.js';
import { createTaskView } from './task-view.js';
import { createIncidentsView } from './incidents-view.js';
import { createNewTaskView } from './new-task-view.js';
import { createFinanceApi } from './finance-api.js';
import { textsFor as financeTextsFor } from './finance-texts.js';
import { createFinanceView } from './finance-view.js';
import { createAdministrationApi } from './administration-api.js';
import { textsFor as administrationTextsFor } from './administration-texts.js';
import { createAdministrationView } from './administration-view.js';

// The composition of the tasklist page: the one place that touches globals and wires modules.
const basePath = '/tasklist/';
const pollIntervalMs = 3000;

/**
 * @typedef {import('./router.js').Route} Route
 * The view on screen. The list stays mounted while its views change; every other route makes a
 * view of its own.
 * @typedef {{ kind: 'list' } & ReturnType<typeof createTaskListView>} ListScreen
 * @typedef {ListScreen | { kind: 'incidents' | 'finance' | 'administration' | 'new-task' | 'task', destroy(): void }} Screen
 */

async function main() {
  const notices = createNotices({ statusRegion: byId('status'), alertRegion: byId('alert') });
  const api = createTasklistApi({
    baseUrl: `${basePath}api`,
    fetch: window.fetch.bind(window),
    onUnauthorized: () => window.location.assign(`${basePath}login`),
  });
  const financeApi = createFinanceApi({
    baseUrl: '/finance/municipalities',
    fetch: window.fetch.bind(window),
    onUnauthorized: () => window.location.assign(`${basePath}login`),
  });
  const administrationApi = createAdministrationApi({
    baseUrl: '/administration/municipalities',
    fetch: window.fetch.bind(window),
    onUnauthorized: () => window.location.assign(`${basePath}login`),
  });
  const financeTexts = financeTextsFor(document.documentElement.lang.slice(0, 2));
  const administrationTexts = administrationTextsFor(document.documentElement.lang.slice(0, 2));
  const router = createRouter(basePath);
  const recentlyLeft = createRecentlyLeft();
  const filters = { service: '', caseNumber: '', citizen: '', sort: 'due' };
  const knownServices = new Map();
  const viewHost = byId('view');
  const main = byId('main');

  skipLinkFocuses(byId('skip-link'), main);

  /** @type {import('./api.js').Me} */
  let me;
  try {
    me = await api.me();
  } catch (error) {
    if (!isUnauthorized(error)) notices.showError(error, 'Ihre Angaben konnten nicht geladen werden.');
    return;
  }
  byId('user-name').textContent = me.name;
  // Views of a role are linked only for those who have it; the API refuses everyone else.
  const roleLinks = /** @satisfies {Array<{ role: string, route: Route, label: string }>} */ ([
    { role: 'operator', route: { name: 'incidents' }, label: 'Störungen' },
    { role: 'finance', route: { name: 'finance' }, label: financeTexts.title },
    { role: 'municipal-admin', route: { name: 'administration' }, label: administrationTexts.title },
  ]).filter((link) => me.roles.includes(link.role));
  for (const { route, label } of roleLinks.reverse()) {
    const link = document.createElement('a');
    link.href = router.href(route);
    link.className = 'logout';
    link.textContent = label;
    byId('user-name').after(link);
  }

  /** @param {string} title */
  const setTitle = (title) => { document.title = `${title} – Sachbearbeitung`; };
  /** @type {Screen | null} */
  let screen = null;
  /** @type {Route} */
  let lastListRoute = { name: 'list', view: listViews[0].view };

  const navigation = router.start((route, { cause, state }) => {
    notices.clearAlert();
    if (state?.status) notices.announce(state.status);
    else if (cause !== 'program') notices.clearStatus();
    const initial = screen === null;

    if (route.name === 'list') {
      lastListRoute = route;
      let list = screen?.kind === 'list' ? screen : null;
      const fresh = list === null;
      if (list === null) {
        screen?.destroy();
        const view = createTaskListView({
          api, router, notices, recentlyLeft, filters, knownServices, me, pollIntervalMs,
          newTaskHref: router.href({ name: 'new-task' }),
          onOpenTask: (taskKey) => navigation.navigate({ name: 'task', taskKey }),
        });
        list = { kind: 'list', ...view };
        screen = list;
        viewHost.replaceChildren(view.element);
      }
      list.show(route.view);
      setTitle(listViews.find((v) => v.view === route.view)?.label ?? 'Aufgaben');
      if (fresh && !initial) list.heading.focus();
      return;
    }

    if (route.name === 'incidents') {
      screen?.destroy();
      const view = createIncidentsView({ api, notices, pollIntervalMs });
      screen = { kind: 'incidents', ...view };
      viewHost.replaceChildren(view.element);
      setTitle('Störungen');
      if (!initial) view.heading.focus();
      return;
    }

    /**
     * A role's view in place of the one before: titled, focused after a navigation, then loaded.
     * @param {'finance' | 'administration'} kind
     * @param {() => { element: HTMLElement, heading: HTMLElement, load(): unknown, destroy(): void }} create
     * @param {string} title
     */
    const showRoleView = (kind, create, title) => {
      screen?.destroy();
      const view = create();
      screen = { kind, ...view };
      viewHost.replaceChildren(view.element);
      setTitle(title);
      if (!initial) view.heading.focus();
      view.load();
    };

    if (route.name === 'finance') {
      showRoleView('finance', () => createFinanceView({ api: financeApi, notices, me, texts: financeTexts }), financeTexts.title);
      return;
    }

    if (route.name === 'administration') {
      showRoleView('administration', () => createAdministrationView({ api: administrationApi, notices, me, texts: administrationTexts }), administrationTexts.title);
      return;
    }

    if (route.name === 'new-task') {
      screen?.destroy();
      const { fromTaskKey } = route;
      /** @type {Route} */
      const back = fromTaskKey ? { name: 'task', taskKey: fromTaskKey } : lastListRoute;
      const view = createNewTaskView({
        api, notices, me, fromTaskKey, setTitle,
        cancelHref: router.href(back),
        onCreated: ({ title, assignedTo }) => {
          // Back where the task came from, or to the list where it will appear.
          /** @type {Route} */
          const where = fromTaskKey ? back : { name: 'list', view: assignedTo === 'group' ? 'unassigned' : 'mine' };
          const whom = { self: 'Sie', group: 'Ihre Gruppe', colleague: 'Ihre Kollegin oder Ihren Kollegen' }[assignedTo];
          navigation.navigate(where, { status: `Aufgabe «${title}» für ${whom} angelegt. Sie erscheint in wenigen Sekunden in der Liste.` });
        },
      });
      screen = { kind: 'new-task', ...view };
      viewHost.replaceChildren(view.element);
      setTitle('Neue Aufgabe');
      if (!initial) view.heading.focus();
      view.load();
      return;
    }

    screen?.destroy();
    const view = createTaskView({
      api, notices, recentlyLeft, me,
      FormViewer: window.FormViewer,
      listHref: router.href(lastListRoute),
      newTaskHref: (taskKey) => router.href({ name: 'new-task', fromTaskKey: taskKey }),
      setTitle,
      onLeave: (status) => navigation.navigate(lastListRoute, { status }),
    });
    screen = { kind: 'task', ...view };
    viewHost.replaceChildren(view.element);
    setTitle('Aufgabe');
    if (!initial) view.heading.focus();
    view.load(route.taskKey);
  });
}

main();
