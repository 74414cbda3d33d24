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

/** diagram-js's translate service, answering in German where a text is known. */
function germanTranslate(template, replacements = {}) {
  const text = bpmnJsGerman[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
}
const GermanTranslateModule = { translate: ['value', germanTranslate] };

/**
 * The BPMN editor: bpmn-js with the Zeebe properties panel and modelling behaviours, the
 * platform's element templates (bpmn-js-element-templates: a template's fields, constraints and
 * upgrades in the properties panel), live linting with the repository's bpmnlint rules
 * (camunda-compat for the engine's version), and token simulation to walk the diagram's paths in
 * the browser.
 * @param {{ canvas: HTMLElement, properties: HTMLElement, templates: object[], onLint: (issues: Record<string, Array<{ id: string, message: string, category: string, rule: string }>>) => void, onChange: () => void, onChooseTemplate: (element: object) => void }} options
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
  modeler.on('linting.completed', ({ issues }) => onLint(issues));
  modeler.on('commandStack.changed', () => onChange());
  // The library leaves choosing a template to its host: the panel's "Auswählen"/"Ändern" asks for it.
  modeler.on('elementTemplates.select', ({ element }) => onChooseTemplate(element));
  modeler.on('elementTemplates.errors', ({ errors }) => console.warn('element templates refused', errors));
  return {
    modeler,
    async open(xml) {
      await modeler.importXML(xml);
      // Fit the diagram beside the palette, which floats over the canvas's left edge.
      const canvas = modeler.get('canvas');
      canvas.zoom('fit-viewport');
      const scale = canvas.zoom();
      const { inner } = canvas.viewbox();
      const left = PALETTE_WIDTH_PX / scale;
      const margin = 20 / scale;
      canvas.viewbox({ x: inner.x - left, y: inner.y - margin, width: inner.width + left + margin, height: inner.height + 2 * margin });
    },
    async xml() {
      return (await modeler.saveXML({ format: true })).xml;
    },
    toggleSimulation() {
      modeler.get('toggleMode').toggleMode();
    },
    destroy() {
      modeler.destroy();
    },
  };
}
