import { h, replaceChildren } from '../../browser-shared/dom.js';
import { formatDate, formatDateTime } from '../../browser-shared/format.js';
import { isOverdue } from './format.js';
import { renderCaseSummary } from './case-summary.js';
import { createHandOver } from './hand-over.js';
import { renderTaskForm } from './task-form.js';
import { createCorrespondence } from './correspondence.js';
import { createTaskDates } from './task-dates.js';

// The server checks the form again and answers in the words of JSON validation.
const serverFieldMessages = {
  'is required': 'Bitte füllen Sie dieses Feld aus.',
  'is not one of the offered values': 'Bitte wählen Sie einen der angebotenen Werte.',
  'is not a field of this form': 'Dieses Feld gehört nicht zum Formular.',
};

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
 *   FormViewer: any,
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
  let form = null;
  let formUsable = true;
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

  const formHeading = h('h3', { id: 'form-heading' }, 'Formular');
  const formHost = h('div', { class: 'form-host' });
  const formHint = h('p', { class: 'hint', hidden: true });
  const completeButton = h('button', { type: 'button', hidden: true, onclick: () => complete() }, 'Abschliessen');

  const correspondence = createCorrespondence({
    api,
    notices,
    taskKey: () => task.taskKey,
    onSent: async () => {
      try {
        const detail = await api.getTask(task.taskKey);
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
    formHeading,
    formHost,
    formHint,
    h('div', { class: 'button-row' }, completeButton),
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

  function renderMeta() {
    const overdue = isOverdue(task.dueDate);
    const parts = [
      isInternal() ? 'Interne Aufgabe' : null,
      task.caseNumber ? `${task.serviceName} · Fall ${task.caseNumber}` : null,
      task.dueDate ? ['fällig am ', h('time', { datetime: task.dueDate }, formatDateTime(task.dueDate)), overdue ? [' ', h('span', { class: 'badge' }, 'überfällig')] : null] : null,
      task.followUpDate ? ['Wiedervorlage am ', h('time', { datetime: task.followUpDate }, formatDate(task.followUpDate))] : null,
      task.priority !== null && task.priority !== undefined ? `Priorität ${task.priority}` : null,
    ].filter(Boolean);
    replaceChildren(meta, parts.map((part, index) => [index ? ' · ' : null, part]));
  }

  /** What the author of an internal task wrote, then the case if the task has one. */
  function renderSummary(detail) {
    const { internal } = detail;
    replaceChildren(summaryHost,
      internal
        ? h('section', { class: 'internal-task', 'aria-labelledby': 'internal-heading' },
          h('h2', { id: 'internal-heading' }, 'Auftrag'),
          internal.description ? h('p', { class: 'message-text' }, internal.description) : h('p', { class: 'muted' }, 'Keine Beschreibung.'),
          h('p', { class: 'muted' }, `Angelegt von ${internal.createdBy} am `, h('time', { datetime: internal.createdAt }, formatDateTime(internal.createdAt)), '.'))
        : null,
      detail.case ? renderCaseSummary(detail.case) : null,
      detail.case
        ? h('div', { class: 'button-row' }, h('a', { href: newTaskHref(task.taskKey), class: 'button-link secondary' }, 'Interne Aufgabe zu diesem Vorgang'))
        : null);
  }

  function renderAssignment() {
    const mine = isMine();
    const free = isFree();
    assignmentStatus.textContent = mine
      ? 'Sie bearbeiten diese Aufgabe.'
      : free ? 'Diese Aufgabe ist noch niemandem zugewiesen.' : `Diese Aufgabe bearbeitet ${task.assigneeName ?? task.assignee}.`;
    claimButton.hidden = !free;
    unclaimButton.hidden = !mine;
    handOver.setAvailable(mine || free);
    taskDates.show(task, mine || free);
    completeButton.hidden = !mine || !formUsable;
    // Messages and decisions go to a case's citizen; an internal task of its own has none.
    correspondence.setAvailable(mine && hasCase);
    formHint.hidden = mine;
    if (isInternal()) {
      formHint.textContent = free
        ? 'Übernehmen Sie die Aufgabe, um sie als erledigt zu melden.'
        : 'Nur wer die Aufgabe bearbeitet, kann sie als erledigt melden.';
    } else {
      formHint.textContent = free
        ? 'Übernehmen Sie die Aufgabe, um das Formular auszufüllen und die Aufgabe abzuschliessen.'
        : 'Nur wer die Aufgabe bearbeitet, kann das Formular ausfüllen.';
    }
    form?.setReadOnly(!mine);
  }

  async function renderForm(schema, data) {
    if (isInternal()) {
      // An internal task has no form: its author's text says what to do, "Erledigt" says it is done.
      formHeading.hidden = true;
      formHost.hidden = true;
      completeButton.textContent = 'Erledigt';
      return;
    }
    if (!schema) {
      replaceChildren(formHost, h('p', { class: 'muted' }, 'Zu dieser Aufgabe gehört kein Formular.'));
      return;
    }
    try {
      if (!FormViewer) throw new Error('form-js is not loaded');
      form = await renderTaskForm({ FormViewer, container: formHost, schema, data, readOnly: !isMine() });
    } catch {
      formUsable = false;
      replaceChildren(formHost, h('p', { class: 'muted' }, 'Das Formular kann nicht angezeigt werden. Bitte laden Sie die Seite neu.'));
    }
  }

  /**
   * Runs one action at a time; a refusal is shown (at its fields when `showProblems` knows them),
   * and a conflict reloads who holds the task.
   */
  async function act(failureContext, action, showProblems = showFormProblems) {
    if (busy || destroyed) return;
    busy = true;
    work.setAttribute('aria-busy', 'true');
    notices.clearAlert();
    notices.clearStatus();
    try {
      await action();
    } catch (error) {
      if (error.unauthorized || destroyed) return;
      if (!showProblems(error)) {
        notices.showError(error, failureContext);
        notices.reveal();
      }
      if (error.status === 409) await reloadAssignment();
    } finally {
      busy = false;
      work.removeAttribute('aria-busy');
    }
  }

  async function reloadAssignment() {
    try {
      const fresh = await api.getTask(task.taskKey);
      if (destroyed) return;
      task = fresh.task;
      renderMeta();
      renderAssignment();
    } catch {
      // The alert about the refusal is already shown; a failing reload adds nothing to it.
    }
  }

  const claim = () => act('Die Aufgabe konnte nicht übernommen werden.', async () => {
    await api.claim(task.taskKey);
    // The engine's search data lags; what we just did is the truth until the next page load.
    task = { ...task, assignee: me.id, assigneeName: me.name };
    renderAssignment();
    notices.announce('Sie haben die Aufgabe übernommen.');
    unclaimButton.focus();
  });

  const unclaim = () => act('Die Aufgabe konnte nicht freigegeben werden.', async () => {
    await api.unclaim(task.taskKey);
    task = { ...task, assignee: null, assigneeName: null };
    recentlyLeft.hide(task.taskKey, ['mine']);
    renderAssignment();
    notices.announce('Sie haben die Aufgabe freigegeben.');
    claimButton.focus();
  });

  const saveDates = (dates, showProblems) => act('Die Termine wurden nicht gespeichert.', async () => {
    await api.setDates(task.taskKey, dates);
    task = { ...task, ...dates };
    renderMeta();
    renderAssignment();
    notices.announce(dates.dueDate || dates.followUpDate ? 'Die Termine sind gespeichert.' : 'Die Termine sind entfernt.');
  }, showProblems);

  const openHandOver = () => act('Die Liste der Kolleginnen und Kollegen konnte nicht geladen werden.', async () => {
    colleagues ??= (await api.colleagues()).colleagues;
    handOver.open(colleagues.filter((c) => c.id !== me.id && c.id !== task.assignee));
  });

  const handOverTo = (colleague) => act('Die Aufgabe konnte nicht weitergegeben werden.', async () => {
    await api.assign(task.taskKey, colleague.id);
    recentlyLeft.hide(task.taskKey, ['mine', 'unassigned']);
    onLeave(`Aufgabe «${task.name}» an ${colleague.name} weitergegeben.`);
  });

  const notCompleted = 'Die Aufgabe wurde nicht abgeschlossen. Bitte korrigieren Sie das Formular:';

  /** The server's own check of the form (400 with pointers to variables), told by field label. */
  function showFormProblems(error) {
    const pointers = error.problem?.errors ?? [];
    const fields = pointers.map((e) => ({ ...e, field: form?.fieldByKey(/^\/body\/variables\/(.+)$/.exec(e.pointer)?.[1]) }));
    if (error.status !== 400 || !fields.length || fields.some((f) => !f.field)) return false;
    notices.showErrorSummary(notCompleted, fields.map(({ field, detail }) => ({
      text: `${field.label}: ${serverFieldMessages[detail] ?? detail}`,
      focus: field.focus,
    })));
    return true;
  }

  const complete = () => {
    if (!isMine()) return;
    notices.clearStatus();
    let variables = {};
    if (form) {
      const { data, invalidFields } = form.submit();
      if (invalidFields.length) {
        notices.showErrorSummary(notCompleted,
          invalidFields.map((f) => ({ text: `${f.label}: ${f.messages.join(' ')}`, focus: f.focus })));
        return;
      }
      variables = data;
    }
    return act('Die Aufgabe konnte nicht abgeschlossen werden.', async () => {
      await api.complete(task.taskKey, variables);
      recentlyLeft.hide(task.taskKey);
      onLeave(isInternal() ? `Aufgabe «${task.name}» erledigt.` : `Aufgabe «${task.name}» abgeschlossen.`);
    });
  };

  return {
    element: root,
    heading,
    /** Loads and shows a task. */
    async load(taskKey) {
      try {
        const detail = await api.getTask(taskKey);
        if (destroyed) return;
        task = detail.task;
        hasCase = Boolean(detail.case);
        heading.textContent = task.name;
        setTitle(task.name);
        renderMeta();
        renderSummary(detail);
        await renderForm(detail.form, detail.formData ?? {});
        if (destroyed) return;
        work.hidden = false;
        renderAssignment();
      } catch (error) {
        if (error.unauthorized || destroyed) return;
        const notFound = error.status === 404;
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
      form?.destroy();
    },
  };
}
