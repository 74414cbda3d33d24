import { h, replaceChildren } from '../../browser-shared/dom.js';
import { isUnauthorized } from '../../browser-shared/problem.js';
import { dueDateOfDay, followUpDateOfDay } from './format.js';
import { createField, showFieldProblems, showInvalidFields } from '../../browser-shared/form-fields.js';

/**
 * "4001-einwohnerkontrolle" → "Einwohnerkontrolle (4001)"; a group of another shape stays as it is.
 * @param {string} group
 */
export function groupLabel(group) {
  const [, number, words] = /^(\d+)-(.+)$/.exec(group) ?? [];
  if (!number || !words) return group;
  const name = words.replaceAll('-', ' ');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${number})`;
}

const notCreated = 'Die Aufgabe wurde nicht angelegt. Bitte korrigieren Sie:';

/**
 * "Neue Aufgabe": a clerk writes down an internal task for themselves, one of their groups or a
 * colleague, on its own or (from a task, `fromTaskKey`) for that task's case. The engine lists it
 * a moment later; `onCreated` leaves for where it will appear.
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createTasklistApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   me: { id: string, groups: string[] },
 *   fromTaskKey?: string,
 *   cancelHref: string,
 *   setTitle: (title: string) => void,
 *   onCreated: (created: { title: string, assignedTo: 'self'|'group'|'colleague' }) => void,
 * }} dependencies
 */
export function createNewTaskView({ api, notices, me, fromTaskKey, cancelHref, setTitle, onCreated }) {
  /** @type {string | null} */
  let caseId = null;
  let busy = false;
  let destroyed = false;

  const heading = h('h1', { id: 'new-task-heading', tabindex: '-1' }, 'Neue Aufgabe');
  const caseFacts = h('div', { class: 'new-task-case', hidden: true });

  const title = createField({ label: 'Titel', control: h('input', { id: 'new-task-title', name: 'title', type: 'text', maxlength: '200', autocomplete: 'off', required: true }) });
  const description = createField({
    label: 'Beschreibung',
    note: 'Was ist zu tun? Höchstens 4000 Zeichen.',
    control: h('textarea', { id: 'new-task-description', name: 'description', rows: '5', maxlength: '4000' }),
  });
  const colleagueGroup = h('optgroup', { label: 'Kollegin oder Kollege' });
  const assignment = createField({
    label: 'Zuständig',
    control: h('select', { id: 'new-task-assignment', name: 'assignment' },
      h('option', { value: 'self' }, 'Ich selbst'),
      me.groups.length
        ? h('optgroup', { label: 'Meine Gruppen' }, me.groups.map((group) => h('option', { value: `group:${group}` }, groupLabel(group))))
        : null),
    note: 'Eine Gruppe: Wer aus der Gruppe Zeit hat, übernimmt die Aufgabe.',
  });
  const dueDay = createField({ label: 'Fällig am', control: h('input', { id: 'new-task-due', name: 'dueDate', type: 'date' }), note: 'Bis Ende dieses Tages. Leer: ohne Frist.' });
  const followUpDay = createField({ label: 'Wiedervorlage am', control: h('input', { id: 'new-task-follow-up', name: 'followUpDate', type: 'date' }), note: 'Ab diesem Tag wieder vorlegen; nicht nach dem Fälligkeitsdatum.' });
  const fields = [title, description, assignment, dueDay, followUpDay];
  const fieldsByPointer = {
    '/body/title': title,
    '/body/description': description,
    '/body/assignee': assignment,
    '/body/candidateGroup': assignment,
    '/body/dueDate': dueDay,
    '/body/followUpDate': followUpDay,
  };
  // A refused case (/body/caseId) is no field the clerk can change: it shows as a general error.

  const submitButton = h('button', { type: 'submit' }, 'Aufgabe anlegen');
  const form = h('form', { class: 'new-task-form', novalidate: true, 'aria-labelledby': heading.id, onsubmit: (event) => submit(event) },
    fields.map((field) => field.element),
    h('div', { class: 'button-row' }, submitButton, h('a', { href: cancelHref, class: 'button-link secondary' }, 'Abbrechen')));

  const element = h('div', { class: 'new-task-view' },
    h('p', {}, h('a', { href: cancelHref, class: 'back-link' }, fromTaskKey ? 'Zurück zur Aufgabe' : 'Zurück zur Aufgabenliste')),
    heading,
    h('p', { class: 'task-meta' }, 'Eine interne Aufgabe für Sie, eine Ihrer Gruppen oder eine Kollegin oder einen Kollegen. Nur der Titel ist nötig. Die Aufgabe erscheint wenige Sekunden nach dem Anlegen in der Liste.'),
    caseFacts,
    form);

  /** What the form says, or the refusals of the browser's own check. */
  function read() {
    /** @type {Array<{ field: import('../../browser-shared/form-fields.js').Field, text: string }>} */
    const invalid = [];
    const titleText = title.control.value.trim();
    if (!titleText) invalid.push({ field: title, text: 'Bitte geben Sie einen Titel ein.' });
    for (const day of [dueDay, followUpDay]) {
      // A half-typed date reads as empty; it must not silently become "no date".
      if (day.control.validity.badInput) invalid.push({ field: day, text: 'Bitte geben Sie ein vollständiges Datum ein.' });
    }
    const choice = assignment.control.value;
    /** @type {import('./api.js').NewInternalTask} */
    const body = {
      title: titleText,
      description: description.control.value.trim(),
      ...(caseId ? { caseId } : {}),
      ...(choice.startsWith('group:') ? { candidateGroup: choice.slice('group:'.length) } : {}),
      ...(choice.startsWith('person:') ? { assignee: choice.slice('person:'.length) } : {}),
    };
    const dueDate = dueDateOfDay(dueDay.control.value);
    const followUpDate = followUpDateOfDay(followUpDay.control.value);
    if (dueDate) body.dueDate = dueDate;
    if (followUpDate) body.followUpDate = followUpDate;
    /** @type {'self' | 'group' | 'colleague'} */
    const assignedTo = choice.startsWith('group:') ? 'group' : choice.startsWith('person:') ? 'colleague' : 'self';
    return { body, invalid, assignedTo };
  }

  /** @param {SubmitEvent} event */
  async function submit(event) {
    event.preventDefault();
    if (busy || destroyed) return;
    notices.clearAlert();
    notices.clearStatus();
    for (const field of fields) field.clearError();
    const { body, invalid, assignedTo } = read();
    if (showInvalidFields(invalid, notices, notCreated)) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await api.createInternalTask(body);
      if (!destroyed) onCreated({ title: body.title, assignedTo });
    } catch (error) {
      if (isUnauthorized(error) || destroyed) return;
      if (!showFieldProblems(error, fieldsByPointer, notices, notCreated)) notices.showError(error, 'Die Aufgabe wurde nicht angelegt.');
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  }

  async function loadColleagues() {
    try {
      const { colleagues } = await api.colleagues();
      if (destroyed) return;
      if (!colleagues.length) return;
      replaceChildren(colleagueGroup, colleagues.map((c) => h('option', { value: `person:${c.id}` }, c.name)));
      assignment.control.append(colleagueGroup);
    } catch (error) {
      if (!isUnauthorized(error) && !destroyed) notices.showError(error, 'Die Liste der Kolleginnen und Kollegen konnte nicht geladen werden.');
    }
  }

  /**
   * The case of the task the clerk came from, shown and sent along.
   * @param {string} taskKey
   */
  async function loadCase(taskKey) {
    try {
      const detail = await api.getTask(taskKey);
      if (destroyed || !detail.case) return;
      caseId = detail.case.id;
      heading.textContent = `Interne Aufgabe zu Fall ${detail.case.caseNumber}`;
      setTitle(heading.textContent);
      const { applicant } = detail.case;
      replaceChildren(caseFacts,
        h('h2', {}, 'Vorgang'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Fall'), h('dd', {}, detail.case.caseNumber),
          h('dt', {}, 'Dienst'), h('dd', {}, detail.case.serviceName),
          applicant ? [h('dt', {}, 'Antragsteller/in'), h('dd', {}, `${applicant.firstName} ${applicant.lastName}`)] : null));
      caseFacts.hidden = false;
      // On a case, the offices serving its municipality (the civil registry office) can take a task too.
      if (detail.case.offices?.length) {
        assignment.control.append(h('optgroup', { label: 'Zuständiges Amt' },
          detail.case.offices.map((office) => h('option', { value: `group:${office.id}` }, office.name))));
      }
    } catch (error) {
      if (isUnauthorized(error) || destroyed) return;
      // Without its case the task would be written down on its own, which the clerk did not ask for.
      submitButton.disabled = true;
      notices.showError(error, 'Der Vorgang der Aufgabe konnte nicht geladen werden.');
    }
  }

  return {
    element,
    heading,
    /** Loads what the form offers: colleagues, and the case when coming from a task. */
    async load() {
      await Promise.all([loadColleagues(), fromTaskKey ? loadCase(fromTaskKey) : Promise.resolve()]);
    },
    destroy() {
      destroyed = true;
    },
  };
}
