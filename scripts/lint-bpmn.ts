/**
 * Lints the process models under `<root>/processes`: every `.bpmn` with bpmnlint (rules from
 * `<root>/.bpmnlintrc`), every `.form` as a form-js schema with an id, every formId a diagram
 * links to, and every service package's manifest (`service.yaml`). Usage: `node scripts/lint-bpmn.ts [root]` (root defaults to the repository); exits 1
 * when any error is found, 2 when the linter cannot run.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { formLinksOf, parseDiagram } from '../core/bpmn/diagram.ts';
import { readServicePackages, ServicePackageError } from '../core/catalogue/service-packages.ts';
import { createDiagramLinter, type LintFinding } from '../core/modeller/lint-diagram.ts';

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
): Promise<{ findings: Finding[]; formLinks: { elementId: string; formId: string }[] }> {
  let parsed;
  try {
    parsed = await parseDiagram(xml);
  } catch (error) {
    const message = `cannot be parsed: ${(error as Error).message.split('\n')[0]}`;
    return { findings: [{ file, elementId: '-', message, rule: 'bpmn-parse', severity: 'error' }], formLinks: [] };
  }
  const findings = (await lint(parsed)).map(({ at, ...finding }) => ({ ...finding, file, message: at ? `${finding.message} [at ${at}]` : finding.message }));
  return { findings, formLinks: formLinksOf(parsed.definitions) };
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

  for (const file of await filesUnder(processesDirectory, '.bpmn')) {
    const { findings: diagramFindings, formLinks } = await lintDiagram(
      relative(file),
      await readFile(file, 'utf8'),
      lint,
    );
    findings.push(...diagramFindings);
    for (const { elementId, formId } of formLinks) {
      if (formFiles.has(formId)) continue;
      const message = `links form "${formId}", but no processes/**/*.form has that id`;
      findings.push({ file: relative(file), elementId, message, rule: 'form-reference', severity: 'error' });
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
