import { h, replaceChildren } from './dom.js';
import { formatDateTime, isOverdue } from './format.js';
import { renderCaseSummary } from './case-summary.js';
import { createHandOver } from './hand-over.js';
import { renderTaskForm } from './task-form.js';
import { createCorrespondence } from './correspondence.js';

// The server checks the form again and answers in the words of JSON validation.
const serverFieldMessages = {
  'is required': 'Bitte füllen Sie dieses Feld aus.',
  'is not one of the offered values': 'Bitte wählen Sie einen der angebotenen Werte.',
  'is not a field of this form': 'Dieses Feld gehört nicht zum Formular.',
};

/**
 * One task: its case, who works on it (take over, release, hand over) and its form, completed with
 * "Abschliessen". Leaves for the list through `onLeave(statusMessage)` once the task is no longer
 * the clerk's.
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createTasklistApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   recentlyLeft: ReturnType<typeof import('./recently-left.js').createRecentlyLeft>,
 *   me: { id: string, name: string },
 *   FormViewer: any,
 *   listHref: string,
 *   setTitle: (title: string) => void,
 *   onLeave: (statusMessage: string) => void,
 * }} dependencies
 */
export function createTaskView({ api, notices, recentlyLeft, me, FormViewer, listHref, setTitle, onLeave }) {
  /** @type {import('./api.js').Task | null} */
  let task = null;
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
        if (!destroyed) replaceChildren(summaryHost, renderCaseSummary(detail.case));
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
    h('h3', { id: 'form-heading' }, 'Formular'),
    formHost,
    formHint,
    h('div', { class: 'button-row' }, completeButton),
    correspondence.element);

  const root = h('div', { class: 'task-view' },
    h('p', {}, h('a', { href: listHref, class: 'back-link' }, 'Zurück zur Aufgabenliste')),
    heading,
    meta,
    h('div', { class: 'task-layout' }, summaryHost, work));

  const isMine = () => task?.assignee === me.id;
  const isFree = () => task?.assignee === null;

  function renderMeta() {
    const overdue = isOverdue(task.dueDate);
    replaceChildren(meta,
      `${task.serviceName} · Fall ${task.caseNumber}`,
      task.dueDate ? [' · fällig am ', h('time', { datetime: task.dueDate }, formatDateTime(task.dueDate))] : null,
      overdue ? [' ', h('span', { class: 'badge' }, 'überfällig')] : null,
      task.priority !== null && task.priority !== undefined ? ` · Priorität ${task.priority}` : null);
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
    completeButton.hidden = !mine || !formUsable;
    correspondence.setAvailable(mine);
    formHint.hidden = mine;
    formHint.textContent = free
      ? 'Übernehmen Sie die Aufgabe, um das Formular auszufüllen und die Aufgabe abzuschliessen.'
      : 'Nur wer die Aufgabe bearbeitet, kann das Formular ausfüllen.';
    form?.setReadOnly(!mine);
  }

  async function renderForm(schema, data) {
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

  /** Runs one action at a time; a refusal is shown, and a conflict reloads who holds the task. */
  async function act(failureContext, action) {
    if (busy || destroyed) return;
    busy = true;
    work.setAttribute('aria-busy', 'true');
    notices.clearAlert();
    notices.clearStatus();
    try {
      await action();
    } catch (error) {
      if (error.unauthorized || destroyed) return;
      if (!showFormProblems(error)) {
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
      onLeave(`Aufgabe «${task.name}» abgeschlossen.`);
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
        heading.textContent = task.name;
        setTitle(task.name);
        renderMeta();
        replaceChildren(summaryHost, renderCaseSummary(detail.case));
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
