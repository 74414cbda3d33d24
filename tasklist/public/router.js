/* global window, document, URL, Element, HTMLAnchorElement */

/**
 * The list views, in the order the view switcher shows them. `param` is the view's value in the
 * page URL. The first is shown when the URL names none.
 * @type {[ListView, ...ListView[]]}
 */
export const listViews = [
  { view: 'mine', param: 'meine', label: 'Meine Aufgaben' },
  { view: 'unassigned', param: 'offen', label: 'Offene Aufgaben meiner Gruppen' },
  { view: 'due-soon', param: 'bald-faellig', label: 'Bald fällig' },
  { view: 'overdue', param: 'ueberfaellig', label: 'Überfällig' },
];

/** @typedef {{ view: string, param: string, label: string }} ListView */

/**
 * `new-task` writes down an internal task; with `fromTaskKey` it is for that task's case and
 * returns there.
 * `finance` is the finance department's view (role `finance`), `administration` the
 * municipality's settings (role `municipal-admin`).
 * @typedef {{ name: 'list', view: string } | { name: 'task', taskKey: string } | { name: 'incidents' }
 *   | { name: 'new-task', fromTaskKey?: string } | { name: 'finance' } | { name: 'administration' }} Route
 */

/**
 * What a navigation hands to the view it leads to: a confirmation to announce there.
 * @typedef {{ status?: string }} NavigationState
 */

/**
 * Routes live in the query of the one page (`?ansicht=offen`, `?aufgabe=123`, `?neue-aufgabe`,
 * `?neue-aufgabe&zu-aufgabe=123`, `?finanzen`, `?gemeinde-einstellungen`), so that every view
 * is a real link the server answers with the same page, and in-page anchors stay free.
 * @param {string} basePath the page's path, e.g. "/tasklist/"
 */
export function createRouter(basePath) {
  /**
   * @param {string} url
   * @returns {Route}
   */
  function parse(url) {
    const params = new URL(url, window.location.origin).searchParams;
    if (params.has('stoerungen')) return { name: 'incidents' };
    if (params.has('finanzen')) return { name: 'finance' };
    if (params.has('gemeinde-einstellungen')) return { name: 'administration' };
    if (params.has('neue-aufgabe')) {
      const fromTaskKey = params.get('zu-aufgabe');
      return fromTaskKey ? { name: 'new-task', fromTaskKey } : { name: 'new-task' };
    }
    const taskKey = params.get('aufgabe');
    if (taskKey) return { name: 'task', taskKey };
    const view = listViews.find((v) => v.param === params.get('ansicht')) ?? listViews[0];
    return { name: 'list', view: view.view };
  }

  /** @param {Route} route */
  function href(route) {
    if (route.name === 'task') return `${basePath}?aufgabe=${encodeURIComponent(route.taskKey)}`;
    if (route.name === 'incidents') return `${basePath}?stoerungen`;
    if (route.name === 'finance') return `${basePath}?finanzen`;
    if (route.name === 'administration') return `${basePath}?gemeinde-einstellungen`;
    if (route.name === 'new-task') {
      return route.fromTaskKey ? `${basePath}?neue-aufgabe&zu-aufgabe=${encodeURIComponent(route.fromTaskKey)}` : `${basePath}?neue-aufgabe`;
    }
    const view = listViews.find((v) => v.view === route.view) ?? listViews[0];
    return `${basePath}?ansicht=${view.param}`;
  }

  /** @param {Route} a @param {Route} b */
  const sameRoute = (a, b) => href(a) === href(b);

  return {
    parse,
    href,
    /** The route of the page as it is now. */
    current: () => parse(window.location.href),
    /**
     * Calls `onRoute(route, { cause })` for link clicks inside the app, history navigation and
     * `navigate`. Links with a modifier key, a target or a download keep their browser behaviour.
     * @param {(route: Route, info: { cause: 'link'|'history'|'program', state?: NavigationState }) => void} onRoute
     */
    start(onRoute) {
      let shown = parse(window.location.href);
      /** @type {typeof onRoute} */
      const show = (route, info) => {
        shown = route;
        onRoute(route, info);
      };
      document.addEventListener('click', (event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download')) return;
        const url = new URL(link.href);
        if (url.origin !== window.location.origin || url.pathname !== basePath || url.hash) return;
        event.preventDefault();
        const route = parse(url.href);
        if (sameRoute(route, shown)) return;
        window.history.pushState(null, '', href(route));
        show(route, { cause: 'link' });
      });
      window.addEventListener('popstate', () => {
        const route = parse(window.location.href);
        if (!sameRoute(route, shown)) show(route, { cause: 'history' });
      });
      show(shown, { cause: 'program' });
      return {
        /**
         * Goes to a route as if a link had been followed; `state` is handed to `onRoute`.
         * @param {Route} route
         * @param {NavigationState} [state]
         */
        navigate(route, state) {
          window.history.pushState(null, '', href(route));
          show(route, { cause: 'program', state });
        },
      };
    },
  };
}
