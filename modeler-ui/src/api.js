/**
 * A refusal or failure of the modeller's API, carrying its RFC 9457 problem document
 * (with `findings` when a deployment is refused for lint errors).
 */
export class ProblemError extends Error {
  constructor(problem) {
    super(problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
  }
}

/**
 * The modeller's JSON API. Every change carries `x-requested-with: modeler` (CSRF); on 401 it
 * leaves for the login.
 * @param {{ fetch: typeof globalThis.fetch, onUnauthorized: () => void }} dependencies
 */
export function createModelerApi({ fetch, onUnauthorized }) {
  async function request(method, path, body) {
    const headers = { accept: 'application/json, application/problem+json' };
    if (method !== 'GET') headers['x-requested-with'] = 'modeler';
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(`/modeler/api${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ProblemError({ title: 'Keine Verbindung zum Server', status: 0 });
    }
    if (response.status === 401) {
      onUnauthorized();
      throw new ProblemError({ title: 'Sitzung abgelaufen', status: 401 });
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ProblemError(json ?? { title: `HTTP ${response.status}`, status: response.status });
    return json;
  }
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
