/**
 * Lints the process models under `<root>/processes`: every `.bpmn` with bpmnlint (rules from
 * `<root>/.bpmnlintrc`), every `.form` as a form-js schema with an id, every formId a diagram
 * links to, every `.dmn` and every decision a diagram's business rule task calls, every job type
 * (a worker must take it) and element template a task names (it must exist in that version, with
 * that job type), and every service package's manifest (`service.yaml`). Usage: `node scripts/lint-bpmn.ts [root]` (root defaults to the repository); exits 1
 * when any error is found, 2 when the linter cannot run.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { decisionIdsOf } from '../core/bpmn/decisions.ts';
import { decisionLinksOf, formLinksOf, jobsOf, parseDiagram } from '../core/bpmn/diagram.ts';
import { readServicePackages, ServicePackageError } from '../core/catalogue/service-packages.ts';
import { createDiagramLinter, type LintFinding } from '../core/modeller/lint-diagram.ts';
import { allWorkers, type WorkerDeps } from '../workers/composition/all-workers.ts';

export type Severity = LintFinding['severity'];

/** One problem in one file, printed as `file: elementId: message (rule)`. */
export interface Finding {
  file: string;
  elementId: string;
  message: string;
  rule: string;
  severity: Severity;
}

const repositoryRoot = path.resolve(import.meta.dirname, '..');

async function filesUnder(directory: string, extension: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(directory, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.endsWith(extension))
    .map((entry) => path.join(directory, entry))
    .sort();
}

async function lintDiagram(
  file: string,
  xml: string,
  lint: ReturnType<typeof createDiagramLinter>,
): Promise<{ findings: Finding[]; formLinks: { elementId: string; formId: string }[]; decisionLinks: { elementId: string; decisionId: string }[]; jobs: ReturnType<typeof jobsOf> }> {
  let parsed;
  try {
    parsed = await parseDiagram(xml);
  } catch (error) {
    const message = `cannot be parsed: ${(error as Error).message.split('\n')[0]}`;
    return { findings: [{ file, elementId: '-', message, rule: 'bpmn-parse', severity: 'error' }], formLinks: [], decisionLinks: [], jobs: [] };
  }
  const findings = (await lint(parsed)).map(({ at, ...finding }) => ({ ...finding, file, message: at ? `${finding.message} [at ${at}]` : finding.message }));
  return { findings, formLinks: formLinksOf(parsed.definitions), decisionLinks: decisionLinksOf(parsed.definitions), jobs: jobsOf(parsed.definitions) };
}

type TemplateVersions = Map<string, { jobType: string; requiredInputs: Map<number, string[]> }>;

/** The element templates under processes/element-templates (current and previous/): by id, the job type and each version's required inputs. */
async function elementTemplatesUnder(processesDirectory: string): Promise<TemplateVersions> {
  const templates: TemplateVersions = new Map();
  for (const file of await filesUnder(path.join(processesDirectory, 'element-templates'), '.json')) {
    const template = JSON.parse(await readFile(file, 'utf8')) as {
      id: string; version: number; properties: { value?: string; binding: { type: string; property?: string; name?: string }; constraints?: { notEmpty?: boolean } }[];
    };
    const jobType = template.properties.find((property) => property.binding.type === 'zeebe:taskDefinition' && property.binding.property === 'type')?.value ?? '';
    const required = template.properties.filter((property) => property.binding.type === 'zeebe:input' && property.constraints?.notEmpty).flatMap((property) => property.binding.name ?? []);
    const known = templates.get(template.id) ?? { jobType, requiredInputs: new Map<number, string[]>() };
    known.requiredInputs.set(template.version, required);
    templates.set(template.id, known);
  }
  return templates;
}

/**
 * What is wrong with a diagram's jobs: a job type no worker takes, or a task made from an element
 * template that is not there in that version, has another job type, or leaves a required input unmapped.
 */
function jobFindings(file: string, jobs: ReturnType<typeof jobsOf>, jobTypes: Set<string>, templates: TemplateVersions): Finding[] {
  const findings: Finding[] = [];
  const finding = (elementId: string, message: string, rule: string) => findings.push({ file, elementId, message, rule, severity: 'error' });
  for (const { elementId, jobType, inputs, template } of jobs) {
    if (!jobTypes.has(jobType)) finding(elementId, `creates jobs of type "${jobType}", but no worker takes them`, 'job-type');
    if (!template) continue;
    const known = templates.get(template.id);
    const required = template.version === undefined ? undefined : known?.requiredInputs.get(template.version);
    if (!known || !required) {
      finding(elementId, `names element template "${template.id}" version ${template.version ?? '?'}, which processes/element-templates does not hold`, 'element-template');
    } else if (known.jobType !== jobType) {
      finding(elementId, `has job type "${jobType}", but its element template "${template.id}" sets "${known.jobType}"`, 'element-template');
    } else {
      for (const input of required.filter((name) => !inputs.includes(name))) finding(elementId, `does not map the input "${input}" its element template requires`, 'element-template');
    }
  }
  return findings;
}

/** The decisions a DMN file defines, or the finding that it cannot be read. */
function lintDecisions(file: string, xml: string): { findings: Finding[]; decisionIds: string[] } {
  try {
    return { findings: [], decisionIds: decisionIdsOf(xml) };
  } catch (error) {
    return { findings: [{ file, elementId: '-', message: (error as Error).message, rule: 'dmn-parse', severity: 'error' }], decisionIds: [] };
  }
}

function lintForm(file: string, text: string): { findings: Finding[]; formId?: string } {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    const message = `is not valid JSON: ${(error as Error).message}`;
    return { findings: [{ file, elementId: '-', message, rule: 'form-json', severity: 'error' }] };
  }
  const id = (schema as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id.trim() === '') {
    const message = 'has no "id"; a user task links the form by this id';
    return { findings: [{ file, elementId: '-', message, rule: 'form-id', severity: 'error' }] };
  }
  return { findings: [], formId: id };
}

/** The service packages' manifests, checked as the platform checks them at start-up. */
async function lintServiceManifests(processesDirectory: string): Promise<Finding[]> {
  try {
    await readServicePackages(processesDirectory);
    return [];
  } catch (error) {
    if (!(error instanceof ServicePackageError)) throw error;
    return error.problems.map((problem) => ({ file: problem.file, elementId: problem.pointer, message: problem.message, rule: 'service-manifest', severity: 'error' }));
  }
}

async function readConfig(root: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(root, '.bpmnlintrc'), 'utf8'));
}

/** Lints every diagram and form under `<root>/processes` and returns the findings, errors first. */
export async function lintModels(root: string): Promise<Finding[]> {
  const config = await readConfig(root);
  const lint = createDiagramLinter(config);
  const processesDirectory = path.join(root, 'processes');
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const findings: Finding[] = [];

  const formFiles = new Map<string, string>();
  for (const file of await filesUnder(processesDirectory, '.form')) {
    const result = lintForm(relative(file), await readFile(file, 'utf8'));
    findings.push(...result.findings);
    if (result.formId === undefined) continue;
    const earlier = formFiles.get(result.formId);
    if (earlier) {
      const message = `form id "${result.formId}" is already used by ${earlier}`;
      findings.push({ file: relative(file), elementId: '-', message, rule: 'form-id', severity: 'error' });
    } else {
      formFiles.set(result.formId, relative(file));
    }
  }

  const decisionFiles = new Map<string, string>();
  for (const file of await filesUnder(processesDirectory, '.dmn')) {
    const result = lintDecisions(relative(file), await readFile(file, 'utf8'));
    findings.push(...result.findings);
    for (const decisionId of result.decisionIds) {
      const earlier = decisionFiles.get(decisionId);
      if (earlier) findings.push({ file: relative(file), elementId: decisionId, message: `decision id "${decisionId}" is already defined in ${earlier}`, rule: 'decision-id', severity: 'error' });
      else decisionFiles.set(decisionId, relative(file));
    }
  }

  // Creating the workers only closes over their dependencies; nothing here calls them.
  const jobTypes = new Set(allWorkers({} as WorkerDeps).map((worker) => worker.type));
  const templates = await elementTemplatesUnder(processesDirectory);
  for (const file of await filesUnder(processesDirectory, '.bpmn')) {
    const { findings: diagramFindings, formLinks, decisionLinks, jobs } = await lintDiagram(
      relative(file),
      await readFile(file, 'utf8'),
      lint,
    );
    findings.push(...diagramFindings, ...jobFindings(relative(file), jobs, jobTypes, templates));
    for (const { elementId, formId } of formLinks) {
      if (formFiles.has(formId)) continue;
      const message = `links form "${formId}", but no processes/**/*.form has that id`;
      findings.push({ file: relative(file), elementId, message, rule: 'form-reference', severity: 'error' });
    }
    for (const { elementId, decisionId } of decisionLinks) {
      if (decisionFiles.has(decisionId)) continue;
      const message = `calls decision "${decisionId}", but no processes/**/*.dmn defines it`;
      findings.push({ file: relative(file), elementId, message, rule: 'decision-reference', severity: 'error' });
    }
  }

  findings.push(...await lintServiceManifests(processesDirectory));

  const order: Severity[] = ['error', 'warning', 'info'];
  return findings.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
}

/** Renders a finding as `file: elementId: message (rule)`, marking anything that is not an error. */
export function formatFinding(finding: Finding): string {
  const marker = finding.severity === 'error' ? '' : `, ${finding.severity}`;
  return `${finding.file}: ${finding.elementId}: ${finding.message} (${finding.rule}${marker})`;
}

async function main(argv: string[]): Promise<number> {
  const root = path.resolve(argv[0] ?? repositoryRoot);
  let findings: Finding[];
  try {
    findings = await lintModels(root);
  } catch (error) {
    console.error(`lint-bpmn: cannot lint ${root}: ${(error as Error).message}`);
    return 2;
  }
  for (const finding of findings) {
    (finding.severity === 'error' ? console.error : console.log)(formatFinding(finding));
  }
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  console.log(`lint-bpmn: ${errors} error(s), ${findings.length - errors} other finding(s)`);
  return errors > 0 ? 1 : 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
