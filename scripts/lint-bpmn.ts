/**
 * Lints the process models under `<root>/processes`: every `.bpmn` with bpmnlint (rules from
 * `<root>/.bpmnlintrc`), every `.form` as a form-js schema with an id, and every formId a diagram
 * links to. Usage: `node scripts/lint-bpmn.ts [root]` (root defaults to the repository); exits 1
 * when any error is found, 2 when the linter cannot run.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

export type Severity = 'error' | 'warning' | 'info';

/** One problem in one file, printed as `file: elementId: message (rule)`. */
export interface Finding {
  file: string;
  elementId: string;
  message: string;
  rule: string;
  severity: Severity;
}

/** The parts of a bpmn-moddle element this script and its tests read. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

interface ImportWarning {
  message: string;
  element?: { id?: string };
}

interface ParsedBpmn {
  rootElement: ModdleElement;
  warnings: ImportWarning[];
}

interface BpmnModdle {
  fromXML(xml: string): Promise<ParsedBpmn>;
}

interface LintReport {
  id?: string;
  path?: (string | number)[];
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

interface BpmnLinter {
  lint(rootElement: ModdleElement): Promise<Record<string, LintReport[]>>;
}

interface BpmnlintConfig {
  extends?: string | string[];
  rules?: Record<string, unknown>;
}

// bpmnlint and bpmn-moddle ship no declarations for their entry points, so they are loaded through
// a require scoped to the repository and typed by the interfaces above.
const repositoryRoot = path.resolve(import.meta.dirname, '..');
const requireFromRepository = createRequire(path.join(repositoryRoot, 'package.json'));

const { BpmnModdle: BpmnModdleClass } = requireFromRepository('bpmn-moddle') as {
  BpmnModdle: new (packages: Record<string, unknown>) => BpmnModdle;
};
const { Linter } = requireFromRepository('bpmnlint') as {
  Linter: new (options: { config: BpmnlintConfig; resolver: unknown }) => BpmnLinter;
};
const NodeResolver = requireFromRepository('bpmnlint/lib/resolver/node-resolver') as new (options: {
  require: NodeJS.Require;
}) => unknown;

/** A moddle that knows the Zeebe extension elements (task definitions, user tasks, properties, ...). */
export function createModdle(): BpmnModdle {
  return new BpmnModdleClass({ zeebe: zeebeDescriptor });
}

/** Parses BPMN XML; throws on XML that is not BPMN at all. */
export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  return createModdle().fromXML(xml);
}

/** Yields every flow element of every process, sub-processes included. */
export function* flowElements(definitions: ModdleElement): Generator<ModdleElement> {
  const childrenOf = (container: ModdleElement) => (container.flowElements as ModdleElement[] | undefined) ?? [];
  const processes = ((definitions.rootElements as ModdleElement[] | undefined) ?? []).filter(
    (root) => root.$type === 'bpmn:Process',
  );
  const pending = processes.flatMap(childrenOf);
  for (let element = pending.shift(); element; element = pending.shift()) {
    yield element;
    pending.push(...childrenOf(element));
  }
}

/** The extension elements of one type (e.g. `zeebe:TaskDefinition`) on an element. */
export function extensionsOf(element: ModdleElement, type: string): ModdleElement[] {
  const container = element.extensionElements as { values?: ModdleElement[] } | undefined;
  return (container?.values ?? []).filter((extension) => extension.$type === type);
}

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

function severityOf(category: LintReport['category']): Severity {
  if (category === 'warn') return 'warning';
  if (category === 'info') return 'info';
  return 'error';
}

async function lintDiagram(
  file: string,
  xml: string,
  linter: BpmnLinter,
): Promise<{ findings: Finding[]; formLinks: { elementId: string; formId: string }[] }> {
  let parsed: ParsedBpmn;
  try {
    parsed = await parseBpmn(xml);
  } catch (error) {
    const message = `cannot be parsed: ${(error as Error).message.split('\n')[0]}`;
    return { findings: [{ file, elementId: '-', message, rule: 'bpmn-parse', severity: 'error' }], formLinks: [] };
  }

  // An import warning means moddle dropped something it did not understand (a mistyped
  // zeebe: element or attribute), which the engine would not see either.
  const findings: Finding[] = parsed.warnings.map((warning) => ({
    file,
    elementId: warning.element?.id ?? '-',
    message: warning.message.split('\n')[0] ?? warning.message,
    rule: 'bpmn-import',
    severity: 'error',
  }));

  const reports = await linter.lint(parsed.rootElement);
  for (const [rule, ruleReports] of Object.entries(reports)) {
    for (const report of ruleReports) {
      const where = report.path?.length ? ` [at ${report.path.join('.')}]` : '';
      findings.push({
        file,
        elementId: report.id ?? '-',
        message: `${report.message}${where}`,
        rule,
        severity: severityOf(report.category),
      });
    }
  }

  const formLinks = [...flowElements(parsed.rootElement)].flatMap((element) =>
    extensionsOf(element, 'zeebe:FormDefinition')
      .map((definition) => definition.formId)
      .filter((formId): formId is string => typeof formId === 'string')
      .map((formId) => ({ elementId: element.id ?? '-', formId })),
  );
  return { findings, formLinks };
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

async function readConfig(root: string): Promise<BpmnlintConfig> {
  const configFile = path.join(root, '.bpmnlintrc');
  return JSON.parse(await readFile(configFile, 'utf8')) as BpmnlintConfig;
}

/** Lints every diagram and form under `<root>/processes` and returns the findings, errors first. */
export async function lintModels(root: string): Promise<Finding[]> {
  const config = await readConfig(root);
  // One linter per diagram: a rule of bpmnlint (no-duplicate-sequence-flows) keeps state between runs.
  const freshLinter = () => new Linter({ config, resolver: new NodeResolver({ require: requireFromRepository }) });
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
      freshLinter(),
    );
    findings.push(...diagramFindings);
    for (const { elementId, formId } of formLinks) {
      if (formFiles.has(formId)) continue;
      const message = `links form "${formId}", but no processes/**/*.form has that id`;
      findings.push({ file: relative(file), elementId, message, rule: 'form-reference', severity: 'error' });
    }
  }

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
