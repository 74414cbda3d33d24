import { h, replaceChildren } from '../../browser-shared/dom.js';

/**
 * "Weitergeben an …": a toggle button and the small form it discloses, where a colleague is chosen.
 * The caller loads the colleagues (`onRequestOpen` then `open(choices)`) and does the handing over.
 * @param {{
 *   onRequestOpen: () => void,
 *   onConfirm: (colleague: { id: string, name: string }) => void,
 *   onNoChoice: (focusChoice: () => void) => void,
 * }} callbacks
 */
export function createHandOver({ onRequestOpen, onConfirm, onNoChoice }) {
  /** @type {import('./api.js').Colleague[]} */
  let choices = [];

  const toggle = h('button', {
    type: 'button', class: 'secondary', hidden: true, 'aria-expanded': 'false', 'aria-controls': 'hand-over-panel',
    onclick: () => (panel.hidden ? onRequestOpen() : close({ returnFocus: true })),
  }, 'Weitergeben an …');
  const select = h('select', { id: 'hand-over-colleague', name: 'assignee' });
  const panel = h('form', {
    id: 'hand-over-panel', class: 'hand-over', hidden: true, novalidate: true, 'aria-label': 'Aufgabe weitergeben',
    onsubmit: (event) => {
      event.preventDefault();
      const colleague = choices.find((c) => c.id === select.value);
      if (colleague) onConfirm(colleague);
      else onNoChoice(() => select.focus());
    },
    onkeydown: (event) => {
      if (event.key === 'Escape') close({ returnFocus: true });
    },
  },
  h('div', { class: 'field' }, h('label', { for: select.id }, 'Kollegin oder Kollege'), select),
  h('div', { class: 'button-row' },
    h('button', { type: 'submit' }, 'Weitergabe bestätigen'),
    h('button', { type: 'button', class: 'secondary', onclick: () => close({ returnFocus: true }) }, 'Abbrechen')));

  /** @param {{ returnFocus: boolean }} options */
  function close({ returnFocus }) {
    if (panel.hidden) return;
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (returnFocus) toggle.focus();
  }

  return {
    toggle,
    panel,
    /**
     * Shows the panel with these colleagues to choose from and puts focus on the choice.
     * @param {import('./api.js').Colleague[]} colleagues
     */
    open(colleagues) {
      choices = colleagues;
      replaceChildren(select,
        h('option', { value: '' }, choices.length ? 'Bitte wählen' : 'Keine Kolleginnen oder Kollegen verfügbar'),
        choices.map((c) => h('option', { value: c.id }, c.name)));
      panel.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      select.focus();
    },
    close,
    /**
     * Offers handing over or not; withdrawing the offer closes an open panel.
     * @param {boolean} available
     */
    setAvailable(available) {
      toggle.hidden = !available;
      if (!available) close({ returnFocus: false });
    },
  };
}
