/**
 * The platform's refusals: every expected error a use case throws carries a stable code and its
 * RFC 9457 form (type, title, status, the offending fields), which the portal API answers as is and
 * the workers and tests read by code.
 */
/** RFC 9457 problem details; `errors` names every offending field with a JSON pointer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { pointer: string; detail: string }[];
}

export const PROBLEM_BASE = 'urn:gemeindeportal:problem:';

/** An expected refusal: thrown by use cases, answered as a 4xx problem. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(status: number, code: string, title: string, detail?: string, errors?: Problem['errors'], options?: ErrorOptions) {
    super(detail ?? title, options);
    this.problem = { type: `${PROBLEM_BASE}${code}`, title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
  }
}

export const invalidField = (pointer: string, detail: string): ProblemError =>
  new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', `${pointer}: ${detail}`, [{ pointer, detail }]);

/** The engine did not take the request; nothing was stored, and the client may simply try again. */
export const engineUnavailable = (detail: string, cause: unknown): ProblemError =>
  new ProblemError(503, 'engine-unavailable', 'Dienst vorübergehend nicht verfügbar', detail, undefined, { cause });

/** The same refusal, its field pointers moved from one part of a request to another (e.g. `/body/` → `/draft/`). */
export function withPointersMoved(error: ProblemError, from: string, to: string): ProblemError {
  const { problem } = error;
  const code = problem.type.slice(PROBLEM_BASE.length);
  return new ProblemError(problem.status, code, problem.title, problem.detail?.replaceAll(from, to),
    problem.errors?.map((e) => ({ ...e, pointer: e.pointer.startsWith(from) ? to + e.pointer.slice(from.length) : e.pointer })), { cause: error });
}

/** The engine's exporter sent records that are not what it sends. */
export const invalidEngineRecords = (detail: string): ProblemError => new ProblemError(400, 'invalid-records', 'Ungültige Engine-Records', detail);
