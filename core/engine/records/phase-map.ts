import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalisedText = { de: string } & Partial<Record<Exclude<Language, 'de'>, string>>;

export interface PhaseMarker {
  phase: LocalisedText;
  /** Set on end events: how the case ends for the citizen. */
  outcome?: string;
  /** Set where the process waits for the citizen: the message their answer sends. */
  awaits?: string;
}

export type PhaseMap = Record<string, PhaseMarker>;

interface ModdleElement {
  id?: string;
  $type: string;
  extensionElements?: { values?: ModdleElement[] };
  properties?: { name?: string; value?: string }[];
  flowElements?: ModdleElement[];
}

function zeebeProperties(element: ModdleElement): Map<string, string> {
  const found = new Map<string, string>();
  for (const extension of element.extensionElements?.values ?? []) {
    if (extension.$type !== 'zeebe:Properties') continue;
    for (const property of extension.properties ?? []) {
      if (property.name && property.value !== undefined) found.set(property.name, property.value);
    }
  }
  return found;
}

function collectMarkers(elements: ModdleElement[], into: PhaseMap): void {
  for (const element of elements) {
    const properties = zeebeProperties(element);
    const de = properties.get('phase');
    if (element.id && de) {
      const phase: LocalisedText = { de };
      for (const language of LANGUAGES) {
        const text = properties.get(`phase.${language}`);
        if (language !== 'de' && text) phase[language] = text;
      }
      const outcome = properties.get('outcome');
      const awaits = properties.get('awaits');
      into[element.id] = { phase, ...(outcome ? { outcome } : {}), ...(awaits ? { awaits } : {}) };
    }
    if (element.flowElements) collectMarkers(element.flowElements, into);
  }
}

/**
 * Reads the citizen-facing phases that the modeller put on the diagram's elements as
 * zeebe:properties (`phase`, `phase.fr`, `phase.it`, `phase.en`, `outcome`, `awaits`) for one process.
 */
export async function readPhaseMap(bpmnXml: string, bpmnProcessId: string): Promise<PhaseMap> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
  const { rootElement } = await moddle.fromXML(bpmnXml);
  const definitions = rootElement as unknown as { rootElements?: ModdleElement[] };
  const process = (definitions.rootElements ?? []).find(
    (element) => element.$type === 'bpmn:Process' && element.id === bpmnProcessId,
  );
  const map: PhaseMap = {};
  if (process?.flowElements) collectMarkers(process.flowElements, map);
  return map;
}
