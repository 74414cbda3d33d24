/* global document, URL, setTimeout */

/**
 * Attributes of an element made by `h`: `on<event>` listeners, typed by their event, and any other
 * attribute by its value.
 * @typedef {{ [K in keyof GlobalEventHandlersEventMap as `on${K}`]?: (event: GlobalEventHandlersEventMap[K]) => unknown }
 *   & Record<string, unknown>} Attributes
 */

/**
 * A child of an element made by `h`: a node, text or a number, an array of children, or nothing
 * (null, undefined, false), which is skipped.
 * @typedef {Node | string | number | null | undefined | false | ChildList} Child
 */

/**
 * An array of children, nested as deep as need be (a type alias of `Child[]` could not refer to
 * itself in JSDoc; an object type can).
 * @typedef {{ readonly [index: number]: Child, readonly length: number }} ChildList
 */

/**
 * Creates an element. Attributes become attributes (true → present, false/null/undefined → absent),
 * `on<event>` functions become listeners, children are nodes or text. Never parses HTML, so data
 * from the API cannot inject markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
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

/**
 * Appends nodes and text to a parent, skipping empty entries and flattening arrays.
 * @template {ParentNode} P
 * @param {P} parent
 * @param {Child[]} children
 * @returns {P}
 */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    // flat(Infinity) leaves no arrays; the type of ChildList cannot say so.
    parent.append(typeof child === 'number' ? String(child) : /** @type {Node | string} */ (child));
  }
  return parent;
}

/**
 * Replaces all children of an element.
 * @template {ParentNode} P
 * @param {P} parent
 * @param {...Child} children
 * @returns {P}
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/**
 * Text that only screen readers read, e.g. to complete a visual cue.
 * @param {string} text
 */
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
