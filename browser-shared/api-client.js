/* global Blob */
import { ProblemError, readProblem } from './problem.js';

/**
 * What a browser app needs to call its API: where it lies, the value of `x-requested-with` its
 * changes carry, the browser's fetch, and what to do when the session has ended.
 * @typedef {{ baseUrl: string, requestedWith: string, fetch: typeof globalThis.fetch, onUnauthorized: () => void }} ApiClientOptions
 */

/**
 * Calls of one of the portal's JSON APIs under `baseUrl`, with the session cookie. On 401 it calls
 * `onUnauthorized` (which leaves for the login) and throws a ProblemError marked `unauthorized`,
 * so callers stay quiet about it; any other refusal or failure throws a ProblemError with the
 * API's problem document. `send` answers the successful response itself (for files), `request`
 * its JSON.
 * @param {ApiClientOptions} options
 */
export function createApiClient({ baseUrl, requestedWith, fetch, onUnauthorized }) {
  /**
   * @param {string} method
   * @param {string} path below `baseUrl`
   * @param {unknown} [body] sent as JSON, or as it is when a Blob (a File)
   * @param {Record<string, string>} [extraHeaders]
   * @returns {Promise<Response>}
   */
  async function send(method, path, body, extraHeaders = {}) {
    /** @type {Record<string, string>} */
    const headers = { accept: 'application/json, application/problem+json', ...extraHeaders };
    // The API refuses changes without it: a cross-site form cannot set this header (CSRF).
    if (method !== 'GET') headers['x-requested-with'] = requestedWith;
    const raw = body instanceof Blob;
    if (body !== undefined && !raw) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ProblemError({ type: 'about:blank', title: 'Keine Verbindung zum Server', status: 0 });
    }
    if (response.status === 401) {
      onUnauthorized();
      throw new ProblemError({ type: 'about:blank', title: 'Sitzung abgelaufen', status: 401 });
    }
    if (!response.ok) throw new ProblemError(await readProblem(response));
    return response;
  }

  /**
   * The answer's JSON (undefined for 204 No Content). Its type is the caller's word: the API's
   * schema, not this client, vouches for it.
   * @template [T=unknown]
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {Record<string, string>} [extraHeaders]
   * @returns {Promise<T>}
   */
  async function request(method, path, body, extraHeaders = {}) {
    const response = await send(method, path, body, extraHeaders);
    if (response.status === 204) return /** @type {T} */ (undefined);
    return response.json();
  }

  return { send, request };
}
