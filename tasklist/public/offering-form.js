/* global HTMLInputElement */
import { h } from '../../browser-shared/dom.js';
import { isUnauthorized } from '../../browser-shared/problem.js';
import { createField, showFieldProblems, showInvalidFields } from '../../browser-shared/form-fields.js';
import { formatFrancs } from './format.js';

const FEE = /^\d{1,6}([.,]\d{1,2})?$/;
const GROUP = /^[0-9]{1,4}-[a-z][a-z0-9-]{0,62}$/;

/**
 * "20.00" for 2000 Rappen; empty for none.
 * @param {number | null} rappen
 */
const francsText = (rappen) => (rappen === null ? '' : (rappen / 100).toFixed(2));

/**
 * The control of a setting the package declares: a number or text (empty keeps the default), or
 * for yes/no a choice whose first option is the default.
 * @param {string} id
 * @param {import('./administration-api.js').Setting} setting
 * @param {import('./administration-texts.js').AdministrationTexts} texts
 */
function settingControl(id, setting, texts) {
  if (setting.type === 'boolean') {
    return h('select', { id },
      h('option', { value: '' }, texts.settingStandard(setting.default ? texts.yes : texts.no)),
      h('option', { value: 'true' }, texts.yes),
      h('option', { value: 'false' }, texts.no));
  }
  if (setting.type === 'string') return h('input', { id, type: 'text', autocomplete: 'off', ...(setting.maxLength ? { maxlength: String(setting.maxLength) } : {}) });
  return h('input', {
    id, type: 'number', inputmode: setting.type === 'integer' ? 'numeric' : 'decimal', step: setting.type === 'integer' ? '1' : 'any',
    ...(setting.minimum !== undefined ? { min: String(setting.minimum) } : {}),
    ...(setting.maximum !== undefined ? { max: String(setting.maximum) } : {}),
  });
}

/**
 * The value the control shows for the municipality's own value of a setting; empty for the default.
 * @param {import('./administration-api.js').Setting} setting
 */
const settingText = (setting) => (setting.value === null ? '' : String(setting.value));

/**
 * One service's offering in the municipality, as a form of its own: offered or not, fee, account,
 * booking text, invoices, group and the package's settings (labelled in German from the package),
 * checked in the browser and saved alone; the server's refusals show at their fields.
 * @param {{
 *   offering: import('./administration-api.js').Offering,
 *   configuration: import('./administration-api.js').Configuration,
 *   texts: import('./administration-texts.js').AdministrationTexts,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   save: (change: import('./administration-api.js').OfferingChange) => Promise<import('./administration-api.js').Configuration>,
 *   onSaved: (configuration: import('./administration-api.js').Configuration) => void,
 *   isDestroyed: () => boolean,
 * }} dependencies
 */
export function createOfferingForm({ offering, configuration, texts, notices, save, onSaved, isDestroyed }) {
  const { serviceId } = offering;
  const name = offering.names.de ?? serviceId;
  const id = (/** @type {string} */ part) => `offering-${serviceId}-${part}`;
  const headingId = id('heading');
  let busy = false;

  const offered = createField({ label: texts.offered, control: h('input', { id: id('offered'), type: 'checkbox' }), checkbox: true });
  const fee = createField({ label: texts.fee, note: texts.feeNote, control: h('input', { id: id('fee'), type: 'text', inputmode: 'decimal', autocomplete: 'off' }) });
  const paymentAccount = createField({ label: texts.paymentAccount, note: texts.paymentAccountNote, control: h('input', { id: id('account'), type: 'text', autocomplete: 'off', maxlength: '40' }) });
  const bookingText = createField({ label: texts.bookingText, note: texts.bookingTextNote, control: h('input', { id: id('booking-text'), type: 'text', autocomplete: 'off', maxlength: '80' }) });
  // Invoices need a package that allows them and a creditor; the server refuses them otherwise too.
  const invoiceRefusal = !offering.packagePaymentMethods.includes('invoice') ? texts.invoiceNotByPackage
    : configuration.payment.creditor === null ? texts.invoiceNoCreditor : undefined;
  const invoiceAllowed = createField({
    label: texts.invoiceAllowed, control: h('input', { id: id('invoice'), type: 'checkbox' }), checkbox: true, ...(invoiceRefusal ? { note: invoiceRefusal } : {}),
  });
  const candidateGroup = createField({
    label: texts.candidateGroup, note: texts.candidateGroupNote(configuration.municipality.bfsNumber),
    control: h('input', { id: id('group'), type: 'text', autocomplete: 'off', maxlength: '67' }),
  });
  const settings = offering.settings.map((setting) => {
    const shownDefault = setting.type === 'boolean' ? (setting.default ? texts.yes : texts.no) : String(setting.default);
    const note = setting.type === 'boolean' ? undefined : `${texts.settingDefault(shownDefault)}${texts.settingBounds(setting.minimum, setting.maximum)}`;
    return { setting, field: createField({ label: setting.names.de ?? setting.name, control: settingControl(id(`setting-${setting.name}`), setting, texts), ...(note ? { note } : {}) }) };
  });
  const homepage = h('p', { class: 'homepage-link' });
  const status = h('span', { class: 'tag' });

  const fields = [fee, paymentAccount, bookingText, invoiceAllowed, candidateGroup, ...settings.map((s) => s.field)];
  /** @type {Record<string, import('../../browser-shared/form-fields.js').Field>} */
  const fieldsByPointer = {
    '/body/offered': offered,
    '/body/feeRappen': fee,
    '/body/paymentAccount': paymentAccount,
    '/body/bookingText': bookingText,
    '/body/invoiceAllowed': invoiceAllowed,
    '/body/candidateGroup': candidateGroup,
    ...Object.fromEntries(settings.map(({ setting, field }) => [`/body/settings/${setting.name}`, field])),
  };

  const details = h('div', { class: 'offering-details' },
    h('div', { class: 'offering-fields' }, fee.element, paymentAccount.element, bookingText.element, candidateGroup.element),
    invoiceAllowed.element,
    settings.length ? h('fieldset', { class: 'offering-settings' }, h('legend', {}, texts.settingsTitle), settings.map((s) => s.field.element)) : null,
    homepage);
  const form = h('form', { class: 'offering-form', novalidate: true, 'aria-labelledby': headingId, onsubmit: (event) => submit(event) },
    offered.element,
    details,
    h('div', { class: 'button-row' }, h('button', { type: 'submit' }, texts.save)));
  offered.control.addEventListener('change', () => { details.hidden = !offered.control.checked; });

  /** Shows the offering as the server has it now. @param {import('./administration-api.js').Offering} current */
  function show(current) {
    offered.control.checked = current.offered;
    details.hidden = !current.offered;
    status.textContent = !current.offered ? texts.notOffered : current.feeRappen ? formatFrancs(current.feeRappen) : texts.free;
    fee.control.value = francsText(current.feeRappen);
    paymentAccount.control.value = current.paymentAccount ?? '';
    bookingText.control.value = current.bookingText ?? '';
    candidateGroup.control.value = current.candidateGroup ?? '';
    invoiceAllowed.control.checked = current.invoiceAllowed;
    // Left enabled where invoices were allowed before, so that they can be disallowed.
    invoiceAllowed.control.disabled = invoiceRefusal !== undefined && !current.invoiceAllowed;
    for (const { setting, field } of settings) {
      const now = current.settings.find((s) => s.name === setting.name) ?? setting;
      field.control.value = settingText(now);
    }
    homepage.replaceChildren(...(current.homepageLink ? [`${texts.homepageLink}: `, h('a', { href: current.homepageLink }, current.homepageLink)] : []));
  }

  /** What the form says, or the refusals of the browser's own check. */
  function read() {
    /** @type {Array<{ field: import('../../browser-shared/form-fields.js').Field, text: string }>} */
    const invalid = [];
    if (!offered.control.checked) return { change: /** @type {import('./administration-api.js').OfferingChange} */ ({ offered: false }), invalid };
    const feeText = fee.control.value.trim();
    const feeRappen = FEE.test(feeText) ? Math.round(Number(feeText.replace(',', '.')) * 100) : NaN;
    if (Number.isNaN(feeRappen)) invalid.push({ field: fee, text: texts.feeInvalid });
    const account = paymentAccount.control.value.trim() || null;
    const booking = bookingText.control.value.trim() || null;
    if (feeRappen > 0 && account === null) invalid.push({ field: paymentAccount, text: texts.required });
    if (feeRappen > 0 && booking === null) invalid.push({ field: bookingText, text: texts.required });
    if (booking !== null && booking.length > 80) invalid.push({ field: bookingText, text: texts.tooLong });
    const group = candidateGroup.control.value.trim();
    if (!GROUP.test(group)) invalid.push({ field: candidateGroup, text: texts.candidateGroupInvalid });
    /** @type {Record<string, number|boolean|string>} */
    const values = {};
    for (const { setting, field } of settings) {
      const control = /** @type {HTMLInputElement | HTMLSelectElement} */ (field.control);
      if (setting.type === 'boolean') {
        if (control.value) values[setting.name] = control.value === 'true';
        continue;
      }
      if (setting.type === 'string') {
        if (control.value) values[setting.name] = control.value;
        continue;
      }
      // A half-typed number reads as empty; it must not silently become the default.
      if (control instanceof HTMLInputElement && control.validity.badInput) {
        invalid.push({ field, text: texts.number });
        continue;
      }
      if (control.value === '') continue;
      const value = Number(control.value);
      if (setting.type === 'integer' && !Number.isInteger(value)) invalid.push({ field, text: texts.wholeNumber });
      else if (setting.minimum !== undefined && value < setting.minimum) invalid.push({ field, text: texts.atLeast(setting.minimum) });
      else if (setting.maximum !== undefined && value > setting.maximum) invalid.push({ field, text: texts.atMost(setting.maximum) });
      else values[setting.name] = value;
    }
    return {
      change: { offered: true, feeRappen, paymentAccount: account, bookingText: booking, invoiceAllowed: invoiceAllowed.control.checked, candidateGroup: group, settings: values },
      invalid,
    };
  }

  /** @param {SubmitEvent} event */
  async function submit(event) {
    event.preventDefault();
    if (busy || isDestroyed()) return;
    notices.clearAlert();
    notices.clearStatus();
    for (const field of [offered, ...fields]) field.clearError();
    const { change, invalid } = read();
    if (showInvalidFields(invalid, notices, texts.refused(name))) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const configuration = await save(change);
      if (isDestroyed()) return;
      const now = configuration.offerings.find((candidate) => candidate.serviceId === serviceId);
      if (now) show(now);
      notices.announce(texts.saved(name));
      onSaved(configuration);
    } catch (error) {
      if (isUnauthorized(error) || isDestroyed()) return;
      if (!showFieldProblems(error, fieldsByPointer, notices, texts.refused(name), texts.fieldRefusal)) notices.showError(error, texts.saveFailed);
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  }

  show(offering);
  return {
    element: h('section', { class: 'offering', 'aria-labelledby': headingId, 'data-service-id': serviceId },
      h('h3', { id: headingId }, name),
      h('p', { class: 'offering-status' }, status),
      form),
  };
}
