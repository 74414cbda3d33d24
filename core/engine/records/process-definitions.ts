import { readUserTaskNames } from './user-task-names.ts';
import type { Knex } from 'knex';
import { type PhaseMap, readPhaseMap } from './phase-map.ts';

export interface DeployedProcess {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  bpmnXml: string;
}

/**
 * Remembers a deployed definition's phase map. Called from two sides: the exporter's PROCESS
 * record (any deployment, e.g. from the modeller) and our own start-up deployment, because the
 * engine writes no new record when an unchanged diagram is deployed again.
 */
export async function rememberProcessDefinition(db: Knex, process: DeployedProcess): Promise<PhaseMap> {
  const phases = await readPhaseMap(process.bpmnXml, process.bpmnProcessId);
  const taskNames = await readUserTaskNames(process.bpmnXml, process.bpmnProcessId);
  await db('process_definitions')
    .insert({
      process_definition_key: process.processDefinitionKey,
      bpmn_process_id: process.bpmnProcessId,
      version: process.version,
      phases: JSON.stringify(phases),
      task_names: JSON.stringify(taskNames),
      // The modeller shows and compares deployed versions; the 8.6 engine cannot return their XML.
      bpmn_xml: process.bpmnXml,
    })
    .onConflict('process_definition_key').merge();
  return phases;
}
