/* global URLSearchParams, Blob */
import { ProblemError, readProblem } from '../../browser-shared/problem.js';

/**
 * A task of a process, or an internal task (`kind: 'internal'`, `name` is its title) which may
 * belong to no case: then its case fields are null.
 * @typedef {{ taskKey: string, kind: 'process'|'internal', name: string, elementId: string,
 *   caseId: string|null, caseNumber: string|null, serviceId: string|null, serviceName: string|null,
 *   citizenName: string|null, municipalityId: string,
 *   assignee: string|null, assigneeName: string|null, candidateGroups: string[],
 *   dueDate: string|null, followUpDate: string|null, priority: number|null, createdAt: string }} Task
 * @typedef {{ id: string, caseNumber: string, serviceName: string, submittedAt: string,
 *   applicant: { firstName: string, lastName: string, dateOfBirth: string }, phaseLabel: string,
 *   history: Array<{ phaseLabel: string, enteredAt: string }>,
 *   documents: Array<{ id: string, fileName: string, kind: string, href: string }>,
 *   messages: Array<{ text: string, author: 'municipality'|'citizen', createdAt: string }> }} CaseSummary
 * @typedef {{ title: string, description: string, createdBy: string, createdAt: string }} InternalTask
 * @typedef {{ title: string, description?: string, caseId?: string, assignee?: string,
 *   candidateGroup?: string, dueDate?: string, followUpDate?: string }} NewInternalTask
 * @typedef {{ view: string, service?: string, caseNumber?: string, citizen?: string, sort?: string }} TaskQuery
 */

/**
 * Calls of the staff's JSON APIs under `baseUrl`, with the session cookie. On 401 it calls
 * `onUnauthorized` (which leaves for the login) and throws a ProblemError marked `unauthorized`,
 * so callers stay quiet about it. `send` answers the successful response itself (for files),
 * `request` its JSON.
 * @param {{ baseUrl: string, fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export function createApiClient({ baseUrl, fetch, onUnauthorized }) {
  /** @returns {Promise<Response>} */
  async function send(method, path, body, extraHeaders = {}) {
    const headers = { accept: 'application/json, application/problem+json', ...extraHeaders };
    // The API refuses POSTs without it: a cross-site form cannot set this header.
    if (method !== 'GET') headers['x-requested-with'] = 'tasklist';
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
      throw new ProblemError({ type: 'about:blank', title: '', status: 0 });
    }
    if (response.status === 401) {
      onUnauthorized();
      throw new ProblemError({ type: 'about:blank', title: 'Sitzung abgelaufen', status: 401 });
    }
    if (!response.ok) throw new ProblemError(await readProblem(response));
    return response;
  }

  async function request(method, path, body, extraHeaders = {}) {
    const response = await send(method, path, body, extraHeaders);
    if (response.status === 204) return undefined;
    return response.json();
  }

  return { send, request };
}

/**
 * The tasklist's JSON API.
 * @param {{ baseUrl: string, fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export function createTasklistApi(dependencies) {
  const { request } = createApiClient(dependencies);
  const task = (taskKey) => `/tasks/${encodeURIComponent(taskKey)}`;

  return {
    /** @returns {Promise<{ id: string, name: string, organisation: string, municipalities: string[], roles: string[], groups: string[] }>} */
    me: () => request('GET', '/me'),
    /** @param {TaskQuery} query @returns {Promise<{ tasks: Task[] }>} */
    listTasks(query) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
      return request('GET', `/tasks?${params}`);
    },
    /** @returns {Promise<{ task: Task, case: CaseSummary|null, internal: InternalTask|null, form: object|null, formData: object }>} */
    getTask: (taskKey) => request('GET', task(taskKey)),
    /** The engine lists the new task a moment later. @param {NewInternalTask} body @returns {Promise<{ id: string }>} */
    createInternalTask: (body) => request('POST', '/internal-tasks', body),
    /** ISO date-times; null clears a date. */
    setDates: (taskKey, { dueDate, followUpDate }) => request('POST', `${task(taskKey)}/dates`, { dueDate, followUpDate }),
    claim: (taskKey) => request('POST', `${task(taskKey)}/claim`),
    unclaim: (taskKey) => request('POST', `${task(taskKey)}/unclaim`),
    assign: (taskKey, assignee) => request('POST', `${task(taskKey)}/assignment`, { assignee }),
    complete: (taskKey, variables) => request('POST', `${task(taskKey)}/completion`, { variables }),
    /** @returns {Promise<{ colleagues: Array<{ id: string, name: string }> }>} */
    colleagues: () => request('GET', '/colleagues'),
    sendMessage: (taskKey, text) => request('POST', `${task(taskKey)}/messages`, { text }),
    /** @param {File} file a PDF */
    uploadDocument: (taskKey, file) => request('POST', `${task(taskKey)}/documents`, file, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(file.name),
    }),
    /** Operators only. */
    incidents: () => request('GET', '/incidents'),
    retryIncident: (incidentKey) => request('POST', `/incidents/${encodeURIComponent(incidentKey)}/retry`),
  };
}
