/* global URLSearchParams */
import { createApiClient } from '../../browser-shared/api-client.js';

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
 * A client of the staff's JSON APIs (tasklist, finance) under `baseUrl`, with the session cookie:
 * their changes carry `x-requested-with: tasklist`.
 * @param {{ baseUrl: string, fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export const createStaffApiClient = (dependencies) => createApiClient({ ...dependencies, requestedWith: 'tasklist' });

/**
 * The tasklist's JSON API.
 * @param {{ baseUrl: string, fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export function createTasklistApi(dependencies) {
  const { request } = createStaffApiClient(dependencies);
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
