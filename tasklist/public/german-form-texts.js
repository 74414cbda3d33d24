/* global MutationObserver, Text */

// form-js renders a few fixed English texts and offers no way to translate them. They are replaced
// in the DOM as form-js writes them; the bpmn.io watermark stays untouched, as its licence asks.
/** @type {Record<string, Record<string, string>>} */
const attributeTexts = {
  'aria-label': { Increment: 'Erhöhen', Decrement: 'Verringern', 'Previous page': 'Vorherige Seite', 'Next page': 'Nächste Seite' },
  placeholder: { Search: 'Suchen' },
};
const selectPlaceholder = { from: 'Select', to: 'Bitte wählen' };

/** @param {Element} root */
function translate(root) {
  for (const [attribute, texts] of Object.entries(attributeTexts)) {
    for (const element of root.querySelectorAll(`[${attribute}]`)) {
      const german = texts[element.getAttribute(attribute) ?? ''];
      if (german) element.setAttribute(attribute, german);
    }
  }
  for (const display of root.querySelectorAll('.fjs-select-placeholder')) {
    for (const node of display.childNodes) {
      if (node instanceof Text && node.data === selectPlaceholder.from) node.data = selectPlaceholder.to;
    }
  }
}

/**
 * Keeps form-js's own texts German inside `container`; returns a function that stops watching.
 * @param {Element} container
 */
export function keepFormTextsGerman(container) {
  translate(container);
  const observer = new MutationObserver(() => translate(container));
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: Object.keys(attributeTexts) });
  return () => observer.disconnect();
}
