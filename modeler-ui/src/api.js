import { createApiClient } from '../../browser-shared/api-client.js';

/**
 * The modeller's JSON API. Every change carries `x-requested-with: modeler` (CSRF); on 401 it
 * leaves for the login. A refusal throws a ProblemError, whose problem has `findings` when a
 * deployment is refused for lint errors.
 * @param {{ fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export function createModelerApi({ fetch, onUnauthorized }) {
  const { request } = createApiClient({ baseUrl: '/modeler/api', requestedWith: 'modeler', fetch, onUnauthorized });
  const service = (id) => `/services/${encodeURIComponent(id)}`;
  return {
    me: () => request('GET', '/me'),
    services: () => request('GET', '/services'),
    elementTemplates: () => request('GET', '/element-templates'),
    version: (serviceId, version = 'latest') => request('GET', `${service(serviceId)}/versions/${version}`),
    draft: (serviceId) => request('GET', `${service(serviceId)}/draft`),
    saveDraft: (serviceId, draft) => request('PUT', `${service(serviceId)}/draft`, draft),
    changes: (serviceId) => request('GET', `${service(serviceId)}/draft/changes`),
    deploy: (serviceId, revision) => request('POST', `${service(serviceId)}/deployments`, { revision }),
  };
}
