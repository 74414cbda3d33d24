import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessDraftsRepository } from '../db/process-drafts-repository.ts';

/**
 * Writes a deployed version (the newest by default) back into `processes/<service>/` for review
 * in git: `<process id>.bpmn` as plain Zeebe BPMN, and each form it deployed as `<form id>.form`.
 * Returns the files written, relative to `root`.
 */
export async function exportProcess(drafts: ProcessDraftsRepository, bpmnProcessId: string, version: number | undefined, root: string): Promise<{ version: number; files: string[] }> {
  // Several services may run one process; its folder is the one named like the process, if any.
  const running = (await drafts.services()).filter((candidate) => candidate.bpmnProcessId === bpmnProcessId);
  const service = running.find((candidate) => candidate.serviceId === bpmnProcessId) ?? running[0];
  if (!service) throw new Error(`no service runs the process ${bpmnProcessId}`);
  const content = await drafts.deployedContent(bpmnProcessId, version);
  if (!content) throw new Error(`${bpmnProcessId} has no deployed version${version === undefined ? '' : ` ${version}`} with its XML`);
  const folder = path.join(root, 'processes', service.serviceId);
  await mkdir(folder, { recursive: true });
  const files: [string, string][] = [
    [`${bpmnProcessId}.bpmn`, content.bpmnXml.endsWith('\n') ? content.bpmnXml : `${content.bpmnXml}\n`],
    ...Object.entries(content.forms).map(([formId, schema]): [string, string] => [`${formId}.form`, `${JSON.stringify(schema, null, 2)}\n`]),
  ];
  for (const [name, text] of files) await writeFile(path.join(folder, name), text, 'utf8');
  return { version: content.version, files: files.map(([name]) => path.posix.join('processes', service.serviceId, name)) };
}
