import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessDraftsRepository } from '../db/process-drafts-repository.ts';
import type { ServicesRepository } from '../db/services-repository.ts';
import { formText, manifestText, packageFolderOf } from './new-service.ts';

/**
 * Writes a deployed version (the newest by default) back into `processes/<service>/` for review
 * in git: `<process id>.bpmn` as plain Zeebe BPMN, and each form it deployed as `<form id>.form`.
 * The folder is `serviceId`'s, else that of the service named like the process, else of one
 * that runs it. Returns the files written, relative to `root`.
 */
export async function exportProcess(
  drafts: ProcessDraftsRepository, bpmnProcessId: string, version: number | undefined, root: string, serviceId?: string,
): Promise<{ version: number; files: string[] }> {
  // Several services may run one process; its folder is the one named like the process, if any.
  const running = (await drafts.services()).filter((candidate) => candidate.bpmnProcessId === bpmnProcessId);
  const service = running.find((candidate) => candidate.serviceId === (serviceId ?? bpmnProcessId)) ?? running[0];
  if (!service) throw new Error(`no service runs the process ${bpmnProcessId}`);
  const content = await drafts.deployedContent(bpmnProcessId, version);
  if (!content) throw new Error(`${bpmnProcessId} has no deployed version${version === undefined ? '' : ` ${version}`} with its XML`);
  const files = await writePackageFiles(root, service.serviceId, [
    [`${bpmnProcessId}.bpmn`, content.bpmnXml.endsWith('\n') ? content.bpmnXml : `${content.bpmnXml}\n`],
    ...Object.entries(content.forms).map(([formId, schema]): [string, string] => [`${formId}.form`, formText(schema)]),
  ]);
  return { version: content.version, files };
}

/**
 * Writes a deployed service as a whole package into `processes/<service id>/`, as it would be
 * committed beside the shipped ones: the manifest it was registered with (`service.yaml`), the
 * newest deployed diagram with its forms, and its start form. For a service made in the modeller,
 * which exists only in the database until then.
 */
export async function exportPackage(
  { drafts, services }: { drafts: ProcessDraftsRepository; services: Pick<ServicesRepository, 'registration'> }, serviceId: string, root: string,
): Promise<{ version: number; files: string[] }> {
  const registration = await services.registration(serviceId);
  if (!registration) throw new Error(`${serviceId} is no service registered with its manifest (the packages of processes/ are registered with theirs at every start)`);
  const { manifest, startForm } = registration;
  const process = await exportProcess(drafts, manifest.bpmnProcessId, undefined, root, serviceId);
  const files = await writePackageFiles(root, serviceId, [
    ['service.yaml', manifestText(manifest)],
    ...(manifest.startForm && startForm ? [[manifest.startForm, formText(startForm)] as [string, string]] : []),
  ]);
  return { version: process.version, files: [...new Set([...files, ...process.files])] };
}

/** Writes files into the package's folder; answers their paths relative to `root`. */
async function writePackageFiles(root: string, serviceId: string, files: [string, string][]): Promise<string[]> {
  const folder = packageFolderOf(serviceId);
  await mkdir(path.join(root, folder), { recursive: true });
  for (const [name, text] of files) await writeFile(path.join(root, folder, name), text, 'utf8');
  return files.map(([name]) => path.posix.join(folder, name));
}
