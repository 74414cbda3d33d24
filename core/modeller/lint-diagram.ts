import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** One lint finding on one element of a diagram. */
export interface LintFinding {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** The parts of a bpmn-moddle element the modeller's checks read. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

interface LintReport {
  id?: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

interface Linter {
  lint(root: ModdleElement): Promise<Record<string, LintReport[]>>;
}

// bpmnlint and bpmn-moddle ship no declarations for these entry points.
const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const requireFromRepository = createRequire(path.join(repositoryRoot, 'package.json'));
const { BpmnModdle } = requireFromRepository('bpmn-moddle') as {
  BpmnModdle: new (packages: Record<string, unknown>) => { fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string; element?: { id?: string } }[] }> };
};
const { Linter: LinterClass } = requireFromRepository('bpmnlint') as { Linter: new (options: { config: unknown; resolver: unknown }) => Linter };
const NodeResolver = requireFromRepository('bpmnlint/lib/resolver/node-resolver') as new (options: { require: NodeJS.Require }) => unknown;

/** The repository's `.bpmnlintrc`: recommended rules and camunda-compat for the engine's version. */
export const LINT_CONFIG_FILE = path.join(repositoryRoot, '.bpmnlintrc');

export interface ParsedDiagram {
  definitions: ModdleElement;
  /** Import warnings: moddle dropped something it did not understand, and the engine would not see it either. */
  warnings: LintFinding[];
}

/** Parses BPMN XML with the Zeebe extensions; throws on XML that is not BPMN. */
export async function parseDiagram(xml: string): Promise<ParsedDiagram> {
  const { rootElement, warnings } = await new BpmnModdle({ zeebe: zeebeDescriptor }).fromXML(xml);
  return {
    definitions: rootElement,
    warnings: warnings.map((warning) => ({
      elementId: warning.element?.id ?? '-',
      rule: 'bpmn-import',
      message: warning.message.split('\n')[0] ?? warning.message,
      severity: 'error' as const,
    })),
  };
}

const severityOf = (category: LintReport['category']): LintFinding['severity'] =>
  category === 'warn' ? 'warning' : category === 'info' ? 'info' : 'error';

/** Lints parsed diagrams with the same rules as `npm run lint` and the browser. */
export function createDiagramLinter(config: unknown = JSON.parse(readFileSync(LINT_CONFIG_FILE, 'utf8'))) {
  return async function lint(parsed: ParsedDiagram): Promise<LintFinding[]> {
    // A linter per run: some rules (no-duplicate-sequence-flows) keep state between runs of one instance.
    const linter = new LinterClass({ config, resolver: new NodeResolver({ require: requireFromRepository }) });
    const findings = [...parsed.warnings];
    for (const [rule, reports] of Object.entries(await linter.lint(parsed.definitions))) {
      for (const report of reports) findings.push({ elementId: report.id ?? '-', rule, message: report.message, severity: severityOf(report.category) });
    }
    return findings;
  };
}

export type DiagramLinter = ReturnType<typeof createDiagramLinter>;
