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
