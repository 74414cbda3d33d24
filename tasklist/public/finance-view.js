import { h, replaceChildren, saveFile } from '../../browser-shared/dom.js';
import { formatCalendarDate } from '../../browser-shared/format.js';
import { isUnauthorized, refusedFields } from '../../browser-shared/problem.js';
import { createField, showInvalidFields } from '../../browser-shared/form-fields.js';
import { dayOf, formatFrancs } from './format.js';

const MAX_REPORT_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The calendar day after `day` ("2026-11-30" → "2026-12-01").
 * @param {string} day
 */
export function nextDay(day) {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * How many days `from` to `to` span, both included.
 * @param {string} from
 * @param {string} to
 */
export const daysSpanned = (from, to) => Math.round((Date.parse(nextDay(to)) - Date.parse(from)) / DAY_MS);

/**
 * "Finanzen" (PAY-2, PAY-4): the finance department of a municipality downloads the paid services
 * of a period, reads in the bank's camt.054 and sees what it matched, and lists the open invoices.
 * Shown to staff with the `finance` role; the API checks role and municipality again.
 * @param {{
 *   api: ReturnType<typeof import('./finance-api.js').createFinanceApi>,
 *   notices: ReturnType<typeof import('./notices.js').createNotices>,
 *   me: { roles: string[], municipalities: string[] },
 *   texts: ReturnType<typeof import('./finance-texts.js').textsFor>,
 * }} dependencies
 */
export function createFinanceView({ api, notices, me, texts }) {
  const heading = h('h1', { id: 'finance-heading', tabindex: '-1' }, texts.title);
  const firstMunicipality = me.municipalities[0];
  // Without a municipality there are no finances to do.
  if (!me.roles.includes('finance') || firstMunicipality === undefined) {
    return { element: h('section', { 'aria-labelledby': heading.id }, heading, h('p', {}, texts.notFinance)), heading, load() {}, destroy() {} };
  }

  let destroyed = false;
  let municipalityId = firstMunicipality;
  /**
   * Unmatched credits already listed before the last upload: the others are marked new.
   * @type {Set<string> | null}
   */
  let knownCredits = null;

  // Staff of an institution may do the finances of several municipalities.
  const municipalityChoice = me.municipalities.length > 1
    ? createField({
      label: texts.municipality,
      control: h('select', {
        id: 'finance-municipality',
        onchange: (event) => { municipalityId = /** @type {HTMLSelectElement} */ (event.target).value; knownCredits = null; refreshLists(); },
      }, me.municipalities.map((id) => h('option', { value: id }, id))),
    })
    : null;

  // --- the report of paid services ---
  const today = dayOf(new Date().toISOString());
  const from = createField({ label: texts.from, control: h('input', { id: 'finance-from', name: 'from', type: 'date', value: `${today.slice(0, 8)}01`, required: true }) });
  const to = createField({ label: texts.to, control: h('input', { id: 'finance-to', name: 'to', type: 'date', value: today, required: true }) });
  const reportForm = h('form', { class: 'finance-form', novalidate: true, 'aria-labelledby': 'finance-report-heading', onsubmit: (event) => download(event) },
    h('div', { class: 'date-fields' }, from.element, to.element),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', value: 'csv' }, texts.downloadCsv),
      h('button', { type: 'submit', value: 'xlsx', class: 'secondary' }, texts.downloadXlsx)));
  const reportSection = h('section', { class: 'finance-section', 'aria-labelledby': 'finance-report-heading' },
    h('h2', { id: 'finance-report-heading' }, texts.reportTitle),
    h('p', { class: 'hint' }, texts.reportIntro),
    reportForm);

  /** The period the form names, or the refusals of the browser's own check. */
  function readPeriod() {
    /** @type {Array<{ field: import('../../browser-shared/form-fields.js').Field, text: string }>} */
    const invalid = [];
    const fromInput = from.control;
    const toInput = to.control;
    if (fromInput.validity.badInput) invalid.push({ field: from, text: texts.incompleteDate });
    else if (!fromInput.value) invalid.push({ field: from, text: texts.fromMissing });
    if (toInput.validity.badInput) invalid.push({ field: to, text: texts.incompleteDate });
    else if (!toInput.value) invalid.push({ field: to, text: texts.toMissing });
    if (!invalid.length && toInput.value < fromInput.value) invalid.push({ field: to, text: texts.toBeforeFrom });
    else if (!invalid.length && daysSpanned(fromInput.value, toInput.value) > MAX_REPORT_DAYS) invalid.push({ field: to, text: texts.tooLong });
    return { invalid, from: fromInput.value, to: toInput.value };
  }

  /** @param {SubmitEvent} event */
  async function download(event) {
    event.preventDefault();
    if (reportForm.getAttribute('aria-busy') === 'true') return;
    // The form's submit buttons say which format.
    const format = /** @type {HTMLButtonElement | null} */ (event.submitter)?.value === 'xlsx' ? 'xlsx' : 'csv';
    notices.clearAlert();
    from.clearError();
    to.clearError();
    const period = readPeriod();
    if (showInvalidFields(period.invalid, notices, texts.reportRefused)) return;
    reportForm.setAttribute('aria-busy', 'true');
    try {
      // The API's `to` is the first day no longer in the report.
      const { blob, fileName } = await api.paidServices(municipalityId, { from: period.from, to: nextDay(period.to), format });
      if (destroyed) return;
      saveFile(blob, fileName);
      notices.announce(texts.downloaded(fileName));
    } catch (error) {
      if (isUnauthorized(error) || destroyed) return;
      // The browser checked the period; a refusal of the server still shows at its field.
      const refused = refusedFields(error).find((e) => e.pointer === '/querystring/to' || e.pointer === '/querystring/from');
      if (refused) showInvalidFields([{ field: refused.pointer.endsWith('/from') ? from : to, text: /366/.test(refused.detail) ? texts.tooLong : texts.toBeforeFrom }], notices, texts.reportRefused);
      else notices.showError(error, texts.reportFailed);
    } finally {
      reportForm.removeAttribute('aria-busy');
    }
  }

  // --- the bank's camt.054 ---
  const file = createField({
    label: texts.statementFile,
    control: h('input', { id: 'finance-statement', name: 'statement', type: 'file', accept: '.xml,application/xml,text/xml', required: true }),
  });
  const statementResult = h('div', { class: 'statement-result', hidden: true });
  const statementForm = h('form', { class: 'finance-form', novalidate: true, 'aria-labelledby': 'finance-statement-heading', onsubmit: (event) => importStatement(event) },
    file.element,
    h('div', { class: 'button-row' }, h('button', { type: 'submit' }, texts.statementSubmit)));
  const statementSection = h('section', { class: 'finance-section', 'aria-labelledby': 'finance-statement-heading' },
    h('h2', { id: 'finance-statement-heading' }, texts.statementTitle),
    h('p', { class: 'hint' }, texts.statementIntro),
    statementForm,
    statementResult);

  /** @param {SubmitEvent} event */
  async function importStatement(event) {
    event.preventDefault();
    if (statementForm.getAttribute('aria-busy') === 'true') return;
    notices.clearAlert();
    file.clearError();
    const chosen = file.control.files?.[0];
    if (!chosen) {
      showInvalidFields([{ field: file, text: texts.statementMissing }], notices, texts.statementRefused);
      return;
    }
    statementForm.setAttribute('aria-busy', 'true');
    try {
      const result = await api.importStatement(municipalityId, chosen);
      if (destroyed) return;
      showStatementResult(chosen.name, result);
      notices.announce(texts.statementDone(result));
      statementForm.reset();
      await refreshLists();
    } catch (error) {
      if (isUnauthorized(error) || destroyed) return;
      if (refusedFields(error).some((e) => e.pointer === '/body')) {
        showInvalidFields([{ field: file, text: texts.statementUnreadable }], notices, texts.statementRefused);
      } else {
        notices.showError(error, texts.statementFailed);
      }
    } finally {
      statementForm.removeAttribute('aria-busy');
    }
  }

  /**
   * @param {string} fileName
   * @param {import('./finance-api.js').StatementResult} result
   */
  function showStatementResult(fileName, result) {
    const facts = [
      [texts.statementImported, result.imported],
      [texts.statementSettled, result.settled],
      [texts.statementUnmatched, result.unmatched],
      [texts.statementAlreadyImported, result.alreadyImported],
      [texts.statementUnsupported, result.unsupported],
    ];
    replaceChildren(statementResult,
      h('h3', {}, texts.statementResultTitle(fileName)),
      h('dl', { class: 'facts' }, facts.map(([label, value]) => [h('dt', {}, label), h('dd', {}, String(value))])));
    statementResult.hidden = false;
  }

  // --- lists: unmatched credits, open invoices ---
  const unmatched = createTable({
    id: 'finance-unmatched',
    title: texts.unmatchedTitle,
    none: texts.unmatchedNone,
    caption: texts.unmatchedCaption,
    columns: [texts.bookedOn, texts.amount, texts.creditorReference, texts.bankReference, texts.account],
  });
  const invoices = createTable({
    id: 'finance-invoices',
    title: texts.invoicesTitle,
    none: texts.invoicesNone,
    caption: texts.invoicesCaption,
    columns: [texts.caseNumber, texts.amount, texts.dueOn, texts.creditorReference],
  });

  async function refreshLists() {
    const shownFor = municipalityId;
    let credits;
    let open;
    try {
      [{ credits }, { invoices: open }] = await Promise.all([api.unmatchedCredits(shownFor), api.openInvoices(shownFor)]);
    } catch (error) {
      if (!isUnauthorized(error) && !destroyed) notices.showError(error, texts.loadFailed);
      return;
    }
    if (destroyed || shownFor !== municipalityId) return;
    /** @param {import('./finance-api.js').UnmatchedCredit} credit */
    const isNew = (credit) => knownCredits !== null && !knownCredits.has(credit.id);
    unmatched.render(credits.map((credit) => h('tr', { 'data-credit-id': credit.id },
      h('td', { class: 'nowrap' }, formatCalendarDate(credit.bookedOn), isNew(credit) ? h('span', { class: 'tag new-tag' }, texts.newlyImported) : null),
      h('td', { class: 'amount' }, formatFrancs(credit.amountRappen)),
      h('td', { class: 'reference' }, credit.creditorReference ?? h('span', { class: 'muted' }, texts.noReference)),
      h('td', { class: 'reference' }, credit.bankReference),
      h('td', { class: 'reference' }, credit.accountIban),
    )));
    knownCredits = new Set(credits.map((credit) => credit.id));
    const todayNow = dayOf(new Date().toISOString());
    invoices.render(open.map((invoice) => h('tr', { 'data-invoice-id': invoice.invoiceId },
      h('th', { scope: 'row', class: 'nowrap' }, invoice.caseNumber),
      h('td', { class: 'amount' }, formatFrancs(invoice.amountRappen)),
      h('td', { class: 'nowrap' }, formatCalendarDate(invoice.dueOn), invoice.dueOn < todayNow ? h('span', { class: 'badge' }, texts.overdue) : null),
      h('td', { class: 'reference' }, invoice.reference),
    )));
  }

  const element = h('section', { class: 'finance-view', 'aria-labelledby': heading.id },
    heading,
    h('p', { class: 'task-meta' }, texts.intro),
    municipalityChoice ? h('div', { class: 'finance-municipality' }, municipalityChoice.element) : null,
    reportSection,
    statementSection,
    unmatched.element,
    invoices.element);

  return {
    element,
    heading,
    load: () => refreshLists(),
    destroy() { destroyed = true; },
  };
}

/**
 * A list under its heading: a table with a caption that counts, or a sentence when it is empty.
 * @param {{ id: string, title: string, none: string, caption: (count: number) => string, columns: string[] }} options
 */
function createTable({ id, title, none, caption, columns }) {
  const captionElement = h('caption', {}, caption(0));
  const tbody = h('tbody');
  const table = h('table', { class: 'task-table', hidden: true },
    captionElement,
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
    tbody);
  const empty = h('p', { class: 'muted', hidden: true }, none);
  return {
    element: h('section', { class: 'finance-section', 'aria-labelledby': `${id}-heading` },
      h('h2', { id: `${id}-heading` }, title), h('div', { class: 'table-scroll' }, table), empty),
    /** @param {HTMLTableRowElement[]} rows */
    render(rows) {
      captionElement.textContent = caption(rows.length);
      replaceChildren(tbody, rows);
      table.hidden = rows.length === 0;
      empty.hidden = rows.length > 0;
    },
  };
}
