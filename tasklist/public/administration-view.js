import { h, replaceChildren } from '../../browser-shared/dom.js';
import { formatDateTime } from '../../browser-shared/format.js';
import { isUnauthorized } from '../../browser-shared/problem.js';
import { formatFrancs } from './format.js';
import { createOfferingForm } from './offering-form.js';

/**
 * @typedef {import('./administration-api.js').Configuration} Configuration
 * @typedef {import('./administration-texts.js').AdministrationTexts} Texts
 */

/**
 * A recorded value of the history in words: an offering, the creditor or the back office.
 * @param {string} subject
 * @param {unknown} value
 * @param {Configuration} configuration for the names of services, settings and vendors
 * @param {Texts} texts
 */
export function describeValue(subject, value, configuration, texts) {
  if (value === null || typeof value !== 'object') return subject === 'creditor' ? texts.noCreditor : texts.none;
  const recorded = /** @type {Record<string, unknown>} */ (value);
  if (subject === 'creditor') {
    return `${recorded.name}, ${recorded.street} ${recorded.buildingNumber}, ${recorded.postalCode} ${recorded.town}, ${recorded.iban}`;
  }
  if (subject === 'back-office') return configuration.backOffice.vendors.find((v) => v.id === recorded.vendor)?.name ?? String(recorded.vendor);
  const service = configuration.offerings.find((o) => `offering:${o.serviceId}` === subject);
  const settingName = (/** @type {string} */ name) => service?.settings.find((s) => s.name === name)?.names.de ?? name;
  const shown = (/** @type {unknown} */ v) => (v === true ? texts.yes : v === false ? texts.no : String(v));
  return [
    formatFrancs(Number(recorded.feeRappen)),
    recorded.paymentAccount ? `${texts.account} ${recorded.paymentAccount}` : null,
    recorded.bookingText ? `«${recorded.bookingText}»` : null,
    `${texts.invoice}: ${shown(recorded.invoiceAllowed)}`,
    `${texts.group} ${recorded.candidateGroup}`,
    ...Object.entries(/** @type {Record<string, unknown>} */ (recorded.settings ?? {})).map(([name, v]) => `${settingName(name)}: ${shown(v)}`),
  ].filter(Boolean).join('; ');
}

/**
 * "Gemeinde-Einstellungen" (ADM-3, SVC-3, PAY-3): the municipality's administrator sees its
 * payment set-up and back office, changes each service's offering (fee, account, booking text,
 * invoices, group, settings) and reads who changed what. Shown to staff with the role
 * `municipal-admin` of a municipality; the API checks role and municipality again.
 * @param {{
 *   api: ReturnType<typeof import('./administration-api.js').createAdministrationApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   me: { roles: string[], organisation: string, organisationKind: string },
 *   texts: Texts,
 * }} dependencies
 */
export function createAdministrationView({ api, notices, me, texts }) {
  const heading = h('h1', { id: 'administration-heading', tabindex: '-1' }, texts.title);
  if (!me.roles.includes('municipal-admin') || me.organisationKind !== 'municipality') {
    return { element: h('section', { 'aria-labelledby': heading.id }, heading, h('p', {}, texts.notAdministrator)), heading, load() {}, destroy() {} };
  }
  const municipalityId = me.organisation;
  let destroyed = false;

  const municipality = h('p', { class: 'task-meta' });
  const payment = h('dl', { class: 'facts' });
  const offerings = h('div', { class: 'offerings' });
  const historyCaption = h('caption', {}, texts.historyCaption(0));
  const historyRows = h('tbody');
  const historyTable = h('table', { class: 'task-table', hidden: true },
    historyCaption,
    h('thead', {}, h('tr', {}, [texts.changedAt, texts.changedBy, texts.subject, texts.before, texts.after].map((c) => h('th', { scope: 'col' }, c)))),
    historyRows);
  const historyEmpty = h('p', { class: 'muted', hidden: true }, texts.historyNone);

  /** @param {Configuration} configuration */
  function showPayment(configuration) {
    const { creditor, payrexxInstance } = configuration.payment;
    const vendor = configuration.backOffice.vendors.find((v) => v.id === configuration.backOffice.vendor)?.name ?? configuration.backOffice.vendor;
    replaceChildren(payment,
      h('dt', {}, texts.online), h('dd', {}, payrexxInstance ? texts.onlineSetUp(payrexxInstance) : texts.onlineMissing),
      h('dt', {}, texts.creditor), h('dd', {}, creditor
        ? [`${creditor.name}, ${creditor.street} ${creditor.buildingNumber}, ${creditor.postalCode} ${creditor.town}`, h('br'), `${creditor.qrIban ? texts.qrIban : texts.iban} ${creditor.iban}`]
        : texts.creditorMissing),
      h('dt', {}, texts.backOffice), h('dd', {}, vendor));
  }

  /** @param {Configuration} configuration */
  async function showHistory(configuration) {
    let changes;
    try {
      ({ changes } = await api.changes(municipalityId));
    } catch (error) {
      if (!isUnauthorized(error) && !destroyed) notices.showError(error, texts.loadFailed);
      return;
    }
    if (destroyed) return;
    const serviceName = (/** @type {string} */ subject) => {
      const offering = configuration.offerings.find((o) => `offering:${o.serviceId}` === subject);
      return offering ? texts.subjectOffering(offering.names.de ?? offering.serviceId) : subject.replace(/^offering:/, '');
    };
    const subjectOf = (/** @type {string} */ subject) =>
      (subject === 'creditor' ? texts.subjectCreditor : subject === 'back-office' ? texts.subjectBackOffice : serviceName(subject));
    replaceChildren(historyRows, changes.map((change) => h('tr', { 'data-change-id': change.id },
      h('td', { class: 'nowrap' }, formatDateTime(change.changedAt)),
      h('td', {}, change.staffName),
      h('th', { scope: 'row', class: 'service' }, subjectOf(change.subject)),
      h('td', {}, describeValue(change.subject, change.before, configuration, texts)),
      h('td', {}, describeValue(change.subject, change.after, configuration, texts)))));
    historyCaption.textContent = texts.historyCaption(changes.length);
    historyTable.hidden = changes.length === 0;
    historyEmpty.hidden = changes.length > 0;
  }

  async function load() {
    /** @type {Configuration} */
    let configuration;
    try {
      configuration = await api.configuration(municipalityId);
    } catch (error) {
      if (!isUnauthorized(error) && !destroyed) notices.showError(error, texts.loadFailed);
      return;
    }
    if (destroyed) return;
    municipality.textContent = texts.municipality(configuration.municipality.name, configuration.municipality.bfsNumber);
    showPayment(configuration);
    const byName = [...configuration.offerings].sort((a, b) => (a.names.de ?? a.serviceId).localeCompare(b.names.de ?? b.serviceId, 'de'));
    replaceChildren(offerings, byName.map((offering) => createOfferingForm({
      offering, configuration, texts, notices,
      save: (change) => api.saveOffering(municipalityId, offering.serviceId, change),
      onSaved: (changed) => showHistory(changed),
      isDestroyed: () => destroyed,
    }).element));
    await showHistory(configuration);
  }

  const element = h('section', { class: 'administration-view', 'aria-labelledby': heading.id },
    heading,
    municipality,
    h('p', { class: 'task-meta' }, texts.intro),
    h('section', { class: 'finance-section', 'aria-labelledby': 'administration-payment-heading' },
      h('h2', { id: 'administration-payment-heading' }, texts.paymentTitle), payment),
    h('section', { class: 'finance-section', 'aria-labelledby': 'administration-services-heading' },
      h('h2', { id: 'administration-services-heading' }, texts.servicesTitle), offerings),
    h('section', { class: 'finance-section', 'aria-labelledby': 'administration-history-heading' },
      h('h2', { id: 'administration-history-heading' }, texts.historyTitle),
      h('div', { class: 'table-scroll' }, historyTable), historyEmpty));

  return {
    element,
    heading,
    load,
    destroy() { destroyed = true; },
  };
}
