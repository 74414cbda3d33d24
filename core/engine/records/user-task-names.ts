import { flowElementsOf, parseDiagram, processesOf } from '../../bpmn/diagram.ts';

/** The names of a process's user tasks by element id, subprocesses included. */
export async function readUserTaskNames(bpmnXml: string, bpmnProcessId: string): Promise<Record<string, string>> {
  const { definitions } = await parseDiagram(bpmnXml);
  const process = processesOf(definitions).find((candidate) => candidate.id === bpmnProcessId);
  const names: Record<string, string> = {};
  if (!process) return names;
  for (const element of flowElementsOf(process)) {
    if (element.$type === 'bpmn:UserTask' && element.id) names[element.id] = element.name ?? element.id;
  }
  return names;
}
