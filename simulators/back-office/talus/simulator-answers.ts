/** The simulated Talus's answers: error bodies, request validation and pages. */
import { createHash } from 'node:crypto';
import type { Static, TSchema } from '@sinclair/typebox';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { TALUS_MAX_PAGE_SIZE, TalusErrorCode, type TalusError } from '../../../connectors/back-office/talus/api.ts';

/** A complete answer: status, JSON body (none when undefined), extra headers. */
export type SimulatedAnswer = {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
};

/** Thrown by a route's steps to end the request with a Talus error answer. */
export class TalusRefusal extends Error {
  readonly answer: SimulatedAnswer;

  constructor(answer: SimulatedAnswer) {
    super(`Talus simulator refused with ${answer.status}`);
    this.answer = answer;
  }
}

type ErrorCode = (typeof TalusErrorCode)[keyof typeof TalusErrorCode];

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  PERSON_NOT_FOUND: 404,
  TENANT_NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  SERVICE_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

export function talusError(code: ErrorCode, message: string, headers?: Record<string, string>): SimulatedAnswer {
  const body: TalusError = { error: { code, message } };
  return { status: STATUS_BY_CODE[code], body, ...(headers === undefined ? {} : { headers }) };
}

export function refuse(code: ErrorCode, message: string): never {
  throw new TalusRefusal(talusError(code, message));
}

/** The value as `check`'s type, or VALIDATION_FAILED naming the first offending path. */
export function valid<T extends TSchema>(check: TypeCheck<T>, value: unknown, what: string): Static<T> {
  if (check.Check(value)) return value;
  const first = check.Errors(value).First();
  return refuse(TalusErrorCode.validationFailed, `${what} invalid at '${first?.path || '/'}'`);
}

/** `page_size` from a query string: absent means the default. */
export function pageSizeParameter(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const size = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= TALUS_MAX_PAGE_SIZE)) refuse(TalusErrorCode.validationFailed, `page_size must be 1 to ${TALUS_MAX_PAGE_SIZE}`);
  return size;
}

/** One page so small that every list of two or more entries pages, as tests want. */
export const DEFAULT_PAGE_SIZE = 1;

/**
 * The page of `all` that `pageToken` points to. A token records where the next page starts and
 * which query it belongs to (`query`), so that it cannot continue another list.
 */
export function page<T>(
  all: readonly T[],
  paging: { readonly pageSize: number | undefined; readonly pageToken: string | undefined; readonly query: string },
): { items: T[]; next_page_token: string | null } {
  const fingerprint = createHash('sha256').update(paging.query).digest('base64url').slice(0, 16);
  const start = paging.pageToken === undefined ? 0 : offsetIn(paging.pageToken, fingerprint, all.length);
  const end = start + (paging.pageSize ?? DEFAULT_PAGE_SIZE);
  const next = end < all.length ? Buffer.from(JSON.stringify({ o: end, q: fingerprint })).toString('base64url') : null;
  return { items: all.slice(start, end), next_page_token: next };
}

function offsetIn(pageToken: string, fingerprint: string, length: number): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(pageToken, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { o, q } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as { o?: unknown; q?: unknown };
  if (q !== fingerprint || typeof o !== 'number' || !Number.isInteger(o) || o < 1 || o >= length) {
    return refuse(TalusErrorCode.validationFailed, 'page_token does not continue this query');
  }
  return o;
}
