import { h, replaceChildren } from '../../browser-shared/dom.js';
import { createManifestForm } from './manifest-form.js';

/**
 * "Neuer Dienst": the manifest of a new service (id, names and descriptions in four languages,
 * search words, audience, responsible level, fee, payment, processing days). Made, the service
 * opens in the editor with a starting diagram and start form, to be edited and deployed.
 * @param {HTMLElement} host
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createModelerApi>,
 *   texts: import('./texts.js').Texts,
 *   notices: import('./main.js').Notices,
 *   mayCreate: boolean,
 *   open: (serviceId: string) => void,
 *   back: () => void,
 * }} dependencies
 */
export function showNewService(host, { api, texts, notices, mayCreate, open, back }) {
  const backLink = h('p', {}, h('a', { href: '/modeler/', onclick: (/** @type {Event} */ event) => { event.preventDefault(); back(); } }, `← ${texts.back}`));
  if (!mayCreate) {
    replaceChildren(host, backLink, h('h1', { tabindex: '-1' }, texts.newServiceTitle), h('p', {}, texts.mayNotCreate));
    return;
  }
  const manifestForm = createManifestForm({ texts });
  let busy = false;
  const form = h('form', { novalidate: true, 'aria-labelledby': 'new-service-heading', onsubmit: (/** @type {Event} */ event) => submit(event) },
    manifestForm.element,
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary' }, texts.createService)));

  /** @param {Event} event */
  async function submit(event) {
    event.preventDefault();
    if (busy) return;
    notices.clearAlert();
    const read = manifestForm.read();
    if ('invalid' in read) {
      notices.showRefusals(texts.notCreated, read.invalid);
      return;
    }
    busy = true;
    try {
      const created = await api.createService(read.manifest);
      notices.announce(texts.serviceCreated(read.manifest.names.de));
      open(created.serviceId);
    } catch (error) {
      const refused = manifestForm.showRefusal(error);
      if (refused) notices.showRefusals(texts.notCreated, refused);
      else notices.showProblem(error);
    } finally {
      busy = false;
    }
  }

  replaceChildren(host, backLink, h('h1', { id: 'new-service-heading', tabindex: '-1' }, texts.newServiceTitle), h('p', {}, texts.newServiceIntro), form);
}
