import { h, replaceChildren } from '../../browser-shared/dom.js';

/**
 * @typedef {import('diagram-js/lib/model/Types').Element} Element
 * @typedef {{ id: string, name: string, description?: string, category?: { id: string, name: string } }} ElementTemplate
 * bpmn-js-element-templates' service, as far as the chooser uses it.
 * @typedef {{ getLatest(element: Element): ElementTemplate[], get(element: Element): ElementTemplate | null,
 *   applyTemplate(element: Element, template: ElementTemplate): Element }} ElementTemplates
 */

/**
 * The element template chooser. bpmn-js-element-templates shows an applied template's fields,
 * checks them and offers its upgrades, but leaves choosing one to its host: the properties panel's
 * "Auswählen" (or "Ändern") asks for it, and this dialog lists the newest version of every
 * template that applies to the element, by category, and applies the one picked.
 * @param {HTMLElement} host where the dialog lives
 * @param {{ modeler: import('bpmn-js/lib/Modeler').default, texts: import('./texts.js').Texts, onApplied: (template: { name: string }) => void }} options
 */
export function createTemplateChooser(host, { modeler, texts, onApplied }) {
  const list = h('div', { class: 'template-choices' });
  /** @type {HTMLDialogElement} */
  const dialog = h('dialog', { class: 'template-chooser', 'aria-labelledby': 'template-chooser-heading' },
    h('h2', { id: 'template-chooser-heading' }, texts.chooseTemplate),
    h('p', { class: 'hint' }, texts.templateHelp),
    list,
    h('p', {}, h('button', { type: 'button', onclick: () => dialog.close() }, texts.cancel)));
  host.append(dialog);

  return {
    /**
     * Opens the chooser for one diagram element.
     * @param {Element} element
     */
    open(element) {
      /** @type {ElementTemplates} */
      const elementTemplates = modeler.get('elementTemplates');
      const templates = elementTemplates.getLatest(element);
      const categories = Map.groupBy(templates, (template) => template.category?.name ?? texts.otherTemplates);
      const current = elementTemplates.get(element)?.id;
      replaceChildren(list, templates.length === 0 ? h('p', {}, texts.noTemplates) : [...categories].map(([category, members]) => h('section', {},
        h('h3', {}, category),
        h('ul', { class: 'plain' }, members.map((template) => h('li', {},
          h('button', {
            type: 'button',
            class: 'template-choice',
            'aria-current': template.id === current ? 'true' : null,
            onclick: () => {
              const shape = elementTemplates.applyTemplate(element, template);
              dialog.close();
              /** @type {import('diagram-js/lib/features/selection/Selection').default} */
              const selection = modeler.get('selection');
              selection.select(shape);
              onApplied(template);
            },
          }, h('span', { class: 'template-name' }, template.name), h('span', { class: 'template-description' }, template.description ?? ''))))))));
      dialog.showModal();
    },
    destroy() {
      dialog.remove();
    },
  };
}
