/* global document, URL, setTimeout */

/**
 * Creates an element. Attributes become attributes (true → present, false/null/undefined → absent),
 * `on<event>` functions become listeners, children are nodes or text. Never parses HTML, so data
 * from the API cannot inject markup.
 * @param {string} tag
 * @param {Record<string, unknown>} [attributes]
 * @param {...(Node|string|number|null|undefined|false|Array<Node|string|null|undefined|false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends nodes and text to a parent, skipping empty entries and flattening arrays. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'number' ? String(child) : child);
  }
  return parent;
}

/** Replaces all children of an element. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Text that only screen readers read, e.g. to complete a visual cue. */
export const visuallyHidden = (text) => h('span', { class: 'visually-hidden' }, text);

/**
 * An element the page's HTML has.
 * @param {string} id
 */
export const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * Makes the page's skip link move focus to `target` instead of following its fragment: the apps
 * keep their routes in the URL, and a skip link must not leave the page or add to its history.
 * @param {HTMLElement} link
 * @param {HTMLElement} target
 */
export function skipLinkFocuses(link, target) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    target.focus();
  });
}

/**
 * Hands a file made in the page (a fetched report, an exported diagram) to the browser as a download.
 * @param {Blob} blob
 * @param {string} fileName
 */
export function saveFile(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
