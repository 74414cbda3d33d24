import { h, replaceChildren } from '../../browser-shared/dom.js';
import { hasStatus, isUnauthorized } from '../../browser-shared/problem.js';
import { createHandOver } from './hand-over.js';
import { createCorrespondence } from './correspondence.js';
import { createTaskCompletion } from './task-completion.js';
import { createTaskDates } from './task-dates.js';
import { renderTaskMeta, renderTaskSummary } from './task-details.js';

/**
 * One task: its case, who works on it (take over, release, hand over), its dates, and its form,
 * completed with "Abschliessen"; an internal task shows what its author wrote and is completed with
 * "Erledigt". Leaves for the list through `onLeave(statusMessage)` once the task is no longer the
 * clerk's.
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createTasklistApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   recentlyLeft: ReturnType<typeof import('./recently-left.js').createRecentlyLeft>,
 *   me: { id: string, name: string },
 *   FormViewer: Window['FormViewer'],
 *   listHref: string,
 *   newTaskHref: (taskKey: string) => string,
 *   setTitle: (title: string) => void,
 *   onLeave: (statusMessage: string) => void,
 * }} dependencies
 */
export function createTaskView({ api, notices, recentlyLeft, me, FormViewer, listHref, newTaskHref, setTitle, onLeave }) {
  /** @type {import('./api.js').Task | null} */
  let task = null;
  let hasCase = false;
  /** @type {import('./api.js').Colleague[] | null} */
  let colleagues = null;
  let busy = false;
  let destroyed = false;

  const heading = h('h1', { id: 'task-heading', tabindex: '-1' }, 'Aufgabe wird geladen …');
  const meta = h('p', { class: 'task-meta' });
  const summaryHost = h('div', { class: 'summary-host' });

  const assignmentStatus = h('p', { class: 'assignment-status' });
  const claimButton = h('button', { type: 'button', hidden: true, onclick: () => claim() }, 'Übernehmen');
  const unclaimButton = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => unclaim() }, 'Freigeben');
  const handOver = createHandOver({
    onRequestOpen: () => openHandOver(),
    onConfirm: (colleague) => handOverTo(colleague),
    onNoChoice: (focusChoice) => notices.showErrorSummary('Die Aufgabe wurde nicht weitergegeben.', [
      { text: 'Bitte wählen Sie eine Kollegin oder einen Kollegen.', focus: focusChoice },
    ]),
  });

  const taskDates = createTaskDates({ notices, onSave: (dates, showProblems) => saveDates(dates, showProblems) });

  const completion = createTaskCompletion({ FormViewer, notices, onComplete: () => complete() });

  const correspondence = createCorrespondence({
    api,
    notices,
    taskKey: () => loaded().taskKey,
    onSent: async () => {
      try {
        const detail = await api.getTask(loaded().taskKey);
        if (!destroyed) renderSummary(detail);
      } catch {
        // The summary refreshes with the next visit; what was sent is sent.
      }
    },
  });

  const work = h('section', { class: 'work', 'aria-labelledby': 'work-heading', hidden: true },
    h('h2', { id: 'work-heading' }, 'Bearbeitung'),
    assignmentStatus,
    h('div', { class: 'button-row' }, claimButton, unclaimButton, handOver.toggle),
    handOver.panel,
    completion.elements,
    taskDates.element,
    correspondence.element);

  const root = h('div', { class: 'task-view' },
    h('p', {}, h('a', { href: listHref, class: 'back-link' }, 'Zurück zur Aufgabenliste')),
    heading,
    meta,
    h('div', { class: 'task-layout' }, summaryHost, work));

  const isMine = () => task?.assignee === me.id;
  const isFree = () => task?.assignee === null;
  const isInternal = () => task?.kind === 'internal';

  /** The task shown: what acts on it is offered only once it is loaded. */
  const loaded = () => {
    if (!task) throw new Error('The task is not loaded yet.');
    return task;
  };

  /** @param {import('./api.js').Task} shown */
  const renderMeta = (shown) => replaceChildren(meta, renderTaskMeta(shown));
  /** @param {import('./api.js').TaskDetail} detail */
  const renderSummary = (detail) => replaceChildren(summaryHost, renderTaskSummary(detail, newTaskHref(detail.task.taskKey)));

  /** @param {import('./api.js').Task} shown */
  function renderAssignment(shown) {
    const mine = isMine();
    const free = isFree();
    assignmentStatus.textContent = mine
      ? 'Sie bearbeiten diese Aufgabe.'
      : free ? 'Diese Aufgabe ist noch niemandem zugewiesen.' : `Diese Aufgabe bearbeitet ${shown.assigneeName ?? shown.assignee}.`;
    claimButton.hidden = !free;
    unclaimButton.hidden = !mine;
    handOver.setAvailable(mine || free);
    taskDates.show(shown, mine || free);
    completion.showHolder({ mine, free });
    // Messages and decisions go to a case's citizen; an internal task of its own has none.
    correspondence.setAvailable(mine && hasCase);
  }

  /**
   * Runs one action on the loaded task at a time; a refusal is shown (at its fields when
   * `showProblems` knows them), and a conflict reloads who holds the task.
   * @param {string} failureContext what did not happen, e.g. "Die Aufgabe konnte nicht übernommen werden."
   * @param {(shown: import('./api.js').Task) => Promise<void>} action
   * @param {(error: unknown) => boolean} [showProblems]
   */
  async function act(failureContext, action, showProblems = completion.showProblems) {
    if (busy || destroyed || !task) return;
    const shown = task;
    busy = true;
    work.setAttribute('aria-busy', 'true');
    notices.clearAlert();
    notices.clearStatus();
    try {
      await action(shown);
    } catch (error) {
      if (isUnauthorized(error) || destroyed) return;
      if (!showProblems(error)) {
        notices.showError(error, failureContext);
        notices.reveal();
      }
      if (hasStatus(error, 409)) await reloadAssignment(shown.taskKey);
    } finally {
      busy = false;
      work.removeAttribute('aria-busy');
    }
  }

  /** @param {string} taskKey */
  async function reloadAssignment(taskKey) {
    try {
      const fresh = await api.getTask(taskKey);
      if (destroyed) return;
      task = fresh.task;
      renderMeta(task);
      renderAssignment(task);
    } catch {
      // The alert about the refusal is already shown; a failing reload adds nothing to it.
    }
  }

  const claim = () => act('Die Aufgabe konnte nicht übernommen werden.', async (shown) => {
    await api.claim(shown.taskKey);
    // The engine's search data lags; what we just did is the truth until the next page load.
    task = { ...shown, assignee: me.id, assigneeName: me.name };
    renderAssignment(task);
    notices.announce('Sie haben die Aufgabe übernommen.');
    unclaimButton.focus();
  });

  const unclaim = () => act('Die Aufgabe konnte nicht freigegeben werden.', async (shown) => {
    await api.unclaim(shown.taskKey);
    task = { ...shown, assignee: null, assigneeName: null };
    recentlyLeft.hide(task.taskKey, ['mine']);
    renderAssignment(task);
    notices.announce('Sie haben die Aufgabe freigegeben.');
    claimButton.focus();
  });

  /**
   * @param {{ dueDate: string|null, followUpDate: string|null }} dates
   * @param {(error: unknown) => boolean} showProblems
   */
  const saveDates = (dates, showProblems) => act('Die Termine wurden nicht gespeichert.', async (shown) => {
    await api.setDates(shown.taskKey, dates);
    task = { ...shown, ...dates };
    renderMeta(task);
    renderAssignment(task);
    notices.announce(dates.dueDate || dates.followUpDate ? 'Die Termine sind gespeichert.' : 'Die Termine sind entfernt.');
  }, showProblems);

  const openHandOver = () => act('Die Liste der Kolleginnen und Kollegen konnte nicht geladen werden.', async (shown) => {
    colleagues ??= (await api.colleagues()).colleagues;
    handOver.open(colleagues.filter((c) => c.id !== me.id && c.id !== shown.assignee));
  });

  /** @param {import('./api.js').Colleague} colleague */
  const handOverTo = (colleague) => act('Die Aufgabe konnte nicht weitergegeben werden.', async (shown) => {
    await api.assign(shown.taskKey, colleague.id);
    recentlyLeft.hide(shown.taskKey, ['mine', 'unassigned']);
    onLeave(`Aufgabe «${shown.name}» an ${colleague.name} weitergegeben.`);
  });

  const complete = () => {
    if (!isMine()) return;
    notices.clearStatus();
    const variables = completion.variables();
    if (!variables) return;
    return act('Die Aufgabe konnte nicht abgeschlossen werden.', async (shown) => {
      await api.complete(shown.taskKey, variables);
      recentlyLeft.hide(shown.taskKey);
      onLeave(isInternal() ? `Aufgabe «${shown.name}» erledigt.` : `Aufgabe «${shown.name}» abgeschlossen.`);
    });
  };

  return {
    element: root,
    heading,
    /**
     * Loads and shows a task.
     * @param {string} taskKey
     */
    async load(taskKey) {
      try {
        const detail = await api.getTask(taskKey);
        if (destroyed) return;
        task = detail.task;
        hasCase = Boolean(detail.case);
        heading.textContent = task.name;
        setTitle(task.name);
        renderMeta(task);
        renderSummary(detail);
        await completion.render({ internal: isInternal(), schema: detail.form, data: detail.formData ?? {}, readOnly: !isMine() });
        if (destroyed) return;
        work.hidden = false;
        renderAssignment(detail.task);
      } catch (error) {
        if (isUnauthorized(error) || destroyed) return;
        const notFound = hasStatus(error, 404);
        heading.textContent = notFound ? 'Aufgabe nicht gefunden' : 'Die Aufgabe konnte nicht geladen werden';
        setTitle(heading.textContent);
        if (notFound) {
          replaceChildren(meta, 'Die Aufgabe ist bereits erledigt oder Sie haben keinen Zugriff darauf.');
        } else {
          notices.showError(error);
        }
      }
    },
    destroy() {
      destroyed = true;
      completion.destroy();
    },
  };
}
