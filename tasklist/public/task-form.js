import { keepFormTextsGerman } from './german-form-texts.js';
import { germanValidationModule } from './german-validation.js';

/**
 * form-js's viewer as the page loads it (tasklist/types/form-viewer.d.ts), and a form it renders.
 * @typedef {NonNullable<Window['FormViewer']>} FormViewerGlobal
 * @typedef {InstanceType<FormViewerGlobal['Form']>} Form
 * A field of the form's schema, from form-js's registry of fields.
 * @typedef {{ id: string, key?: string, label?: string }} SchemaField
 * @typedef {{ getAll(): SchemaField[], get(id: string): SchemaField | undefined }} FormFieldRegistry
 */

/**
 * Renders a task's form-js schema with its initial data.
 * @param {{ FormViewer: FormViewerGlobal, container: HTMLElement, schema: object, data: Record<string, unknown>, readOnly: boolean }} options
 */
export async function renderTaskForm({ FormViewer, container, schema, data, readOnly }) {
  const form = new FormViewer.Form({ container, additionalModules: [germanValidationModule] });
  await form.importSchema(schema, data);
  form.setProperty('readOnly', readOnly);
  const stopTranslating = keepFormTextsGerman(container);

  return {
    /** @param {boolean} value */
    setReadOnly(value) {
      form.setProperty('readOnly', value);
    },
    /**
     * Validates and returns the form's data, or the invalid fields with their German messages.
     * @returns {{ data: Record<string, unknown>, invalidFields: Array<{ label: string, messages: string[], focus: () => void }> }}
     */
    submit() {
      const { data: submitted, errors } = form.submit();
      return { data: submitted, invalidFields: invalidFields(form, container, errors) };
    },
    /**
     * The field bound to a variable, with its label and a way to focus it; undefined for none.
     * @param {string | undefined} key
     */
    fieldByKey(key) {
      const field = key && registryOf(form).getAll().find((f) => f.key === key);
      if (!field) return undefined;
      return { label: field.label || key, focus: () => container.ownerDocument.getElementById(inputIdOf(form, field.id, []))?.focus() };
    },
    destroy() {
      stopTranslating();
      form.destroy();
    },
  };
}

/**
 * @param {Form} form
 * @returns {FormFieldRegistry}
 */
const registryOf = (form) => form.get('formFieldRegistry');

// form-js keys errors by field id, nested by row index inside dynamic lists, and gives the input
// the id "fjs-form-<form id>-<field id>[_<index>…]".
/** @param {Form} form @param {string} fieldId @param {string[]} indexes */
const inputIdOf = (form, fieldId, indexes) =>
  ['fjs-form', form._id, fieldId].filter(Boolean).join('-') + indexes.map((i) => `_${i}`).join('');

/**
 * @param {Form} form
 * @param {HTMLElement} container
 * @param {Record<string, unknown> | undefined} errors form-js's messages by field id, nested by row
 */
function invalidFields(form, container, errors) {
  const registry = registryOf(form);
  /** @type {Array<{ label: string, messages: string[], focus: () => void }>} */
  const fields = [];
  /** @param {string} fieldId @param {unknown} value @param {string[]} indexes */
  const collect = (fieldId, value, indexes) => {
    if (Array.isArray(value) && value.every((m) => typeof m === 'string')) {
      if (!value.length) return;
      const label = registry.get(fieldId)?.label || 'Feld';
      const inputId = inputIdOf(form, fieldId, indexes);
      fields.push({
        label: indexes.length ? `${label} (Zeile ${indexes.map((i) => Number(i) + 1).join('.')})` : label,
        messages: value,
        focus: () => {
          const input = container.ownerDocument.getElementById(inputId) ?? container.querySelector('[aria-invalid="true"]');
          input?.focus();
        },
      });
      return;
    }
    if (value && typeof value === 'object') {
      for (const [index, nested] of Object.entries(value)) collect(fieldId, nested, [...indexes, index]);
    }
  };
  for (const [fieldId, value] of Object.entries(errors ?? {})) collect(fieldId, value, []);
  return fields;
}
