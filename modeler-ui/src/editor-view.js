/* global Blob */

/** The page's own form refused a field and said so at the field: nothing more to tell. */
class FieldsRefused extends Error {}
import { h, replaceChildren, saveFile } from '../../browser-shared/dom.js';
import { formatDateTime } from '../../browser-shared/format.js';
import { hasStatus } from '../../browser-shared/problem.js';
import { createBpmnEditor } from './bpmn-editor.js';
import { createFormEditors } from './form-editors.js';
import { createManifestForm } from './manifest-form.js';
import { createTemplateChooser } from './template-chooser.js';

/**
 * One service in the modeller: its diagram (bpmn-js, properties panel with the platform's element
 * templates, live lint, token simulation), its forms (form-js editor), its versions with running instances,
 * saving the draft, comparing it with the deployed version, and deploying it. A new service, not
 * deployed yet, also shows its manifest ("Angaben zum Dienst"), saved with the draft. Answers what
 * to do on leaving it.
 * @param {HTMLElement} host
 * @param {{
 *   api: ReturnType<typeof import('./api.js').createModelerApi>,
 *   texts: import('./texts.js').Texts,
 *   notices: import('./main.js').Notices,
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
  let { isNew } = service;
  const serviceName = service.name;
  let dirty = false;
  let lintCounts = { errors: 0, warnings: 0 };

  /**
   * An action of the page whose failure the page tells (a refusal, an editor that did not load).
   * @param {() => Promise<unknown>} action
   */
  function guarded(action) {
    return async () => {
      notices.clearAlert();
      try {
        await action();
      } catch (error) {
        if (!(error instanceof FieldsRefused)) notices.showProblem(error);
      }
    };
  }

  /** @param {string} label @param {() => unknown} onclick @param {Record<string, unknown>} [extra] */
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
  const diagramTab = button(texts.diagramTab, guarded(() => showTab('diagram')), { 'aria-pressed': 'true' });
  const formsTab = button(texts.formsTab, guarded(() => showTab('forms')), { 'aria-pressed': 'false' });
  const manifestTab = button(texts.manifestTab, guarded(() => showTab('manifest')), { 'aria-pressed': 'false', hidden: !isNew });
  const manifestForm = isNew && 'manifest' in opened && opened.manifest ? createManifestForm({ texts, manifest: opened.manifest, idLocked: true }) : null;
  const manifestHost = h('div', { class: 'manifest', hidden: true }, manifestForm?.element);
  manifestHost.addEventListener('input', () => markDirty());
  manifestHost.addEventListener('change', () => markDirty());

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

  /** @param {'diagram' | 'forms' | 'manifest'} which */
  async function showTab(which) {
    for (const [tab, pane, name] of /** @type {const} */ ([[diagramTab, diagramHost, 'diagram'], [formsTab, formsHost, 'forms'], [manifestTab, manifestHost, 'manifest']])) {
      tab.setAttribute('aria-pressed', String(which === name));
      pane.hidden = which !== name;
    }
    if (which === 'forms' && !formEditors) formEditors = await createFormEditors(formsHost, currentForms(), { texts, onChange: markDirty });
  }

  const currentForms = () => (formEditors ? formEditors.schemas() : forms);

  async function renderVersions() {
    const { services: fresh } = await api.services();
    const versions = fresh.find((candidate) => candidate.serviceId === serviceId)?.versions ?? [];
    replaceChildren(versionsHost,
      h('h2', { id: 'versions-heading' }, texts.versionsTitle),
      versions.length === 0 ? h('p', {}, texts.noVersions) : h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Laufende Fälle'), h('th', { scope: 'col' }, 'Herkunft'))),
        h('tbody', {}, versions.map((version) => h('tr', {},
          h('th', { scope: 'row' }, texts.version(version.version)),
          h('td', {}, texts.running(version.runningInstances)),
          h('td', {}, version.deployedBy ? texts.deployedByOn(version.deployedBy.name, formatDateTime(version.deployedAt)) : texts.fromRepository))))));
  }

  /** A new service's manifest as its tab says; refused fields are shown and stop the save. */
  function editedManifest() {
    if (!isNew || !manifestForm) return {};
    const read = manifestForm.read();
    if ('invalid' in read) {
      showTab('manifest');
      notices.showRefusals(texts.notSaved, read.invalid);
      throw new FieldsRefused();
    }
    return { manifest: read.manifest };
  }

  async function save() {
    const draft = { bpmnXml: await editor.xml(), forms: currentForms(), baseRevision: revision, basedOnVersion, ...editedManifest() };
    let saved;
    try {
      saved = await api.saveDraft(serviceId, draft);
    } catch (error) {
      const refused = manifestForm?.showRefusal(error);
      if (!refused) throw error;
      showTab('manifest');
      notices.showRefusals(texts.notSaved, refused);
      throw new FieldsRefused();
    }
    revision = saved.revision;
    forms = currentForms();
    dirty = false;
    dirtyMark.hidden = true;
    return saved;
  }


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
    if (isNew) {
      // Registered now: its manifest is the catalogue's, and there is a version to compare with.
      isNew = false;
      if (!manifestHost.hidden) showTab('diagram');
      manifestTab.hidden = true;
      compareButton.hidden = false;
      notices.announce(texts.serviceDeployed(serviceName, deployed.version));
    } else {
      notices.announce(texts.deployed(deployed.version));
    }
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
  const compareButton = button(texts.compare, guarded(compare), { hidden: isNew });
  replaceChildren(host,
    h('p', {}, h('a', { href: '/modeler/', onclick: (event) => { event.preventDefault(); back(); } }, `← ${texts.back}`)),
    h('h1', { tabindex: '-1' }, service.name, ' ', h('code', {}, service.bpmnProcessId)),
    h('p', { class: 'opened' }, 'revision' in opened ? texts.openedDraft(opened) : texts.openedVersion(opened.version), ' ', dirtyMark),
    mayWrite ? null : h('p', { class: 'hint' }, texts.mayNotDeploy),
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Aktionen' },
      mayWrite ? button(texts.save, guarded(async () => notices.announce(texts.saved((await save()).revision)))) : null,
      mayWrite ? compareButton : null,
      mayWrite ? button(texts.deploy, guarded(deploy), { class: 'primary' }) : null,
      simulateButton,
      button(texts.exportFile, download),
      h('label', { for: 'bpmn-file', class: 'file-button' }, texts.importFile), fileInput),
    h('section', { class: 'lint', 'aria-labelledby': 'lint-heading' }, h('h2', { id: 'lint-heading' }, texts.lintTitle), lintSummary, lintList),
    h('div', { class: 'tabs' }, diagramTab, formsTab, manifestTab),
    diagramHost,
    formsHost,
    manifestHost,
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
