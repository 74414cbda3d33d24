/**
 * Reads the service packages under `processes/`: every folder with a `service.yaml` is a service.
 * A manifest is checked against its schema, its id against its folder, its process against the
 * package's diagram, and its documents against their templates; whatever is wrong is reported at
 * once, each problem naming file and field. The same checks take a package held in memory (the
 * modeller's new service), as the files it would be written as.
 */
import { Value } from '@sinclair/typebox/value';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formLinksOf, parseDiagram, processesOf } from '../bpmn/diagram.ts';
import { schemaProblems } from '../schema-problems.ts';
import { checkPackageTemplates, type PackageTemplate } from './package-templates.ts';
import { ServiceManifestSchema, type ServiceManifest } from './service-manifest.ts';
import { settingProblems } from './service-settings.ts';
import { PLATFORM_VARIABLES } from './platform-variables.ts';
import { boundFields, CHECKED_INPUT_TYPES } from '../forms/form-data-check.ts';
import { filepickerProblems } from '../forms/upload-types.ts';

export const MANIFEST_FILE = 'service.yaml';

export interface ServicePackage {
  manifest: ServiceManifest;
  /** The start form's form-js schema, where the manifest names one. */
  startForm: { id: string; type: string; components: unknown[] } | null;
  /** The templates of the documents it issues, one for each of the manifest's documents. */
  documentTemplates: PackageTemplate[];
  /** The package's folder and manifest, relative to the processes folder's parent (e.g. `processes/residence-certificate/service.yaml`). */
  folder: string;
  manifestFile: string;
}

export interface PackageProblem {
  file: string;
  /** A JSON pointer into the manifest, `/` for the whole file. */
  pointer: string;
  message: string;
}

/** One or more packages are broken; `message` lists every problem, one a line. */
export class ServicePackageError extends Error {
  override readonly name = 'ServicePackageError';
  readonly problems: PackageProblem[];
  constructor(problems: PackageProblem[]) {
    super(`service packages are broken:\n${problems.map((p) => `  ${p.file}: ${p.pointer}: ${p.message}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * A package's files by their path inside it (`service.yaml`, `<process>.bpmn`, `<form>.form`,
 * `templates/<kind>.yaml`): what its checks read, from a folder or from memory (a service the
 * modeller makes in the browser).
 */
export type PackageFiles = ReadonlyMap<string, string>;

const PACKAGE_FILE = /^(?:[^/]+[.](?:yaml|bpmn|form)|templates\/[^/]+[.]yaml)$/;

/** The files of a package's folder that its checks read, in the order of their names. */
export async function readPackageFiles(folder: string): Promise<PackageFiles> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const names = entries.filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => PACKAGE_FILE.test(name)).sort();
  return new Map(await Promise.all(names.map(async (name): Promise<[string, string]> => [name, await readFile(path.join(folder, name), 'utf8')])));
}

/** Every service package under `processesDir`, checked; throws ServicePackageError naming each problem. */
export async function readServicePackages(processesDir: string): Promise<ServicePackage[]> {
  const base = path.dirname(path.resolve(processesDir));
  const folders = (await readdir(processesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const packages: ServicePackage[] = [];
  const problems: PackageProblem[] = [];
  for (const name of folders) {
    const folder = path.join(path.resolve(processesDir), name);
    const files = await readPackageFiles(folder);
    if (!files.has(MANIFEST_FILE)) continue;
    const checked = await checkServicePackage(name, files, path.relative(base, folder).split(path.sep).join('/'));
    problems.push(...checked.problems);
    if (checked.servicePackage) packages.push(checked.servicePackage);
  }
  const seen = new Map<string, string>();
  for (const { manifest, manifestFile } of packages) {
    const earlier = seen.get(manifest.bpmnProcessId);
    if (earlier) problems.push({ file: manifestFile, pointer: '/bpmnProcessId', message: `is already the process of ${earlier}` });
    seen.set(manifest.bpmnProcessId, manifestFile);
  }
  if (problems.length > 0) throw new ServicePackageError(problems);
  return packages;
}

/**
 * Checks one package from its files: the manifest against its schema, its id against the
 * package's `name` (its folder), its process against the diagram, its settings' defaults, its start
 * form, and its documents against their templates. `location` is where the package lives (or
 * would), relative to the processes folder's parent (`processes/<name>`); problems name its files
 * below it.
 */
export async function checkServicePackage(name: string, files: PackageFiles, location: string): Promise<{ servicePackage?: ServicePackage; problems: PackageProblem[] }> {
  const shown = (file: string) => path.posix.join(location, file);
  const manifestFile = shown(MANIFEST_FILE);
  const found = await checkManifest(name, files, files.get(MANIFEST_FILE) ?? '');
  const problems: PackageProblem[] = found.problems.map((problem) => ({ file: manifestFile, ...problem }));
  if (!found.manifest) return { problems };
  const templates = checkPackageTemplates(files, found.manifest.documents, shown, manifestFile);
  problems.push(...templates.problems);
  return {
    servicePackage: { manifest: found.manifest, startForm: found.startForm ?? null, documentTemplates: templates.templates, folder: location, manifestFile },
    problems,
  };
}

type FormSchema = NonNullable<ServicePackage['startForm']>;

async function checkManifest(
  folderName: string, files: PackageFiles, text: string,
): Promise<{ manifest?: ServiceManifest; startForm?: FormSchema; problems: Omit<PackageProblem, 'file'>[] }> {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return { problems: [{ pointer: '/', message: `is not YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  if (!Value.Check(ServiceManifestSchema, document)) return { problems: schemaProblems(ServiceManifestSchema, document) };
  const problems: Omit<PackageProblem, 'file'>[] = [];
  if (document.id !== folderName) problems.push({ pointer: '/id', message: `must be the package's folder name, ${folderName}` });
  const diagrams = [...files.keys()].filter((file) => file.endsWith('.bpmn'));
  const processIds: string[] = [];
  const formLinks: { diagram: string; elementId: string; formId: string }[] = [];
  for (const diagram of diagrams) {
    try {
      const { definitions } = await parseDiagram(files.get(diagram) ?? '');
      processIds.push(...processesOf(definitions).filter((process) => process.isExecutable === true).flatMap((process) => process.id ?? []));
      formLinks.push(...formLinksOf(definitions).map((link) => ({ diagram, ...link })));
    } catch {
      problems.push({ pointer: '/bpmnProcessId', message: `${diagram} is not BPMN` });
    }
  }
  const formIds = formIdsIn(files);
  for (const { diagram, elementId, formId } of formLinks) {
    if (!formIds.has(formId)) problems.push({ pointer: '/', message: `${diagram}: the task ${elementId} asks for the form ${formId}, which no .form in the package is` });
  }
  if (!processIds.includes(document.bpmnProcessId)) {
    problems.push({ pointer: '/bpmnProcessId', message: `no executable process "${document.bpmnProcessId}" in the package's diagram${diagrams.length === 1 ? '' : 's'} (${diagrams.join(', ') || 'none'})` });
  }
  for (const [name, declaration] of Object.entries(document.settings ?? {})) {
    for (const problem of settingProblems({ [name]: declaration }, { [name]: declaration.default })) {
      problems.push({ pointer: `/settings/${name}/default`, message: problem.message });
    }
  }
  const startForm = document.startForm === undefined ? undefined : readStartForm(files, document.startForm, problems);
  if (startForm) problems.push(...startFormProblems(document, startForm));
  return { manifest: document, ...(startForm ? { startForm } : {}), problems };
}

/**
 * What the intake could not take from a start form: fields whose type the server does not check,
 * top-level fields that would overwrite the platform's variables, options from a source the
 * manifest does not name, pre-fill of fields the form does not have.
 */
function startFormProblems(manifest: ServiceManifest, form: FormSchema): Omit<PackageProblem, 'file'>[] {
  const problems: Omit<PackageProblem, 'file'>[] = [];
  const fields = boundFields(form);
  const file = manifest.startForm;
  for (const { path, component, groups } of fields) {
    const name = path.join('.');
    if (!(CHECKED_INPUT_TYPES as readonly string[]).includes(component.type ?? '')) {
      problems.push({ pointer: '/startForm', message: `${file}: field ${name} is of type ${component.type}, which the intake cannot check` });
    }
    if (component.type === 'filepicker') {
      for (const problem of filepickerProblems(component)) problems.push({ pointer: '/startForm', message: `${file}: field ${name}: ${problem}` });
      if (groups.some((group) => group.type === 'dynamiclist')) {
        problems.push({ pointer: '/startForm', message: `${file}: field ${name} is a filepicker in a dynamic list, whose files the intake cannot take` });
      }
    }
    if (path.length === 1 && (PLATFORM_VARIABLES as readonly string[]).includes(name)) {
      problems.push({ pointer: '/startForm', message: `${file}: field ${name} would overwrite the platform's variable of that name` });
    }
    if (component.valuesKey !== undefined && !manifest.formData?.[component.valuesKey]) {
      problems.push({ pointer: '/formData', message: `names no source for ${component.valuesKey}, which ${file} offers in field ${name}` });
    }
  }
  const names = new Set(fields.map((field) => field.path.join('.')));
  for (const fieldPath of Object.keys(manifest.prefill ?? {})) {
    if (!names.has(fieldPath)) problems.push({ pointer: `/prefill/${fieldPath}`, message: `is not a field of ${file}` });
  }
  return problems;
}

/** The ids of the package's forms (a file that is no JSON is left to the start form's and lint's checks). */
function formIdsIn(files: PackageFiles): Set<string> {
  const ids = new Set<string>();
  for (const [name, text] of files) {
    if (!name.endsWith('.form')) continue;
    try {
      const id = (JSON.parse(text) as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    } catch {
      // not JSON: reported where it matters
    }
  }
  return ids;
}

/** The start form the manifest names: a form-js schema with an id, in the package. */
function readStartForm(files: PackageFiles, file: string, problems: Omit<PackageProblem, 'file'>[]): FormSchema | undefined {
  const text = files.get(file);
  if (text === undefined) {
    problems.push({ pointer: '/startForm', message: `${file} is not in the package` });
    return undefined;
  }
  let form: Partial<FormSchema> | null;
  try {
    form = JSON.parse(text) as Partial<FormSchema> | null;
  } catch {
    problems.push({ pointer: '/startForm', message: `${file} is not JSON` });
    return undefined;
  }
  if (typeof form?.id !== 'string' || form.type !== 'default' || !Array.isArray(form.components)) {
    problems.push({ pointer: '/startForm', message: `${file} is not a form-js schema (an id, type "default" and components)` });
    return undefined;
  }
  return form as FormSchema;
}
