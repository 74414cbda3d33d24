import { h, replaceChildren } from '../../browser-shared/dom.js';

/**
 * One form-js editor per form the diagram links (and a new service's start form): the service's
 * forms are edited, saved and deployed together with its diagram. The editor is loaded when the
 * forms are first shown (a chunk of its own, split off the modeller's script).
 * @param {HTMLElement} host
 * @param {import('./api.js').FormSchemas} forms form-js schemas by form id
 * @param {{ texts: import('./texts.js').Texts, onChange: () => void }} options
 */
export async function createFormEditors(host, forms, { texts, onChange }) {
  /** @type {Map<string, import('@bpmn-io/form-js-editor').FormEditor>} */
  const editors = new Map();
  const ids = Object.keys(forms).sort();
  if (ids.length === 0) {
    replaceChildren(host, h('p', {}, texts.noForms));
    return { schemas: () => ({}), destroy() {} };
  }
  replaceChildren(host, h('p', {}, texts.formsLoading));
  const { FormEditor } = await import('@bpmn-io/form-js-editor');
  replaceChildren(host);
  for (const formId of ids) {
    const container = h('div', { class: 'form-editor' });
    host.append(h('section', { class: 'form-section', 'aria-label': texts.formFor(formId) }, h('h3', {}, texts.formFor(formId)), container));
    const editor = new FormEditor({ container });
    await editor.importSchema(forms[formId]);
    editor.on('changed', () => onChange());
    editors.set(formId, editor);
  }
  return {
    /** The edited schemas, by form id. */
    schemas() {
      return Object.fromEntries([...editors].map(([formId, editor]) => [formId, editor.saveSchema()]));
    },
    destroy() {
      for (const editor of editors.values()) editor.destroy();
    },
  };
}
