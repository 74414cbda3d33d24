/* global setTimeout, clearTimeout */
import { h, replaceChildren } from '../../browser-shared/dom.js';

const emptyFilters = { service: '', caseNumber: '', citizen: '', sort: 'due' };
// Case numbers are the hexadecimal start of the case's id; anything else cannot match.
const caseNumberPattern = /^[0-9A-Fa-f-]*$/;

/**
 * The filters (Dienst, Fallnummer, Name) and the sort of the task list. Writes into `filters`,
 * which outlives the list so that returning from a task keeps them, and calls `onChange` (typing
 * only after a pause).
 * @param {{
 *   filters: { service: string, caseNumber: string, citizen: string, sort: string },
 *   knownServices: Map<string, string>,
 *   onChange: () => void,
 * }} dependencies
 */
export function createTaskFilters({ filters, knownServices, onChange }) {
  const serviceSelect = h('select', { id: 'filter-service', name: 'service' });
  const caseNumberHint = h('p', { id: 'filter-case-hint', class: 'field-hint', hidden: true }, 'Eine Fallnummer besteht aus Ziffern und den Buchstaben A bis F.');
  const caseNumberInput = h('input', { id: 'filter-case', name: 'caseNumber', type: 'search', autocomplete: 'off', maxlength: '36', 'aria-describedby': caseNumberHint.id });
  const citizenInput = h('input', { id: 'filter-citizen', name: 'citizen', type: 'search', autocomplete: 'off', maxlength: '100' });
  const sortSelect = h('select', { id: 'filter-sort', name: 'sort' },
    h('option', { value: 'due' }, 'Fälligkeit'),
    h('option', { value: 'priority' }, 'Priorität'));
  /** @param {string} label @param {HTMLInputElement | HTMLSelectElement} control @param {HTMLElement} [hint] */
  const field = (label, control, hint) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Aufgaben filtern' },
    field('Dienst', serviceSelect),
    field('Fallnummer', caseNumberInput, caseNumberHint),
    field('Name der Bürgerin/des Bürgers', citizenInput),
    field('Sortieren nach', sortSelect),
    h('div', { class: 'filter-actions' }, h('button', { type: 'reset', class: 'secondary' }, 'Filter zurücksetzen')));

  /** @param {boolean} valid */
  function showCaseNumberValidity(valid) {
    caseNumberHint.hidden = valid;
    if (valid) caseNumberInput.removeAttribute('aria-invalid');
    else caseNumberInput.setAttribute('aria-invalid', 'true');
  }

  function showFilters() {
    caseNumberInput.value = filters.caseNumber;
    citizenInput.value = filters.citizen;
    serviceSelect.value = filters.service;
    sortSelect.value = filters.sort;
    showCaseNumberValidity(true);
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typingTimer;
  const changeAfterPause = () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(onChange, 300);
  };

  caseNumberInput.addEventListener('input', () => {
    const value = caseNumberInput.value.trim();
    const valid = caseNumberPattern.test(value);
    showCaseNumberValidity(valid);
    if (!valid) return;
    filters.caseNumber = value;
    changeAfterPause();
  });
  citizenInput.addEventListener('input', () => {
    filters.citizen = citizenInput.value.trim();
    changeAfterPause();
  });
  serviceSelect.addEventListener('change', () => {
    filters.service = serviceSelect.value;
    onChange();
  });
  sortSelect.addEventListener('change', () => {
    filters.sort = sortSelect.value;
    onChange();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    onChange();
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    Object.assign(filters, emptyFilters);
    showFilters();
    onChange();
  });

  function renderServiceOptions() {
    const services = [...knownServices].sort((a, b) => a[1].localeCompare(b[1], 'de-CH'));
    const signature = JSON.stringify(services);
    if (serviceSelect.dataset.signature === signature) return;
    serviceSelect.dataset.signature = signature;
    replaceChildren(serviceSelect,
      h('option', { value: '' }, 'Alle Dienste'),
      services.map(([id, name]) => h('option', { value: id }, name)));
    serviceSelect.value = filters.service;
  }

  renderServiceOptions();
  showFilters();

  return {
    element: form,
    /** Offers the services seen in the lists so far; the select is rebuilt only when they change. */
    renderServiceOptions,
    destroy() {
      clearTimeout(typingTimer);
    },
  };
}
