import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

interface Element {
  $type: string;
  id?: string;
  name?: string;
  flowElements?: Element[];
}

/** The names of a process's user tasks by element id, subprocesses included. */
export async function readUserTaskNames(bpmnXml: string, bpmnProcessId: string): Promise<Record<string, string>> {
  const { rootElement } = await new BpmnModdle({ zeebe: zeebeDescriptor }).fromXML(bpmnXml);
  const process = ((rootElement as unknown as { rootElements?: Element[] }).rootElements ?? [])
    .find((element) => element.$type === 'bpmn:Process' && element.id === bpmnProcessId);
  const names: Record<string, string> = {};
  const visit = (elements: Element[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.$type === 'bpmn:UserTask' && element.id) names[element.id] = element.name ?? element.id;
      visit(element.flowElements);
    }
  };
  visit(process?.flowElements);
  return names;
}
