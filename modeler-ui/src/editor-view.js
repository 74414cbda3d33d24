/* global Blob */
import { h, replaceChildren, saveFile } from '../../browser-shared/dom.js';
import { formatDateTime } from '../../browser-shared/format.js';
import { hasStatus } from '../../browser-shared/problem.js';
import { createBpmnEditor } from './bpmn-editor.js';
import { createFormEditors } from './form-editors.js';
import { createTemplateChooser } from './template-chooser.js';

/**
 * One service in the modeller: its diagram (bpmn-js, properties panel with the platform's element
 * templates, live lint, token simulation), its forms (form-js editor), its versions with running instances,
 * saving the draft, comparing it with the deployed version, and deploying it. Answers what to do on
 * leaving it.
 * @param {HTMLElement} host
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createModelerApi>,
 *   texts: import('./texts.js').Texts,
 *   notices: { announce(text: string): void, clearAlert(): void, showAlert(text: string): void, showProblem(error: unknown): void },
 *   me: import('./api.js').Me,
 *   serviceId: string,
 *   back: () => void,
 * }} dependencies
 * @returns {Promise<() => void>}
 */
export async function showEditor(host, { api, texts, notices, me, serviceId, back }) {
  const { services } = await api.services();
  const service = services.find((candidate) => candidate.serviceId === serviceId);
  if (!service) {
    replaceChildren(host, h('h1', {}, 'Dienst nicht gefunden'), h('p', {}, h('a', { href: '/modeler/' }, texts.back)));
    return () => {};
  }
  const templates = await api.elementTemplates();
  /** @type {import('./api.js').Draft | import('./api.js').DeployedContent} */
  let opened;
  let revision = 0;
  /** @type {number | null} */
  let basedOnVersion = null;
  try {
    const draft = await api.draft(serviceId);
    opened = draft;
    revision = draft.revision;
    basedOnVersion = draft.basedOnVersion;
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
    opened = await api.version(serviceId, 'latest');
    basedOnVersion = opened.version;
  }
  let forms = opened.forms ?? {};
  let dirty = false;
  let lintCounts = { errors: 0, warnings: 0 };

  /** @param {string} label @param {() => unknown} onclick @param {Record<string, string>} [extra] */
  const button = (label, onclick, extra = {}) => h('button', { type: 'button', onclick, ...extra }, label);
  const canvas = h('div', { class: 'canvas', role: 'region', 'aria-label': texts.canvasLabel });
  const properties = h('div', { class: 'properties' });
  const lintSummary = h('p', { id: 'lint-summary', class: 'lint-summary' });
  const lintList = h('ul', { class: 'lint-list' });
  const changesHost = h('section', { class: 'changes', 'aria-labelledby': 'changes-heading', hidden: true });
  const versionsHost = h('section', { class: 'versions', 'aria-labelledby': 'versions-heading' });
  const formsHost = h('div', { class: 'forms', hidden: true });
  const diagramHost = h('div', { class: 'workspace' }, canvas, h('aside', { class: 'side', 'aria-label': texts.propertiesLabel }, h('p', { class: 'hint template-hint' }, texts.templateHint), properties));
  const dirtyMark = h('span', { class: 'dirty', hidden: true }, texts.unsaved);
  const simulateButton = button(texts.simulate, () => {
    editor.toggleSimulation();
    const on = simulateButton.getAttribute('aria-pressed') !== 'true';
    simulateButton.setAttribute('aria-pressed', String(on));
    simulateButton.textContent = on ? texts.simulateOff : texts.simulate;
    if (on) notices.announce(texts.simulationNote);
  }, { 'aria-pressed': 'false' });
  const fileInput = h('input', { type: 'file', id: 'bpmn-file', accept: '.bpmn,.xml,application/xml', class: 'visually-hidden-file', onchange: () => importFile() });
  const diagramTab = button(texts.diagramTab, () => showTab('diagram'), { 'aria-pressed': 'true' });
  const formsTab = button(texts.formsTab, () => showTab('forms'), { 'aria-pressed': 'false' });

  const editor = createBpmnEditor({
    canvas,
    properties,
    templates,
    onLint: (issues) => renderLint(issues),
    onChange: () => markDirty(),
    onChooseTemplate: (element) => chooser.open(element),
  });
  /** @type {Awaited<ReturnType<typeof createFormEditors>> | null} */
  let formEditors = null;

  function markDirty() {
    dirty = true;
    dirtyMark.hidden = false;
  }

  /** @param {Record<string, import('./bpmn-editor.js').LintIssue[]>} issues */
  function renderLint(issues) {
    const all = Object.entries(issues).flatMap(([elementId, list]) => list.map((issue) => ({ elementId, ...issue })));
    const errors = all.filter((issue) => issue.category === 'error' || issue.category === 'rule-error');
    const warnings = all.filter((issue) => issue.category === 'warn');
    lintCounts = { errors: errors.length, warnings: warnings.length };
    lintSummary.textContent = errors.length ? texts.lintErrors(errors.length, warnings.length) : warnings.length ? texts.lintWarnings(warnings.length) : texts.lintOk;
    lintSummary.className = `lint-summary ${errors.length ? 'has-errors' : 'passes'}`;
    replaceChildren(lintList, [...errors, ...warnings].map((issue) => h('li', { class: issue.category === 'warn' ? 'warning' : 'error' },
      h('code', {}, issue.elementId), ` ${issue.message} `, h('span', { class: 'rule' }, `(${issue.rule ?? issue.id ?? ''})`))));
  }

  /** @param {'diagram' | 'forms'} which */
  async function showTab(which) {
    const forms = which === 'forms';
    diagramTab.setAttribute('aria-pressed', String(!forms));
    formsTab.setAttribute('aria-pressed', String(forms));
    diagramHost.hidden = forms;
    formsHost.hidden = !forms;
    if (forms && !formEditors) formEditors = await createFormEditors(formsHost, currentForms(), { texts, onChange: markDirty });
  }

  const currentForms = () => (formEditors ? formEditors.schemas() : forms);

  async function renderVersions() {
    const { services: fresh } = await api.services();
    const versions = fresh.find((candidate) => candidate.serviceId === serviceId)?.versions ?? [];
    replaceChildren(versionsHost,
      h('h2', { id: 'versions-heading' }, texts.versionsTitle),
      h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Laufende Fälle'), h('th', { scope: 'col' }, 'Herkunft'))),
        h('tbody', {}, versions.map((version) => h('tr', {},
          h('th', { scope: 'row' }, texts.version(version.version)),
          h('td', {}, texts.running(version.runningInstances)),
          h('td', {}, version.deployedBy ? texts.deployedByOn(version.deployedBy.name, formatDateTime(version.deployedAt)) : texts.fromRepository))))));
  }

  async function save() {
    const saved = await api.saveDraft(serviceId, { bpmnXml: await editor.xml(), forms: currentForms(), baseRevision: revision, basedOnVersion });
    revision = saved.revision;
    forms = currentForms();
    dirty = false;
    dirtyMark.hidden = true;
    return saved;
  }

  /** @param {() => Promise<unknown>} action */
  const guarded = (action) => async () => {
    notices.clearAlert();
    try {
      await action();
    } catch (error) {
      notices.showProblem(error);
    }
  };

  async function compare() {
    if (dirty || revision === 0) await save();
    const { version, changes } = await api.changes(serviceId);
    /** @param {import('./api.js').ElementChange} change */
    const describe = (change) => (change.attributes.length
      ? change.attributes.map((attribute) => `${attribute.name}: «${attribute.before ?? ''}» → «${attribute.after ?? ''}»`).join('; ')
      : change.change === 'changed' ? texts.propertiesChanged : '');
    changesHost.hidden = false;
    replaceChildren(changesHost,
      h('h2', { id: 'changes-heading', tabindex: '-1' }, texts.changesTitle(version)),
      changes.length === 0 ? h('p', {}, texts.noChanges) : h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, texts.element), h('th', { scope: 'col' }, texts.kind), h('th', { scope: 'col' }, texts.what), h('th', { scope: 'col' }, texts.properties))),
        h('tbody', {}, changes.map((change) => h('tr', { class: `change-${change.change}` },
          h('th', { scope: 'row' }, change.name ? `${change.name} ` : '', h('code', {}, change.elementId)),
          h('td', {}, change.type),
          h('td', {}, texts.change[change.change] ?? change.change),
          h('td', {}, describe(change)))))));
    changesHost.querySelector('h2')?.focus();
  }

  async function deploy() {
    if (lintCounts.errors > 0) {
      notices.showAlert(texts.notDeployedLint);
      return;
    }
    if (dirty || revision === 0) await save();
    const deployed = await api.deploy(serviceId, revision);
    revision = 0;
    basedOnVersion = deployed.version;
    notices.announce(texts.deployed(deployed.version));
    await renderVersions();
  }

  async function importFile() {
    const file = fileInput.files?.[0];
    if (!file) return;
    await editor.open(await file.text());
    fileInput.value = '';
    markDirty();
  }

  const download = () => {
    editor.xml().then((xml) => saveFile(new Blob([xml], { type: 'application/xml' }), `${service.bpmnProcessId}.bpmn`));
  };

  const mayWrite = me.mayDeploy;
  replaceChildren(host,
    h('p', {}, h('a', { href: '/modeler/', onclick: (event) => { event.preventDefault(); back(); } }, `← ${texts.back}`)),
    h('h1', { tabindex: '-1' }, service.name, ' ', h('code', {}, service.bpmnProcessId)),
    h('p', { class: 'opened' }, 'revision' in opened ? texts.openedDraft(opened) : texts.openedVersion(opened.version), ' ', dirtyMark),
    mayWrite ? null : h('p', { class: 'hint' }, texts.mayNotDeploy),
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Aktionen' },
      mayWrite ? button(texts.save, guarded(async () => notices.announce(texts.saved((await save()).revision)))) : null,
      mayWrite ? button(texts.compare, guarded(compare)) : null,
      mayWrite ? button(texts.deploy, guarded(deploy), { class: 'primary' }) : null,
      simulateButton,
      button(texts.exportFile, download),
      h('label', { for: 'bpmn-file', class: 'file-button' }, texts.importFile), fileInput),
    h('section', { class: 'lint', 'aria-labelledby': 'lint-heading' }, h('h2', { id: 'lint-heading' }, texts.lintTitle), lintSummary, lintList),
    h('div', { class: 'tabs' }, diagramTab, formsTab),
    diagramHost,
    formsHost,
    changesHost,
    versionsHost,
  );

  // After the page is built: replacing the host's children would take the dialog with it.
  const chooser = createTemplateChooser(host, { modeler: editor.modeler, texts, onApplied: (template) => notices.announce(texts.templateApplied(template.name)) });
  await editor.open(opened.bpmnXml);
  dirty = false;
  dirtyMark.hidden = true;
  await renderVersions();
  return () => {
    editor.destroy();
    chooser.destroy();
    formEditors?.destroy();
  };
}
