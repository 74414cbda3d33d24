import { h } from '../../browser-shared/dom.js';
import { createField } from '../../browser-shared/form-fields.js';
import { refusedFields } from '../../browser-shared/problem.js';

/** @typedef {import('./api.js').Manifest} Manifest */
/** @typedef {ReturnType<typeof createField>} Field */

const LANGUAGES = /** @type {const} */ (['de', 'fr', 'it', 'en']);
const FRANCS = /^\d{1,6}([.,]\d{1,2})?$/;
const DAYS = /^\d{1,3}$/;

/** The responsible levels the manifest knows, as one choice each (SVC-5). */
const RESPONSIBILITIES = /** @type {const} */ ([
  ['municipality', { level: 'municipality' }],
  ['canton', { level: 'canton' }],
  ['debt-enforcement-office', { level: 'institution', institutionKind: 'debt-enforcement-office' }],
  ['civil-registry-office', { level: 'institution', institutionKind: 'civil-registry-office' }],
]);

/** @param {Manifest['responsibility']} responsibility */
const responsibilityChoice = (responsibility) => ('institutionKind' in responsibility ? responsibility.institutionKind : responsibility.level);

/**
 * The words of one search-keyword field: comma-separated, blanks and repeats dropped.
 * @param {string} text
 */
const wordsOf = (text) => [...new Set(text.split(',').map((word) => word.trim()).filter(Boolean))];

/**
 * The server's detail of a refused field in the modeller's words.
 * @param {string} detail
 */
function messageOf(detail) {
  if (/fewer than 1 characters|must match pattern "\\S"/.test(detail)) return 'Bitte ausfüllen.';
  if (/must match pattern/.test(detail)) return 'Hat nicht die erwartete Form.';
  if (/fewer than 2 characters/.test(detail)) return 'Jeder Suchbegriff hat mindestens 2 Zeichen.';
  if (/is taken/.test(detail)) return 'Diese ID ist schon vergeben.';
  return `Bitte prüfen Sie diese Angabe (${detail}).`;
}

/**
 * The form of a service's manifest, the fields of `processes/<id>/service.yaml` a modeller sets:
 * id, names and short descriptions in de/fr/it/en, search words, audience, responsible level,
 * default fee, payment methods and usual processing days. The server checks the manifest against
 * its schema; its refusals show at their fields (`/body/manifest/names/fr` at the French name).
 * @param {{ texts: import('./texts.js').Texts, manifest?: Manifest, idLocked?: boolean }} options
 */
export function createManifestForm({ texts, manifest, idLocked = false }) {
  /** @param {string} part */
  const id = (part) => `manifest-${part}`;
  /** @param {string} part @param {Record<string, unknown>} [extra] */
  const input = (part, extra = {}) => h('input', { id: id(part), type: 'text', autocomplete: 'off', ...extra });
  /** @type {Map<string, Field>} fields by the pointer of their value in the manifest */
  const fields = new Map();
  /**
   * A field at the pointer of its value; `summary` names it in the list of refusals where its label alone is not clear.
   * @param {string} pointer @param {Field} field @param {string} [summary]
   */
  const add = (pointer, field, summary = field.label) => {
    fields.set(pointer, { ...field, label: summary });
    return field.element;
  };
  /**
   * Four fields of one text in de/fr/it/en, under a legend; refused, each is named by `name` and its language.
   * @param {string} part @param {{ legend: string, name: string, note?: string }} labels @param {(language: string) => HTMLElement} control
   */
  const fourLanguages = (part, { legend, name, note }, control) => h('fieldset', { class: 'manifest-languages' },
    h('legend', {}, legend), note ? h('p', { class: 'field-note' }, note) : null,
    LANGUAGES.map((language) => add(`/${part}/${language}`, createField({ label: texts.language[language], control: control(language) }), `${name} (${texts.language[language]})`)));

  const serviceId = createField({ label: texts.serviceIdLabel, note: texts.serviceIdNote, control: input('id', { pattern: '[a-z][a-z0-9\\-]{1,62}', maxlength: '63', spellcheck: 'false', ...(idLocked ? { readonly: true } : {}) }) });
  const audience = createField({
    label: texts.audienceLabel,
    control: h('select', { id: id('audience') }, ['personal', 'organisation', 'both'].map((value) => h('option', { value }, texts.audience[value] ?? value))),
  });
  const responsibility = createField({
    label: texts.responsibilityLabel,
    control: h('select', { id: id('responsibility') }, RESPONSIBILITIES.map(([value]) => h('option', { value }, texts.responsibility[value] ?? value))),
  });
  const fee = createField({ label: texts.feeLabel, note: texts.feeNote, control: input('fee', { inputmode: 'decimal' }) });
  const online = createField({ label: texts.paymentOnline, control: h('input', { id: id('payment-online'), type: 'checkbox' }), checkbox: true });
  const invoice = createField({ label: texts.paymentInvoice, control: h('input', { id: id('payment-invoice'), type: 'checkbox' }), checkbox: true });
  const days = createField({ label: texts.daysLabel, note: texts.daysNote, control: input('days', { inputmode: 'numeric' }) });

  const element = h('div', { class: 'manifest-form' },
    add('/id', serviceId),
    fourLanguages('names', { legend: texts.namesLegend, name: texts.nameShort }, (language) => input(`name-${language}`, { maxlength: '500' })),
    fourLanguages('descriptions', { legend: texts.descriptionsLegend, name: texts.descriptionShort }, (language) => h('textarea', { id: id(`description-${language}`), rows: '2', maxlength: '500' })),
    fourLanguages('keywords', { legend: texts.keywordsLegend, name: texts.keywordsLegend, note: texts.keywordsNote }, (language) => input(`keywords-${language}`)),
    h('div', { class: 'manifest-choices' }, add('/audience', audience), add('/responsibility', responsibility), add('/fee/defaultRappen', fee), add('/expectedProcessingDays', days)),
    h('fieldset', { class: 'manifest-payment' }, h('legend', {}, texts.paymentLegend), h('p', { class: 'field-note' }, texts.paymentNote),
      add('/payment/methods', online), invoice.element),
  );

  /** @param {string} pointer */
  const control = (pointer) => /** @type {HTMLInputElement} */ (fields.get(pointer)?.control);

  /** Shows a manifest in the fields. @param {Manifest} shown */
  function show(shown) {
    serviceId.control.value = shown.id;
    for (const language of LANGUAGES) {
      control(`/names/${language}`).value = shown.names[language];
      control(`/descriptions/${language}`).value = shown.descriptions[language];
      control(`/keywords/${language}`).value = shown.keywords[language].join(', ');
    }
    audience.control.value = shown.audience;
    responsibility.control.value = responsibilityChoice(shown.responsibility);
    fee.control.value = (shown.fee.defaultRappen / 100).toFixed(2);
    online.control.checked = shown.payment.methods.includes('online');
    invoice.control.checked = shown.payment.methods.includes('invoice');
    days.control.value = String(shown.expectedProcessingDays);
  }
  if (manifest) show(manifest);
  else {
    fee.control.value = '0.00';
    days.control.value = '5';
  }

  function clearErrors() {
    for (const field of fields.values()) field.clearError();
    invoice.clearError();
  }

  return {
    element,
    /**
     * The manifest the fields say, over what it was shown with (the package's other fields stay);
     * or the fields the browser refuses before asking the server (fee and days that are no numbers).
     * @returns {{ manifest: Manifest } | { invalid: Array<{ field: Field, text: string }> }}
     */
    read() {
      clearErrors();
      const feeText = fee.control.value.trim();
      const daysText = days.control.value.trim();
      /** @type {Array<{ field: Field, text: string }>} */
      const invalid = [];
      if (!FRANCS.test(feeText)) invalid.push({ field: fee, text: texts.feeInvalid });
      if (!DAYS.test(daysText)) invalid.push({ field: days, text: texts.daysInvalid });
      if (invalid.length) return { invalid };
      const idValue = serviceId.control.value.trim();
      /** @param {string} part */
      const four = (part) => /** @type {import('./api.js').Texts4} */ (Object.fromEntries(LANGUAGES.map((language) => [language, control(`/${part}/${language}`).value.trim()])));
      const chosen = RESPONSIBILITIES.find(([value]) => value === responsibility.control.value)?.[1] ?? RESPONSIBILITIES[0][1];
      return {
        manifest: {
          ...(manifest ?? { documents: [] }),
          id: idValue,
          bpmnProcessId: idValue,
          startForm: `${idValue}-start.form`,
          names: four('names'),
          descriptions: four('descriptions'),
          keywords: /** @type {Manifest['keywords']} */ (Object.fromEntries(LANGUAGES.map((language) => [language, wordsOf(control(`/keywords/${language}`).value)]))),
          audience: /** @type {Manifest['audience']} */ (audience.control.value),
          responsibility: { ...chosen },
          fee: { defaultRappen: Math.round(Number(feeText.replace(',', '.')) * 100) },
          payment: { methods: [...(online.control.checked ? ['online'] : []), ...(invoice.control.checked ? ['invoice'] : [])].map((method) => /** @type {'online' | 'invoice'} */ (method)) },
          expectedProcessingDays: Number(daysText),
        },
      };
    },
    /**
     * Shows the server's refusal of the manifest at its fields: `/body/manifest/names/fr` at the
     * French name, a word of the keywords at its language's field. Answers the refusals as the
     * modeller reads them, or null when the answer names no field of this form.
     * @param {unknown} error
     * @returns {Array<{ field: Field, text: string }> | null}
     */
    showRefusal(error) {
      /** @type {Map<Field, string>} the first refusal of each field: the schema may refuse one value twice (empty, then blank) */
      const byField = new Map();
      for (const { pointer, detail } of refusedFields(error)) {
        if (!pointer.startsWith('/body/manifest')) continue;
        // A word of a list or a part of an object is shown at the field that holds it.
        const parts = pointer.slice('/body/manifest'.length).split('/');
        for (let length = parts.length; length > 1; length--) {
          const field = fields.get(parts.slice(0, length).join('/'));
          if (!field) continue;
          if (!byField.has(field)) byField.set(field, messageOf(detail));
          break;
        }
      }
      const shown = [...byField].map(([field, text]) => ({ field, text }));
      for (const { field, text } of shown) field.showError(text);
      return shown.length ? shown : null;
    },
    clearErrors,
  };
}
