/* global console */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import LintModule from 'bpmn-js-bpmnlint';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import bpmnlintConfig from 'virtual:bpmnlint-config';
import { TranslatedToggleModeModule } from './translated-toggle-mode.js';
import { bpmnJsGerman } from './texts.js';

const PALETTE_WIDTH_PX = 110;

// A template's own groups (see workers/element-templates.ts) open at once: they are what a modeller edits.
const TEMPLATE_GROUPS_OPEN = Object.fromEntries(['headers', 'input', 'output']
  .map((group) => [`ElementTemplates__CustomProperties-${group}`, { open: true }]));

/**
 * A finding of the live lint (bpmn-js-bpmnlint), by element id in `linting.completed`.
 * @typedef {{ id: string, message: string, category: 'error' | 'warn' | 'info' | 'rule-error', rule?: string }} LintIssue
 */

/**
 * diagram-js's translate service, answering in German where a text is known.
 * @param {string} template
 * @param {Record<string, string>} [replacements]
 */
function germanTranslate(template, replacements = {}) {
  const text = bpmnJsGerman[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, /** @type {string} */ key) => replacements[key] ?? `{${key}}`);
}
const GermanTranslateModule = { translate: ['value', germanTranslate] };

/**
 * The BPMN editor: bpmn-js with the Zeebe properties panel and modelling behaviours, the
 * platform's element templates (bpmn-js-element-templates: a template's fields, constraints and
 * upgrades in the properties panel), live linting with the repository's bpmnlint rules
 * (camunda-compat for the engine's version), and token simulation to walk the diagram's paths in
 * the browser.
 * @param {{ canvas: HTMLElement, properties: HTMLElement, templates: object[], onLint: (issues: Record<string, LintIssue[]>) => void,
 *   onChange: () => void, onChooseTemplate: (element: import('diagram-js/lib/model/Types').Element) => void }} options
 */
export function createBpmnEditor({ canvas, properties, templates, onLint, onChange, onChooseTemplate }) {
  const modeler = new BpmnModeler({
    container: canvas,
    keyboard: { bind: false },
    propertiesPanel: { parent: properties, layout: { groups: TEMPLATE_GROUPS_OPEN } },
    elementTemplates: templates,
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule,
      CloudElementTemplatesPropertiesProviderModule,
      LintModule, TokenSimulationModule, TranslatedToggleModeModule, GermanTranslateModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
  modeler.on('linting.completed', /** @param {{ issues: Record<string, LintIssue[]> }} event */ ({ issues }) => onLint(issues));
  modeler.on('commandStack.changed', () => onChange());
  // The library leaves choosing a template to its host: the panel's "Auswählen"/"Ändern" asks for it.
  modeler.on('elementTemplates.select', /** @param {{ element: import('diagram-js/lib/model/Types').Element }} event */ ({ element }) => onChooseTemplate(element));
  modeler.on('elementTemplates.errors', /** @param {{ errors: Error[] }} event */ ({ errors }) => console.warn('element templates refused', errors));
  return {
    modeler,
    /** @param {string} xml */
    async open(xml) {
      await modeler.importXML(xml);
      // Fit the diagram beside the palette, which floats over the canvas's left edge.
      /** @type {import('diagram-js/lib/core/Canvas').default} */
      const canvas = modeler.get('canvas');
      canvas.zoom('fit-viewport');
      const scale = canvas.zoom();
      const { inner } = canvas.viewbox();
      const left = PALETTE_WIDTH_PX / scale;
      const margin = 20 / scale;
      canvas.viewbox({ x: inner.x - left, y: inner.y - margin, width: inner.width + left + margin, height: inner.height + 2 * margin });
    },
    /** The diagram as BPMN XML. */
    async xml() {
      const { xml } = await modeler.saveXML({ format: true });
      // bpmn-js throws when it cannot serialise; its type leaves `xml` optional all the same.
      if (xml === undefined) throw new Error('bpmn-js saved no XML');
      return xml;
    },
    toggleSimulation() {
      /** @type {import('bpmn-js-token-simulation/lib/features/toggle-mode/modeler/ToggleMode').default} */
      const toggleMode = modeler.get('toggleMode');
      toggleMode.toggleMode();
    },
    destroy() {
      modeler.destroy();
    },
  };
}
