import { flowElementsOf, parseDiagram, processesOf, zeebePropertiesOf } from '../../bpmn/diagram.ts';
import { LANGUAGES, type LocalisedText } from '../../language.ts';


export interface PhaseMarker {
  phase: LocalisedText;
  /** Set on end events: how the case ends for the citizen. */
  outcome?: string;
  /** Set where the process waits for the citizen: the message their answer sends. */
  awaits?: string;
}

export type PhaseMap = Record<string, PhaseMarker>;

/**
 * Reads the citizen-facing phases that the modeller put on the diagram's elements as
 * zeebe:properties (`phase`, `phase.fr`, `phase.it`, `phase.en`, `outcome`, `awaits`) for one process.
 */
export async function readPhaseMap(bpmnXml: string, bpmnProcessId: string): Promise<PhaseMap> {
  const { definitions } = await parseDiagram(bpmnXml);
  const process = processesOf(definitions).find((candidate) => candidate.id === bpmnProcessId);
  const map: PhaseMap = {};
  for (const element of process ? flowElementsOf(process) : []) {
    const properties = zeebePropertiesOf(element);
    const de = properties.get('phase');
    if (!element.id || !de) continue;
    const phase: LocalisedText = { de };
    for (const language of LANGUAGES) {
      const text = properties.get(`phase.${language}`);
      if (language !== 'de' && text) phase[language] = text;
    }
    const outcome = properties.get('outcome');
    const awaits = properties.get('awaits');
    map[element.id] = { phase, ...(outcome ? { outcome } : {}), ...(awaits ? { awaits } : {}) };
  }
  return map;
}
