import { h, replaceChildren } from '../../browser-shared/dom.js';

/**
 * The services with their deployed versions, running instances per version, and drafts.
 * @param {HTMLElement} host
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createModelerApi>,
 *   texts: import('./texts.js').Texts,
 *   mayCreate: boolean,
 *   open: (serviceId: string) => void,
 *   create: () => void,
 * }} dependencies
 */
export async function showServiceList(host, { api, texts, mayCreate, open, create }) {
  const { services } = await api.services();
  const rows = services.map((service) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `?dienst=${encodeURIComponent(service.serviceId)}`, onclick: (event) => { event.preventDefault(); open(service.serviceId); } }, service.name)),
    h('td', {}, h('code', {}, service.bpmnProcessId)),
    h('td', {}, service.isNew ? texts.notDeployedYet : h('ul', { class: 'plain' }, service.versions.map((version) =>
      h('li', {}, `${texts.version(version.version)}: ${texts.running(version.runningInstances)}`)))),
    h('td', {}, service.draft ? texts.draftBy(service.draft) : texts.noDraft),
  ));
  replaceChildren(host,
    h('h1', {}, texts.servicesTitle),
    h('p', {}, texts.servicesIntro),
    mayCreate ? h('p', {}, h('a', { class: 'button-link', href: '?neu', onclick: (/** @type {Event} */ event) => { event.preventDefault(); create(); } }, texts.newService)) : null,
    h('table', { class: 'data-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, texts.service), h('th', { scope: 'col' }, texts.processId), h('th', { scope: 'col' }, texts.versions), h('th', { scope: 'col' }, texts.draft))),
      h('tbody', {}, rows)),
  );
  host.querySelector('h1')?.setAttribute('tabindex', '-1');
}
