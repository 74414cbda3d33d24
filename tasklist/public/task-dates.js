import { h, replaceChildren } from '../../browser-shared/dom.js';
import { formatDate, formatDateTime } from '../../browser-shared/format.js';
import { dayOf, dueDateOfDay, followUpDateOfDay } from './format.js';
import { createField, showFieldProblems, showInvalidFields } from '../../browser-shared/form-fields.js';

const notSaved = 'Die Termine wurden nicht gespeichert. Bitte korrigieren Sie:';

/**
 * "Termine" of a task: due and follow-up day, changed by whoever may (the task is free or theirs),
 * shown to the others. The caller runs the saving (`onSave`), one action at a time.
 * @param {{
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   onSave: (dates: { dueDate: string|null, followUpDate: string|null }, showProblems: (error: unknown) => boolean) => void,
 * }} dependencies
 */
export function createTaskDates({ notices, onSave }) {
  const dueDay = createField({ label: 'Fällig am', control: h('input', { id: 'task-due', name: 'dueDate', type: 'date' }) });
  const followUpDay = createField({ label: 'Wiedervorlage am', control: h('input', { id: 'task-follow-up', name: 'followUpDate', type: 'date' }) });
  const fields = [dueDay, followUpDay];
  const fieldsByPointer = { '/body/dueDate': dueDay, '/body/followUpDate': followUpDay };

  const form = h('form', {
    class: 'task-dates', novalidate: true, 'aria-labelledby': 'dates-heading',
    onsubmit: (event) => {
      event.preventDefault();
      for (const field of fields) field.clearError();
      const invalid = fields.filter((field) => field.control.validity.badInput)
        .map((field) => ({ field, text: 'Bitte geben Sie ein vollständiges Datum ein.' }));
      if (showInvalidFields(invalid, notices, notSaved)) return;
      onSave(
        { dueDate: dueDateOfDay(dueDay.control.value), followUpDate: followUpDateOfDay(followUpDay.control.value) },
        (error) => showFieldProblems(error, fieldsByPointer, notices, notSaved),
      );
    },
  },
  h('p', { class: 'field-note' }, 'Fällig bis Ende des Tages, Wiedervorlage ab Beginn des Tages. Ein leeres Feld entfernt den Termin.'),
  h('div', { class: 'date-fields' }, fields.map((field) => field.element)),
  h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'secondary' }, 'Termine speichern')));
  const readOnly = h('dl', { class: 'facts' });

  const element = h('section', { class: 'dates', 'aria-labelledby': 'dates-heading' },
    h('h3', { id: 'dates-heading' }, 'Termine'), form, readOnly);

  let shownSignature = '';
  /** @param {string | null} iso @param {(iso: string) => string} format */
  const shown = (iso, format) => (iso ? h('time', { datetime: iso }, format(iso)) : 'keine');

  return {
    element,
    /**
     * Shows a task's dates; editable decides between the form and plain text.
     * @param {import('./api.js').Task} task
     * @param {boolean} editable
     */
    show(task, editable) {
      form.hidden = !editable;
      readOnly.hidden = editable;
      // Taking the task over re-renders it; what the clerk typed but did not save stays.
      const signature = JSON.stringify([task.taskKey, task.dueDate, task.followUpDate, editable]);
      if (signature === shownSignature) return;
      shownSignature = signature;
      if (editable) {
        for (const field of fields) field.clearError();
        dueDay.control.value = dayOf(task.dueDate);
        followUpDay.control.value = dayOf(task.followUpDate);
      }
      replaceChildren(readOnly,
        h('dt', {}, 'Fällig am'), h('dd', {}, shown(task.dueDate, formatDateTime)),
        h('dt', {}, 'Wiedervorlage am'), h('dd', {}, shown(task.followUpDate, formatDate)));
    },
    focus: () => dueDay.control.focus(),
  };
}
