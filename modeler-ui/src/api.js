import { createApiClient } from '../../browser-shared/api-client.js';

/**
 * A form-js schema, by form id: the forms a service's diagram links.
 * @typedef {Record<string, object>} FormSchemas
 * @typedef {{ version: number, runningInstances: number, deployedBy: { id: string, name: string } | null, deployedAt: string | null }} ServiceVersion
 * A service: registered, or new (`isNew`: made in the modeller, its draft not deployed yet).
 * @typedef {{ serviceId: string, bpmnProcessId: string, name: string, isNew: boolean, versions: ServiceVersion[],
 *   draft: { revision: number, basedOnVersion: number | null, authorName: string, savedAt: string } | null }} Service
 * @typedef {{ version: number, processDefinitionKey: string, bpmnXml: string, forms: FormSchemas }} DeployedContent
 * @typedef {{ de: string, fr: string, it: string, en: string }} Texts4
 * A service package's manifest (processes/<id>/service.yaml; the server checks it against its schema).
 * @typedef {{ id: string, bpmnProcessId: string, names: Texts4, descriptions: Texts4,
 *   keywords: { de: string[], fr: string[], it: string[], en: string[] }, audience: 'personal' | 'organisation' | 'both',
 *   responsibility: { level: 'municipality' | 'canton' } | { level: 'institution', institutionKind: 'debt-enforcement-office' | 'civil-registry-office' },
 *   fee: { defaultRappen: number }, payment: { methods: Array<'online' | 'invoice'> }, documents: Array<{ kind: string, names: Texts4 }>,
 *   expectedProcessingDays: number, startForm?: string, [more: string]: unknown }} Manifest
 * @typedef {{ bpmnProcessId: string, bpmnXml: string, forms: FormSchemas, manifest: Manifest | null, revision: number, basedOnVersion: number | null,
 *   authorId: string, authorName: string, savedAt: string }} Draft
 * @typedef {{ bpmnXml: string, forms: FormSchemas, baseRevision: number, basedOnVersion: number | null, manifest?: Manifest }} DraftInput
 * @typedef {{ elementId: string, name: string | null, type: string, change: 'added' | 'removed' | 'changed' | 'moved',
 *   attributes: Array<{ name: string, before: unknown, after: unknown }> }} ElementChange
 * @typedef {{ elementId: string, rule: string, message: string, severity: 'error' | 'warning' | 'info' }} LintFinding
 * @typedef {{ id: string, name: string, mayDeploy: boolean }} Me
 */

/**
 * The modeller's JSON API. Every change carries `x-requested-with: modeler` (CSRF); on 401 it
 * leaves for the login. A refusal throws a ProblemError, whose problem has `findings`
 * (LintFinding[]) when a deployment is refused for lint errors.
 * @param {{ fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export function createModelerApi({ fetch, onUnauthorized }) {
  const { request } = createApiClient({ baseUrl: '/modeler/api', requestedWith: 'modeler', fetch, onUnauthorized });
  /** @param {string} id */
  const service = (id) => `/services/${encodeURIComponent(id)}`;
  return {
    /** @returns {Promise<Me>} */
    me: () => request('GET', '/me'),
    /** @returns {Promise<{ services: Service[] }>} */
    services: () => request('GET', '/services'),
    /** A new service's draft from its manifest. @param {Manifest} manifest @returns {Promise<{ serviceId: string, revision: number, savedAt: string, authorName: string }>} */
    createService: (manifest) => request('POST', '/services', { manifest }),
    /** The connector tasks' element templates (JSON documents the properties panel reads). @returns {Promise<object[]>} */
    elementTemplates: () => request('GET', '/element-templates'),
    /** @param {string} serviceId @param {number | 'latest'} [version] @returns {Promise<DeployedContent>} */
    version: (serviceId, version = 'latest') => request('GET', `${service(serviceId)}/versions/${version}`),
    /** @param {string} serviceId @returns {Promise<Draft>} */
    draft: (serviceId) => request('GET', `${service(serviceId)}/draft`),
    /** @param {string} serviceId @param {DraftInput} draft @returns {Promise<{ revision: number, savedAt: string, authorName: string }>} */
    saveDraft: (serviceId, draft) => request('PUT', `${service(serviceId)}/draft`, draft),
    /** @param {string} serviceId @returns {Promise<{ version: number, revision: number, changes: ElementChange[] }>} */
    changes: (serviceId) => request('GET', `${service(serviceId)}/draft/changes`),
    /** @param {string} serviceId @param {number} revision @returns {Promise<{ version: number, processDefinitionKey: string, warnings: LintFinding[], tookMs: number }>} */
    deploy: (serviceId, revision) => request('POST', `${service(serviceId)}/deployments`, { revision }),
  };
}
