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
 * The case of a task; its applicant is null once the case's personal data are purged. `offices`
 * serve the case's municipality: an internal task on the case may go to them.
 * @typedef {{ id: string, caseNumber: string, serviceName: string, submittedAt: string,
 *   applicant: { firstName: string, lastName: string, dateOfBirth: string } | null, phaseLabel: string,
 *   history: Array<{ phaseLabel: string, enteredAt: string }>,
 *   documents: Array<{ id: string, fileName: string, kind: string, href: string }>,
 *   messages: Array<{ text: string, author: 'municipality'|'citizen', createdAt: string }>,
 *   offices: Array<{ id: string, name: string }> }} CaseSummary
 * @typedef {{ title: string, description: string, createdBy: string, createdAt: string }} InternalTask
 * A task with what the task view shows: its case, what the author of an internal task wrote, and
 * its form-js schema with the data the form starts with.
 * @typedef {{ task: Task, case: CaseSummary|null, internal: InternalTask|null, form: object|null, formData: Record<string, unknown> }} TaskDetail
 * @typedef {{ id: string, name: string, organisation: string, organisationKind: string, municipalities: string[], roles: string[], groups: string[] }} Me
 * @typedef {{ id: string, name: string }} Colleague
 * @typedef {{ incidentKey: string, caseId: string, caseNumber: string, serviceName: string, elementId: string,
 *   errorType: string, errorMessage: string, retriesLeft: number, createdAt: string }} Incident
 * @typedef {{ title: string, description?: string, caseId?: string, assignee?: string,
 *   candidateGroup?: string, dueDate?: string, followUpDate?: string }} NewInternalTask
 * @typedef {{ view: string, service?: string, caseNumber?: string, citizen?: string, sort?: string }} TaskQuery
 */

/**
 * Where a staff API lies and what to do when the session has ended.
 * @typedef {{ baseUrl: string, fetch: typeof globalThis.fetch, onUnauthorized: () => void }} StaffApiOptions
 */

/**
 * A client of the staff's JSON APIs (tasklist, finance) under `baseUrl`, with the session cookie:
 * their changes carry `x-requested-with: tasklist`.
 * @param {StaffApiOptions} dependencies
 */
export const createStaffApiClient = (dependencies) => createApiClient({ ...dependencies, requestedWith: 'tasklist' });

/**
 * The tasklist's JSON API.
 * @param {StaffApiOptions} dependencies
 */
export function createTasklistApi(dependencies) {
  const { request } = createStaffApiClient(dependencies);
  /** @param {string} taskKey */
  const task = (taskKey) => `/tasks/${encodeURIComponent(taskKey)}`;

  return {
    /** @returns {Promise<Me>} */
    me: () => request('GET', '/me'),
    /** @param {TaskQuery} query @returns {Promise<{ tasks: Task[] }>} */
    listTasks(query) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
      return request('GET', `/tasks?${params}`);
    },
    /** @param {string} taskKey @returns {Promise<TaskDetail>} */
    getTask: (taskKey) => request('GET', task(taskKey)),
    /** The engine lists the new task a moment later. @param {NewInternalTask} body @returns {Promise<{ id: string }>} */
    createInternalTask: (body) => request('POST', '/internal-tasks', body),
    /** ISO date-times; null clears a date. @param {string} taskKey @param {{ dueDate: string|null, followUpDate: string|null }} dates */
    setDates: (taskKey, { dueDate, followUpDate }) => request('POST', `${task(taskKey)}/dates`, { dueDate, followUpDate }),
    /** @param {string} taskKey */
    claim: (taskKey) => request('POST', `${task(taskKey)}/claim`),
    /** @param {string} taskKey */
    unclaim: (taskKey) => request('POST', `${task(taskKey)}/unclaim`),
    /** @param {string} taskKey @param {string} assignee a colleague's id */
    assign: (taskKey, assignee) => request('POST', `${task(taskKey)}/assignment`, { assignee }),
    /** @param {string} taskKey @param {Record<string, unknown>} variables the form's data */
    complete: (taskKey, variables) => request('POST', `${task(taskKey)}/completion`, { variables }),
    /** @returns {Promise<{ colleagues: Colleague[] }>} */
    colleagues: () => request('GET', '/colleagues'),
    /** @param {string} taskKey @param {string} text */
    sendMessage: (taskKey, text) => request('POST', `${task(taskKey)}/messages`, { text }),
    /** @param {string} taskKey @param {File} file a PDF */
    uploadDocument: (taskKey, file) => request('POST', `${task(taskKey)}/documents`, file, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(file.name),
    }),
    /** Operators only. @returns {Promise<{ incidents: Incident[] }>} */
    incidents: () => request('GET', '/incidents'),
    /** @param {string} incidentKey */
    retryIncident: (incidentKey) => request('POST', `/incidents/${encodeURIComponent(incidentKey)}/retry`),
  };
}
