import { ProblemError } from './problem-error.ts';

/** Who may call what: the refusals of authentication and roles, with stable codes. */
export const accessErrors = {
  /** No (valid) citizen session, staff session or token; `detail` says which the caller lacks. */
  unauthenticated: (detail?: string) => new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich', detail),
  /** A citizen's call without a live session of its bearer token. */
  bearerTokenRequired: () => accessErrors.unauthenticated('A valid bearer token is required.'),
  /** The engine's record exporter presented the wrong token. */
  wrongRecordsToken: () => new ProblemError(401, 'unauthenticated', 'Nicht berechtigt'),
  /** A change without the marker its page sends (CSRF). */
  requestNotMarked: (refusal: string) => new ProblemError(403, 'forbidden', 'Anfrage abgelehnt', refusal),
  /** A staff member without the role a folder of routes needs; `detail` names the role's work in German. */
  forbidden: (detail: string) => new ProblemError(403, 'forbidden', 'Keine Berechtigung', detail),
  roleRequired: (role: string, detail: string) => new ProblemError(403, `${role}-role-required`, 'Keine Berechtigung', detail),
  municipalityNotYours: (municipalityId: string) =>
    new ProblemError(403, 'municipality-not-yours', 'Keine Berechtigung', `Sie arbeiten nicht für die Gemeinde «${municipalityId}».`),
};
