import { h, replaceChildren } from '../../browser-shared/dom.js';
import { refusedFields } from '../../browser-shared/problem.js';
import { renderTaskForm } from './task-form.js';

// The server checks the form again and answers in the words of JSON validation.
/** @type {Record<string, string>} */
const serverFieldMessages = {
  'is required': 'Bitte füllen Sie dieses Feld aus.',
  'is not one of the offered values': 'Bitte wählen Sie einen der angebotenen Werte.',
  'is not a field of this form': 'Dieses Feld gehört nicht zum Formular.',
};

const notCompleted = 'Die Aufgabe wurde nicht abgeschlossen. Bitte korrigieren Sie das Formular:';

/**
 * A task's form and its completion: the form of a process task, filled in by whoever holds the
 * task and completed with "Abschliessen"; an internal task has no form and is done with "Erledigt".
 * The caller runs the completing (`onComplete`), one action at a time.
 * @param {{
 *   FormViewer: Window['FormViewer'],
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   onComplete: () => void,
 * }} dependencies
 */
export function createTaskCompletion({ FormViewer, notices, onComplete }) {
  /** @type {Awaited<ReturnType<typeof renderTaskForm>> | null} */
  let form = null;
  let usable = true;
  let internal = false;

  const heading = h('h3', { id: 'form-heading' }, 'Formular');
  const host = h('div', { class: 'form-host' });
  const hint = h('p', { class: 'hint', hidden: true });
  const completeButton = h('button', { type: 'button', hidden: true, onclick: () => onComplete() }, 'Abschliessen');

  return {
    elements: [heading, host, hint, h('div', { class: 'button-row' }, completeButton)],

    /**
     * Shows the task's form with its data, read-only for whoever does not hold the task.
     * @param {{ internal: boolean, schema: object | null, data: Record<string, unknown>, readOnly: boolean }} options
     */
    async render(options) {
      internal = options.internal;
      if (internal) {
        // An internal task has no form: its author's text says what to do, "Erledigt" says it is done.
        heading.hidden = true;
        host.hidden = true;
        completeButton.textContent = 'Erledigt';
        return;
      }
      if (!options.schema) {
        replaceChildren(host, h('p', { class: 'muted' }, 'Zu dieser Aufgabe gehört kein Formular.'));
        return;
      }
      try {
        if (!FormViewer) throw new Error('form-js is not loaded');
        form = await renderTaskForm({ FormViewer, container: host, schema: options.schema, data: options.data, readOnly: options.readOnly });
      } catch {
        usable = false;
        replaceChildren(host, h('p', { class: 'muted' }, 'Das Formular kann nicht angezeigt werden. Bitte laden Sie die Seite neu.'));
      }
    },

    /**
     * Offers completing to whoever holds the task, and tells the others why they cannot.
     * @param {{ mine: boolean, free: boolean }} holder
     */
    showHolder({ mine, free }) {
      completeButton.hidden = !mine || !usable;
      hint.hidden = mine;
      if (internal) {
        hint.textContent = free
          ? 'Übernehmen Sie die Aufgabe, um sie als erledigt zu melden.'
          : 'Nur wer die Aufgabe bearbeitet, kann sie als erledigt melden.';
      } else {
        hint.textContent = free
          ? 'Übernehmen Sie die Aufgabe, um das Formular auszufüllen und die Aufgabe abzuschliessen.'
          : 'Nur wer die Aufgabe bearbeitet, kann das Formular ausfüllen.';
      }
      form?.setReadOnly(!mine);
    },

    /**
     * The variables to complete the task with; null when the browser's own check of the form
     * refused them, which the error summary then lists.
     * @returns {Record<string, unknown> | null}
     */
    variables() {
      if (!form) return {};
      const { data, invalidFields } = form.submit();
      if (!invalidFields.length) return data;
      notices.showErrorSummary(notCompleted,
        invalidFields.map((f) => ({ text: `${f.label}: ${f.messages.join(' ')}`, focus: f.focus })));
      return null;
    },

    /**
     * The server's own check of the form (400 with pointers to variables), told by field label;
     * false when the refusal names no field of this form.
     * @param {unknown} error
     */
    showProblems(error) {
      const refused = refusedFields(error);
      const fields = refused.flatMap(({ pointer, detail }) => {
        const field = form?.fieldByKey(/^\/body\/variables\/(.+)$/.exec(pointer)?.[1]);
        return field ? [{ field, detail }] : [];
      });
      if (!refused.length || fields.length < refused.length) return false;
      notices.showErrorSummary(notCompleted, fields.map(({ field, detail }) => ({
        text: `${field.label}: ${serverFieldMessages[detail] ?? detail}`,
        focus: field.focus,
      })));
      return true;
    },

    destroy() {
      form?.destroy();
    },
  };
}
