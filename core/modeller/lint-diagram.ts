import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BpmnElement, ParsedDiagram } from '../bpmn/diagram.ts';

/** One lint finding on one element of a diagram. */
export interface LintFinding {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Where inside the element, when the rule says (e.g. `extensionElements.values.0`). */
  at?: string;
}

interface LintReport {
  id?: string;
  path?: (string | number)[];
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

interface Linter {
  lint(root: BpmnElement): Promise<Record<string, LintReport[]>>;
}

// bpmnlint ships no declarations for these entry points; its rules and plugins resolve from the repository.
const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const requireFromRepository = createRequire(path.join(repositoryRoot, 'package.json'));
const { Linter: LinterClass } = requireFromRepository('bpmnlint') as { Linter: new (options: { config: unknown; resolver: unknown }) => Linter };
const NodeResolver = requireFromRepository('bpmnlint/lib/resolver/node-resolver') as new (options: { require: NodeJS.Require }) => unknown;

/** The repository's `.bpmnlintrc`: recommended rules and camunda-compat for the engine's version. */
export const LINT_CONFIG_FILE = path.join(repositoryRoot, '.bpmnlintrc');

const severityOf = (category: LintReport['category']): LintFinding['severity'] =>
  category === 'warn' ? 'warning' : category === 'info' ? 'info' : 'error';

/** Lints parsed diagrams with the same rules as `npm run lint` and the browser. */
export function createDiagramLinter(config: unknown = JSON.parse(readFileSync(LINT_CONFIG_FILE, 'utf8'))) {
  return async function lint(parsed: ParsedDiagram): Promise<LintFinding[]> {
    // A linter per run: some rules (no-duplicate-sequence-flows) keep state between runs of one instance.
    const linter = new LinterClass({ config, resolver: new NodeResolver({ require: requireFromRepository }) });
    // An import warning means moddle dropped something it did not understand, which the engine would not see either.
    const findings: LintFinding[] = parsed.warnings.map((warning) => ({ ...warning, rule: 'bpmn-import', severity: 'error' }));
    for (const [rule, reports] of Object.entries(await linter.lint(parsed.definitions))) {
      for (const report of reports) {
        findings.push({
          elementId: report.id ?? '-', rule, message: report.message, severity: severityOf(report.category),
          ...(report.path?.length ? { at: report.path.join('.') } : {}),
        });
      }
    }
    return findings;
  };
}

export type DiagramLinter = ReturnType<typeof createDiagramLinter>;
