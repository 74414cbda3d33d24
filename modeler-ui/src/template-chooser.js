import { h, replaceChildren } from '../../browser-shared/dom.js';

/**
 * The element template chooser. bpmn-js-element-templates shows an applied template's fields,
 * checks them and offers its upgrades, but leaves choosing one to its host: the properties panel's
 * "Auswählen" (or "Ändern") asks for it, and this dialog lists the newest version of every
 * template that applies to the element, by category, and applies the one picked.
 * @param {HTMLElement} host where the dialog lives
 * @param {{ modeler: import('bpmn-js/lib/Modeler').default, texts: object, onApplied: (template: { name: string }) => void }} options
 */
export function createTemplateChooser(host, { modeler, texts, onApplied }) {
  const list = h('div', { class: 'template-choices' });
  const dialog = h('dialog', { class: 'template-chooser', 'aria-labelledby': 'template-chooser-heading' },
    h('h2', { id: 'template-chooser-heading' }, texts.chooseTemplate),
    h('p', { class: 'hint' }, texts.templateHelp),
    list,
    h('p', {}, h('button', { type: 'button', onclick: () => dialog.close() }, texts.cancel)));
  host.append(dialog);

  return {
    /** Opens the chooser for one diagram element. */
    open(element) {
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
              modeler.get('selection').select(shape);
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
