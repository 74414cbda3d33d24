/**
 * The one place that reads BPMN: bpmn-moddle with the Zeebe extensions, and the walks over what it
 * reads. The read model (phases, user task names), the modeller's checks and `npm run lint` all
 * read diagrams through here, with this one element type.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** An element as bpmn-moddle reads it: its type (`bpmn:UserTask`, `zeebe:Properties`, ...), id, name and the rest by name. */
export interface BpmnElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

/** Something moddle dropped because it did not understand it (a mistyped zeebe: element or attribute): the engine would not see it either. */
export interface ImportWarning {
  elementId: string;
  message: string;
}

export interface ParsedDiagram {
  /** The `bpmn:Definitions` root, or whatever root the XML had. */
  definitions: BpmnElement;
  warnings: ImportWarning[];
}

/** Parses BPMN XML with the Zeebe extensions; throws on XML that is not BPMN at all. */
export async function parseDiagram(xml: string): Promise<ParsedDiagram> {
  const { rootElement, warnings } = await new BpmnModdle({ zeebe: zeebeDescriptor }).fromXML(xml);
  return {
    definitions: rootElement as BpmnElement,
    warnings: (warnings as { message: string; element?: { id?: string } }[]).map((warning) => ({
      elementId: warning.element?.id ?? '-',
      message: warning.message.split('\n')[0] ?? warning.message,
    })),
  };
}

/** The processes a diagram defines (one, for a service's diagram). */
export function processesOf(definitions: BpmnElement): BpmnElement[] {
  return ((definitions.rootElements as BpmnElement[] | undefined) ?? []).filter((root) => root.$type === 'bpmn:Process');
}

/** Every flow element inside a process or sub-process, sub-processes' elements included. */
export function* flowElementsOf(container: BpmnElement): Generator<BpmnElement> {
  for (const element of (container.flowElements as BpmnElement[] | undefined) ?? []) {
    yield element;
    yield* flowElementsOf(element);
  }
}

/** Every flow element of every process of the diagram. */
export function* allFlowElements(definitions: BpmnElement): Generator<BpmnElement> {
  for (const process of processesOf(definitions)) yield* flowElementsOf(process);
}

/** The extension elements of one type (e.g. `zeebe:TaskDefinition`) on an element. */
export function extensionsOf(element: BpmnElement, type: string): BpmnElement[] {
  const container = element.extensionElements as { values?: BpmnElement[] } | undefined;
  return (container?.values ?? []).filter((extension) => extension.$type === type);
}

/** An element's `zeebe:properties` by name. */
export function zeebePropertiesOf(element: BpmnElement): Map<string, string> {
  const found = new Map<string, string>();
  for (const extension of extensionsOf(element, 'zeebe:Properties')) {
    for (const property of (extension.properties as { name?: string; value?: string }[] | undefined) ?? []) {
      if (property.name && property.value !== undefined) found.set(property.name, property.value);
    }
  }
  return found;
}

/** The form ids the diagram's user tasks link, with the linking element. */
export function formLinksOf(definitions: BpmnElement): { elementId: string; formId: string }[] {
  return [...allFlowElements(definitions)].flatMap((element) =>
    extensionsOf(element, 'zeebe:FormDefinition').flatMap((definition) =>
      typeof definition.formId === 'string' ? [{ elementId: element.id ?? '-', formId: definition.formId }] : []));
}

/** The decision ids the diagram's business rule tasks call (`zeebe:calledDecision`), with the calling element. */
export function decisionLinksOf(definitions: BpmnElement): { elementId: string; decisionId: string }[] {
  return [...allFlowElements(definitions)].flatMap((element) =>
    extensionsOf(element, 'zeebe:CalledDecision').flatMap((called) =>
      typeof called.decisionId === 'string' ? [{ elementId: element.id ?? '-', decisionId: called.decisionId }] : []));
}

/** Every job the diagram creates (a `zeebe:taskDefinition`): its input mappings' targets and the element template it was made from, if any. */
export function jobsOf(definitions: BpmnElement): {
  elementId: string; jobType: string; inputs: string[]; template: { id: string; version: number | undefined } | null;
}[] {
  return [...allFlowElements(definitions)].flatMap((element) =>
    extensionsOf(element, 'zeebe:TaskDefinition').flatMap((definition) => {
      if (typeof definition.type !== 'string') return [];
      const id = element.modelerTemplate;
      const version = element.modelerTemplateVersion;
      const inputs = extensionsOf(element, 'zeebe:IoMapping').flatMap((mapping) =>
        ((mapping.inputParameters as { target?: string }[] | undefined) ?? []).flatMap((input) => (input.target ? [input.target] : [])));
      return [{
        elementId: element.id ?? '-',
        jobType: definition.type,
        inputs,
        template: typeof id === 'string' ? { id, version: typeof version === 'number' ? version : undefined } : null,
      }];
    }));
}
