/**
 * One HTTP exchange with a vendor: timeout (body included), the caller's abort, and the mapping
 * of transport faults and standard statuses to the port's errors. Protocol-free: adapters build
 * the request and read the answer in their vendor's format.
 */
import type { BackOfficeCallContext } from '../port.ts';
import { BackOfficeRejectedError, BackOfficeUnavailableError, type BackOfficeError } from '../errors.ts';

export type VendorRequest = {
  readonly vendor: string;
  readonly operation: string;
  readonly url: URL;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | URLSearchParams;
  readonly timeoutMs: number;
  readonly context: BackOfficeCallContext;
};

export type VendorAnswer = {
  readonly status: number;
  readonly headers: Headers;
  /** The body as received; decode with the vendor's charset. */
  readonly bytes: Uint8Array;
};

/**
 * Sends the request and returns whatever status came back. Throws BackOfficeUnavailableError
 * when there is no complete answer in time or no connection, and the caller's abort reason when
 * `context.signal` aborts.
 */
export async function exchange(request: VendorRequest): Promise<VendorAnswer> {
  const { context, vendor, operation } = request;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: { ...request.headers, 'x-correlation-id': context.correlationId },
      body: request.body ?? null,
      redirect: 'error',
      signal: AbortSignal.any([context.signal, timeout]),
    });
    // Read the body under the same signal: a server that sends headers and then stalls times out too.
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes };
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    if (timeout.aborted) {
      throw new BackOfficeUnavailableError(`${vendor} ${operation}: no answer within ${request.timeoutMs} ms`, {
        vendor,
        operation,
      });
    }
    throw new BackOfficeUnavailableError(`${vendor} ${operation}: not reachable`, { vendor, operation, cause: error });
  }
}

export function isSuccess(answer: VendorAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

/**
 * The error for a status the operation does not read as an answer: 5xx, 408 and 429 are
 * outages (retryable, with the vendor's Retry-After), anything else a refusal.
 */
export function faultForStatus(vendor: string, operation: string, answer: VendorAnswer): BackOfficeError {
  const { status } = answer;
  if (status >= 500 || status === 408 || status === 429) {
    return new BackOfficeUnavailableError(`${vendor} ${operation}: answered ${status}`, {
      vendor,
      operation,
      status,
      retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
    });
  }
  return new BackOfficeRejectedError(`${vendor} ${operation}: rejected with ${status}`, { vendor, operation, status });
}

/** Retry-After as delay-seconds or HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Decodes a body as UTF-8, or as the vendor's legacy charset. */
export function decodeBody(bytes: Uint8Array, charset: 'utf-8' | 'windows-1252' | 'iso-8859-1' = 'utf-8'): string {
  return new TextDecoder(charset).decode(bytes);
}

/** Resolves relative paths below the base URL's path prefix instead of replacing it. */
export function withTrailingSlash(baseUrl: string | URL): URL {
  const base = new URL(baseUrl);
  return base.pathname.endsWith('/') ? base : new URL(`${base.href}/`);
}
