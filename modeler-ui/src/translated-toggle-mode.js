import ToggleMode from 'bpmn-js-token-simulation/lib/features/toggle-mode/modeler/ToggleMode';

/**
 * Token simulation's on/off switch on the canvas writes "Token Simulation" without asking the
 * translate service; this one asks it, so the switch speaks the page's language.
 */
class TranslatedToggleMode extends ToggleMode {
  /**
   * @param {unknown} eventBus
   * @param {unknown} canvas
   * @param {unknown} selection
   * @param {unknown} contextPad
   * @param {(template: string) => string} translate diagram-js's translate service
   */
  constructor(eventBus, canvas, selection, contextPad, translate) {
    super(eventBus, canvas, selection, contextPad);
    this._translate = translate;
  }

  _init() {
    super._init();
    this._translateLabel();
  }

  /** @param {boolean} [active] */
  toggleMode(active) {
    super.toggleMode(active);
    this._translateLabel();
  }

  _translateLabel() {
    const label = [...(this._container?.childNodes ?? [])].find((node) => node.nodeType === 3 && node.nodeValue?.trim());
    if (label) label.nodeValue = `${this._translate('Token Simulation')} `;
  }
}
TranslatedToggleMode.$inject = ['eventBus', 'canvas', 'selection', 'contextPad', 'translate'];

/** Replaces token simulation's `toggleMode`; list it after TokenSimulationModule. */
export const TranslatedToggleModeModule = {
  __init__: ['toggleMode'],
  toggleMode: ['type', TranslatedToggleMode],
};
