import { h } from './dom.js';
import { refusedFields } from './problem.js';

/**
 * A labelled control of the page's own forms, with an optional note and a message that shows why
 * its value was refused. The control is described by both, so a screen reader reads them on focus.
 * A checkbox (`checkbox: true`) sits inside its label, which takes the touch too.
 * @template {HTMLElement} C
 * @param {{ label: string, control: C, note?: string, checkbox?: boolean }} options
 */
export function createField({ label, control, note, checkbox = false }) {
  const id = control.id;
  const noteElement = note ? h('p', { id: `${id}-note`, class: 'field-note' }, note) : null;
  const message = h('p', { id: `${id}-error`, class: 'field-hint', hidden: true });
  control.setAttribute('aria-describedby', [noteElement?.id, message.id].filter(Boolean).join(' '));
  const element = checkbox
    ? h('div', { class: 'field check-field' }, h('label', { for: id }, control, ` ${label}`), noteElement, message)
    : h('div', { class: 'field' }, h('label', { for: id }, label), noteElement, message, control);

  return {
    element,
    control,
    label,
    focus: () => control.focus(),
    /**
     * Marks the control invalid and says why next to it.
     * @param {string} text
     */
    showError(text) {
      message.textContent = text;
      message.hidden = false;
      control.setAttribute('aria-invalid', 'true');
    },
    clearError() {
      message.textContent = '';
      message.hidden = true;
      control.removeAttribute('aria-invalid');
    },
  };
}

/**
 * @typedef {{ label: string, focus: () => void, showError(text: string): void }} Field
 * @typedef {{ showErrorSummary: (title: string, items: Array<{ text: string, focus: () => void }>) => void }} ErrorSummary
 */

// What the API says about a refused field, in the clerk's words.
/** @type {Record<string, string>} */
const serverFieldMessages = {
  'is after the due date': 'Die Wiedervorlage darf nicht nach dem Fälligkeitsdatum liegen.',
  'is not one of your groups': 'Aufgaben können Sie nur Ihren eigenen Gruppen zuweisen.',
  'is not a colleague': 'Diese Person arbeitet nicht in Ihrer Gemeinde.',
  'cannot be given with an assignee': 'Weisen Sie die Aufgabe einer Person oder einer Gruppe zu, nicht beiden.',
  'is not a case of your municipality': 'Diesen Vorgang gibt es in Ihrer Gemeinde nicht.',
};

/**
 * Shows a 400 answer's refused fields (RFC 9457 `errors[].pointer`, e.g. "/body/title") at the
 * fields and in the page's error summary. Returns false when the answer names no field of this
 * form, so the caller shows it as a general error.
 * @param {unknown} error
 * @param {Record<string, Field>} fieldsByPointer
 * @param {ErrorSummary} notices
 * @param {string} title what did not happen, e.g. "Die Aufgabe wurde nicht angelegt."
 * @param {(detail: string) => string} [messageOf] the clerk's words for the API's detail of a field
 */
export function showFieldProblems(error, fieldsByPointer, notices, title, messageOf = (detail) => serverFieldMessages[detail] ?? 'Bitte prüfen Sie diese Angabe.') {
  const refused = refusedFields(error);
  const atFields = refused.flatMap(({ pointer, detail }) => {
    const field = fieldsByPointer[pointer];
    return field ? [{ field, detail }] : [];
  });
  if (!refused.length || atFields.length < refused.length) return false;
  const items = atFields.map(({ field, detail }) => {
    const text = messageOf(detail);
    field.showError(text);
    return { text: `${field.label}: ${text}`, focus: field.focus };
  });
  notices.showErrorSummary(title, items);
  return true;
}

/**
 * Shows the browser-side refusals at their fields and in the error summary; true when there were any.
 * @param {Array<{ field: Field, text: string }>} invalid
 * @param {ErrorSummary} notices
 * @param {string} title
 */
export function showInvalidFields(invalid, notices, title) {
  if (!invalid.length) return false;
  for (const { field, text } of invalid) field.showError(text);
  notices.showErrorSummary(title, invalid.map(({ field, text }) => ({ text: `${field.label}: ${text}`, focus: field.focus })));
  return true;
}
