import type { LintFinding } from '../modeller/lint-diagram.ts';
import { ProblemError } from './problem-error.ts';

/** The refusals of the process modeller (SVC-6), with stable codes. */
export const modellerErrors = {
  invalidDraft: (pointer: string, detail: string, title = 'Der Entwurf ist ungültig.') =>
    new ProblemError(400, 'invalid-draft', title, `${pointer}: ${detail}`, [{ pointer, detail }]),
  processIdMismatch: (expected: string, found: string) =>
    new ProblemError(400, 'process-id-mismatch', 'Falsche Prozess-ID', `Die Prozess-ID muss "${expected}" sein, nicht "${found}".`,
      [{ pointer: '/bpmnXml', detail: `process id must be ${expected}` }]),
  serviceNotFound: (serviceId: string) => new ProblemError(404, 'service-not-found', 'Dienst nicht gefunden', `Den Dienst "${serviceId}" gibt es nicht.`),
  versionNotFound: (detail?: string) => new ProblemError(404, 'version-not-found', 'Version nicht gefunden', detail),
  draftNotFound: (service: string) => new ProblemError(404, 'draft-not-found', 'Kein Entwurf', `Zu ${service} gibt es keinen Entwurf.`),
  draftStale: (detail: string) => new ProblemError(409, 'draft-stale', 'Entwurf inzwischen geändert', detail),
  serviceExists: (serviceId: string) => new ProblemError(409, 'service-exists', 'Den Dienst gibt es schon',
    `Die ID "${serviceId}" trägt schon ein Dienst, ein Prozess der Engine oder ein Entwurf. Wählen Sie eine andere.`, [{ pointer: '/body/manifest/id', detail: 'is taken' }]),
  /** A new service breaks a check of service packages: 400 for what a request brings, 422 for the saved draft a deployment takes. */
  packageInvalid: (status: 400 | 422, errors: { pointer: string; detail: string }[]) =>
    new ProblemError(status, 'package-invalid', 'Das Dienstpaket ist nicht vollständig', errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '), errors),
};

/** Thrown when a diagram has lint errors: a 422 that names every failing element and rule. */
export class LintRefusal extends ProblemError {
  readonly findings: LintFinding[];
  constructor(findings: LintFinding[]) {
    const errors = findings.filter((finding) => finding.severity === 'error');
    super(422, 'lint-errors', 'Das Diagramm hat Fehler', `${errors.length} Fehler: ${errors.map((f) => `${f.elementId} (${f.rule})`).join(', ')}`,
      errors.map((finding) => ({ pointer: `/bpmnXml/${finding.elementId}`, detail: `${finding.message} (${finding.rule})` })));
    this.findings = findings;
  }
}
