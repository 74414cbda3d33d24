import { readFile, readdir } from 'node:fs/promises';
import type { DeployedProcess } from './records/process-definitions.ts';
import { join, resolve } from 'node:path';
import type { ZeebeClient } from './engine-client.ts';

export interface DeployedResource {
  file: string;
  kind: 'process' | 'form' | 'decision';
}

interface ProcessMetadata {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
}

/** A deployed form with its schema, as the tasklist renders it. */
export interface DeployedForm {
  formKey: string;
  formId: string;
  version: number;
  schema: unknown;
}

export interface DeploymentResult {
  resources: DeployedResource[];
  processes: DeployedProcess[];
  forms: DeployedForm[];
}

interface FormMetadata {
  formKey: string | number;
  formId: string;
  version: number;
  resourceName: string;
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/**
 * Deploys every diagram, decision (DMN, run by business rule tasks) and form under `processes/` in
 * one deployment, so that a diagram never runs without the decisions it calls. The engine ignores a
 * resource identical to its latest version, so deploying at every start is idempotent.
 * `skipDiagram` leaves out diagrams whose newest version came from the modeller, so that a
 * restart does not put the repository's older diagram back in front of it.
 */
export async function deployProcesses(zeebe: ZeebeClient, processesDir = 'processes', skipDiagram: (file: string) => boolean = () => false): Promise<DeploymentResult> {
  const files = (await filesBelow(resolve(processesDir))).filter((file) => !(file.endsWith('.bpmn') && skipDiagram(file)));
  type Resource = Parameters<ZeebeClient['deployResources']>[0][number];
  const resources = files.flatMap((file): { kind: DeployedResource['kind']; file: string; resource: Resource }[] => {
    if (file.endsWith('.bpmn')) return [{ kind: 'process' as const, file, resource: { processFilename: file } }];
    if (file.endsWith('.form')) return [{ kind: 'form' as const, file, resource: { formFilename: file } }];
    if (file.endsWith('.dmn')) return [{ kind: 'decision' as const, file, resource: { decisionFilename: file } }];
    return [];
  });
  if (resources.length === 0) throw new Error(`no .bpmn, .dmn or .form files under ${processesDir}`);
  const response = await zeebe.deployResources(resources.map((r) => r.resource));
  const deployments = response.deployments as { process?: ProcessMetadata; form?: FormMetadata }[];
  const processes = await Promise.all(deployments.flatMap((deployment) => {
    if (!deployment.process) return [];
    const { processDefinitionKey, bpmnProcessId, version, resourceName } = deployment.process;
    const file = files.find((f) => f.endsWith(resourceName)) ?? resourceName;
    return [readFile(file, 'utf8').then((bpmnXml) => ({ processDefinitionKey: String(processDefinitionKey), bpmnProcessId, version, bpmnXml }))];
  }));
  const forms = await Promise.all(deployments.flatMap((deployment) => {
    if (!deployment.form) return [];
    const { formKey, formId, version, resourceName } = deployment.form;
    const file = files.find((f) => f.endsWith(resourceName)) ?? resourceName;
    return [readFile(file, 'utf8').then((text) => ({ formKey: String(formKey), formId, version, schema: JSON.parse(text) as unknown }))];
  }));
  return { resources: resources.map(({ file, kind }) => ({ file, kind })), processes, forms };
}
