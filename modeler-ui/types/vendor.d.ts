// The modeller's libraries that ship no types of their own, declared as far as the modeller uses
// them. Most export didi modules, which bpmn-js takes in `additionalModules`.

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  export const ZeebePropertiesProviderModule: import('didi').ModuleDeclaration;
}

declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: import('didi').ModuleDeclaration;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const ZeebeBehaviorsModule: import('didi').ModuleDeclaration;
  export default ZeebeBehaviorsModule;
}

declare module 'bpmn-js-bpmnlint' {
  const LintModule: import('didi').ModuleDeclaration;
  export default LintModule;
}

declare module 'bpmn-js-token-simulation' {
  const TokenSimulationModule: import('didi').ModuleDeclaration;
  export default TokenSimulationModule;
}

/** Token simulation's on/off switch on the canvas, which translated-toggle-mode.js extends. */
declare module 'bpmn-js-token-simulation/lib/features/toggle-mode/modeler/ToggleMode' {
  export default class ToggleMode {
    constructor(eventBus: unknown, canvas: unknown, selection: unknown, contextPad: unknown);
    /** The switch, once the canvas is there. */
    protected _container?: HTMLElement;
    protected _init(): void;
    toggleMode(active?: boolean): void;
  }
}

/** The repository's .bpmnlintrc, compiled by the API's esbuild plugin (portal-api/modeler/browser-bundle.ts). */
declare module 'virtual:bpmnlint-config' {
  const bundle: { resolver: object; config: { rules: Record<string, unknown> }; moddleExtensions: Record<string, unknown> };
  export default bundle;
}

/** The stylesheets of the libraries and the modeller's own, which esbuild bundles into modeler.css. */
declare module '*.css';
