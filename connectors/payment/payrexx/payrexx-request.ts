/**
 * One call to Payrexx: URL with `?instance=`, authentication, PHP form encoding, timeout (body
 * included), and the mapping of every way it can go wrong to a `PayrexxError`. Answers are checked
 * against their schema before anybody reads them.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { API_SIGNATURE_PARAMETER, signQueryString } from './api-signature.ts';
import { errorEnvelope, type EnvelopeCheck } from './answers.ts';
import { PayrexxError, type PayrexxOperation } from './errors.ts';
import { httpBuildQuery, phpEncode, type PhpArray } from './php-query.ts';

export type PayrexxAuthentication = 'api-key-header' | 'api-signature';

export type PayrexxConnection = {
  /** e.g. 'https://api.payrexx.com/v1.0/'; paths are resolved below it. */
  readonly baseUrl: URL;
  readonly instance: string;
  readonly apiKey: string;
  readonly authentication: PayrexxAuthentication;
  readonly timeoutMs: number;
};

export type PayrexxCall<T extends TSchema> = {
  readonly operation: PayrexxOperation;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the base URL, e.g. 'Gateway/17/'. */
  readonly path: string;
  readonly parameters?: PhpArray;
  readonly answer: EnvelopeCheck<T>;
  /** Payrexx saying the addressed resource does not exist resolves to null instead of failing. */
  readonly absentIsNull?: boolean;
};

/** Sends the call; resolves to the answer's `data`, or null when the resource does not exist. */
export async function callPayrexx<T extends TSchema>(connection: PayrexxConnection, call: PayrexxCall<T>): Promise<Array<Static<T>> | null> {
  const { operation } = call;
  const request = buildRequest(connection, call);
  const timeout = AbortSignal.timeout(connection.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await fetch(request.url, { ...request.init, redirect: 'manual', signal: timeout });
    status = response.status;
    // Read the body under the same signal: headers followed by a stalled body time out too.
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw new PayrexxError(operation, 'timeout', { detail: `no answer within ${connection.timeoutMs} ms` });
    throw new PayrexxError(operation, 'network', { cause: error });
  }
  const body = parseJson(text);
  const refusal = errorEnvelope.Check(body) ? body : undefined;

  if (status >= 500) throw new PayrexxError(operation, 'server-error', { status });
  if (status === 429) throw new PayrexxError(operation, 'rate-limited', { status });
  // Payrexx's firewall answers an exceeded rate limit with 405, then 403, and not in Payrexx's format.
  if ((status === 403 || status === 405) && refusal === undefined) throw new PayrexxError(operation, 'rate-limited', { status });
  if (status === 401 || status === 403) throw new PayrexxError(operation, 'authentication', { status });
  if (refusal !== undefined && call.absentIsNull === true && (status === 404 || saysNotFound(refusal.message))) return null;
  if (status === 404) throw new PayrexxError(operation, refusal === undefined ? 'not-found' : 'rejected', { status });
  if (status < 200 || status >= 300) throw new PayrexxError(operation, 'rejected', { status });
  if (body === undefined) throw new PayrexxError(operation, 'unexpected-answer', { status, detail: 'not JSON' });
  if (refusal !== undefined) throw new PayrexxError(operation, 'rejected', { status, detail: "status 'error'" });
  if (!call.answer.Check(body)) {
    // The first schema error names a path and an expectation, never a value.
    const first = call.answer.Errors(body).First();
    throw new PayrexxError(operation, 'unexpected-answer', { status, detail: `${first?.path ?? '/'} ${first?.message ?? 'does not match'}` });
  }
  return body.data;
}

function buildRequest<T extends TSchema>(connection: PayrexxConnection, call: PayrexxCall<T>): { url: URL; init: RequestInit } {
  const url = new URL(call.path, connection.baseUrl);
  url.search = `instance=${phpEncode(connection.instance, 'RFC3986')}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  let parameters = call.parameters ?? [];
  if (connection.authentication === 'api-signature') {
    const signature = signQueryString(httpBuildQuery(parameters, 'RFC1738'), connection.apiKey);
    parameters = [...parameters, [API_SIGNATURE_PARAMETER, signature]];
  } else {
    headers['x-api-key'] = connection.apiKey;
  }
  // Like the PHP SDK: RFC 3986 on the wire; Payrexx decodes and re-encodes before it verifies.
  const encoded = httpBuildQuery(parameters, 'RFC3986');
  if (call.method === 'POST') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { url, init: { method: call.method, headers, body: encoded } };
  }
  if (encoded !== '') url.search += `&${encoded}`;
  return { url, init: { method: call.method, headers } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Older API versions answer a missing resource with HTTP 200 and "No … found with id …". */
function saysNotFound(message: string | undefined): boolean {
  return message !== undefined && /\bno\b.*\bfound\b|not found/i.test(message);
}

/** Resolves relative paths below the base URL's path instead of replacing its last segment. */
export function withTrailingSlash(baseUrl: string | URL): URL {
  const base = new URL(baseUrl);
  return base.pathname.endsWith('/') ? base : new URL(`${base.href}/`);
}
