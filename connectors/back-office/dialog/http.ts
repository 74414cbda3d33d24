/**
 * One HTTP exchange with a Dialog installation: timeout, abort, status-to-error mapping and the
 * call's log line. Knows nothing about residents; the adapter maps bodies.
 */
import type { Logger } from 'pino';
import type { BackOfficeCallContext } from '../port.ts';
import {
  BackOfficeProtocolError,
  BackOfficeRejectedError,
  BackOfficeUnavailableError,
  BackOfficeError,
} from '../errors.ts';

export const DIALOG_VENDOR = 'dialog';

export type DialogHttpSettings = {
  readonly baseUrl: URL;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
};

export type DialogRequest = {
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** Statuses other than 2xx that the operation reads as a business answer (e.g. 404). */
  readonly answerStatuses?: readonly number[];
  readonly context: BackOfficeCallContext;
};

export type DialogAnswer = {
  readonly status: number;
  /** Parsed JSON; undefined when a non-2xx answer had no readable JSON body. */
  readonly body: unknown;
};

/**
 * Sends one request and hands 2xx and `answerStatuses` answers to `read`, whose BackOfficeErrors
 * (e.g. a body of the wrong shape) count as the call's failure. Throws a BackOfficeError for
 * every other outcome, or the caller's abort reason.
 */
export async function sendDialogRequest<T>(
  settings: DialogHttpSettings,
  request: DialogRequest,
  read: (answer: DialogAnswer) => T,
): Promise<T> {
  const { context, operation } = request;
  const startedAt = performance.now();
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const fault = { vendor: DIALOG_VENDOR, operation };
  const logFields = () => ({
    correlationId: context.correlationId,
    vendor: DIALOG_VENDOR,
    operation,
    municipalityBfs: context.municipalityBfs,
    durationMs: Math.round(performance.now() - startedAt),
  });
  const fail = (error: BackOfficeError): never => {
    settings.logger.warn({ ...logFields(), status: error.status, errorCode: error.code }, 'back-office call failed');
    throw error;
  };

  let status: number;
  let headers: Headers;
  let text: string;
  try {
    const response = await fetch(new URL(request.path, settings.baseUrl), {
      method: request.method,
      headers: {
        accept: 'application/json',
        'x-api-key': settings.apiKey,
        'x-correlation-id': context.correlationId,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? null : JSON.stringify(request.body),
      redirect: 'error',
      signal: AbortSignal.any([context.signal, timeout]),
    });
    status = response.status;
    headers = response.headers;
    // Read the body under the same signal: a server that sends headers and then stalls times out too.
    text = await response.text();
  } catch (error) {
    if (context.signal.aborted) {
      settings.logger.info(logFields(), 'back-office call aborted by caller');
      throw context.signal.reason;
    }
    if (timeout.aborted) {
      return fail(
        new BackOfficeUnavailableError(`Dialog ${operation}: no answer within ${settings.timeoutMs} ms`, fault),
      );
    }
    return fail(new BackOfficeUnavailableError(`Dialog ${operation}: not reachable`, { ...fault, cause: error }));
  }

  const isAnswer = (status >= 200 && status < 300) || (request.answerStatuses ?? []).includes(status);
  if (isAnswer) {
    const body = parseJson(text);
    if (body === undefined && status >= 200 && status < 300) {
      return fail(new BackOfficeProtocolError(`Dialog ${operation}: answer ${status} is not valid JSON`, { ...fault, status }));
    }
    let result: T;
    try {
      result = read({ status, body });
    } catch (error) {
      if (error instanceof BackOfficeError) {
        return fail(error);
      }
      throw error;
    }
    settings.logger.info({ ...logFields(), status }, 'back-office call');
    return result;
  }
  if (status >= 500 || status === 408 || status === 429) {
    return fail(
      new BackOfficeUnavailableError(`Dialog ${operation}: answered ${status}`, {
        ...fault,
        status,
        retryAfterMs: parseRetryAfter(headers.get('retry-after')),
      }),
    );
  }
  return fail(new BackOfficeRejectedError(`Dialog ${operation}: rejected with ${status}`, { ...fault, status }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After as delay-seconds or HTTP date, in milliseconds. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
