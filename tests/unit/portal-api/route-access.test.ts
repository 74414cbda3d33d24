// Who may call what is decided by the folder a route file is in (portal-api/routes/*/autohooks.ts):
// checked on the real app through app.inject, with stand-ins for everything behind the routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, standIn, type TestApp } from '../../support/build-test-app.ts';
import type { CasesRepository } from '../../../core/db/cases-repository.ts';
import type { CatalogueRepository } from '../../../core/db/catalogue-repository.ts';
import type { PaymentsRepository } from '../../../core/db/payments-repository.ts';
import type { TasksRepository } from '../../../core/db/tasks-repository.ts';
import type { ProcessModeller } from '../../../core/modeller/process-modeller.ts';

const PROBLEM = 'application/problem+json';
const problemType = (name: string) => `urn:gemeindeportal:problem:${name}`;
const AARAU = { id: 'aarau', name: 'Aarau', participates: true };

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp({
    deps: {
      cases: standIn<CasesRepository>('cases', { listOfCitizen: async () => [] }),
      catalogue: standIn<CatalogueRepository>('catalogue', {
        findMunicipality: async (id) => (id === 'aarau' ? { ...AARAU } as Awaited<ReturnType<CatalogueRepository['findMunicipality']>> : undefined),
        listOfferings: async () => [],
      }),
      payments: standIn<PaymentsRepository>('payments', { listOpenInvoices: async () => [] }),
      modeler: { modeller: standIn<ProcessModeller>('modeller', { listServices: async () => [] }), bundle: async () => ({ js: '', css: '', chunks: new Map(), builtInMs: 0 }) },
    },
    tasklist: { tasks: standIn<TasksRepository>('tasks', { list: async () => [], find: async () => undefined }) },
  });
});
afterAll(() => test.app.close());

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('routes/public: anyone', () => {
  it('when nobody is logged in, then a public route answers', async () => {
    expect((await inject('GET', '/health/live')).json()).toEqual({ status: 'up' });
    const unknown = await inject('GET', '/municipalities/atlantis/services');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe(problemType('municipality-not-found'));
  });

  it('when nobody is logged in, then the staff logout is there too and sends the browser on', async () => {
    const response = await inject('GET', '/tasklist/logout');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/tasklist/logged-out');
  });
});

describe('routes/citizen: the bearer token\'s owner', () => {
  it('when a citizen route is called without a bearer token, then it answers 401 problem JSON', async () => {
    for (const url of ['/cases', '/account', '/sessions']) {
      const response = await inject('GET', url);
      expect(response.statusCode, url).toBe(401);
      expect(response.headers['content-type']).toContain(PROBLEM);
      expect(response.json()).toMatchObject({ type: problemType('unauthenticated'), status: 401, instance: url });
    }
  });

  it('when the bearer token is unknown or a staff cookie comes instead, then it answers 401', async () => {
    expect((await inject('GET', '/cases', { authorization: 'Bearer gps_unknown' })).statusCode).toBe(401);
    expect((await inject('GET', '/cases', { cookie: test.staff(['clerk']).cookie })).statusCode).toBe(401);
  });

  it('when the token is a live session, then the route runs for its account', async () => {
    const response = await inject('GET', '/cases', { authorization: test.citizen().authorization });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ cases: [] });
  });

  it('when the request is malformed, then it is told so before the token is looked at, as before the folder hooks', async () => {
    const response = await inject('GET', '/cases?limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe(problemType('validation'));
  });
});

describe('routes/staff: a staff session, and per folder a marker and a role', () => {
  it('when a staff route is called without a session, then it answers 401', async () => {
    for (const url of ['/tasklist/api/tasks', '/modeler/api/services', '/finance/municipalities/aarau/open-invoices']) {
      const response = await inject('GET', url, { authorization: test.citizen().authorization });
      expect(response.statusCode, url).toBe(401);
      expect(response.json()).toMatchObject({ type: problemType('unauthenticated'), detail: 'Bitte melden Sie sich an.' });
    }
  });

  it('when a clerk reads tasks, then the route runs', async () => {
    const response = await inject('GET', '/tasklist/api/tasks', { cookie: test.staff(['clerk']).cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ tasks: [] });
  });

  it('when a change comes without its page\'s marker, then it answers 403, and with it the route runs', async () => {
    const { cookie } = test.staff(['clerk']);
    const unmarked = await inject('POST', '/tasklist/api/tasks/123/claim', { cookie });
    expect(unmarked.statusCode).toBe(403);
    expect(unmarked.json()).toMatchObject({ type: problemType('forbidden'), detail: 'Der Anfrage fehlt die Kennzeichnung der Aufgabenliste.' });
    // The modeller's marker is not the tasklist's.
    expect((await inject('POST', '/tasklist/api/tasks/123/claim', { cookie, 'x-requested-with': 'modeler' })).statusCode).toBe(403);
    const marked = await inject('POST', '/tasklist/api/tasks/123/claim', { cookie, 'x-requested-with': 'tasklist' });
    expect(marked.statusCode).toBe(404);
    expect(marked.json().type).toBe(problemType('task-not-found'));
  });

  it('when a clerk without the role asks for incidents, finance reports or a modeller change, then each answers 403 naming why', async () => {
    const { cookie } = test.staff(['clerk']);
    const incidents = await inject('GET', '/tasklist/api/incidents', { cookie });
    expect(incidents.statusCode).toBe(403);
    expect(incidents.json().detail).toBe('Störungen sehen nur Betriebsverantwortliche.');
    const finance = await inject('GET', '/finance/municipalities/aarau/open-invoices', { cookie });
    expect(finance.statusCode).toBe(403);
    expect(finance.json().type).toBe(problemType('finance-role-required'));
    const draft = { bpmnXml: '<x/>', forms: {}, baseRevision: 0, basedOnVersion: null };
    const saved = await inject('PUT', '/modeler/api/services/svc/draft', { cookie, 'x-requested-with': 'modeler' }, draft);
    expect(saved.statusCode).toBe(403);
    expect(saved.json().type).toBe(problemType('modeller-role-required'));
  });

  it('when the finance department asks for another municipality, then it answers 403, and for its own the route runs', async () => {
    const { cookie } = test.staff(['finance'], ['aarau']);
    const other = await inject('GET', '/finance/municipalities/baden/open-invoices', { cookie });
    expect(other.statusCode).toBe(403);
    expect(other.json().type).toBe(problemType('municipality-not-yours'));
    const own = await inject('GET', '/finance/municipalities/aarau/open-invoices', { cookie });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ invoices: [] });
  });

  it('when any staff member reads the modeller\'s services, then no role is needed', async () => {
    const response = await inject('GET', '/modeler/api/services', { cookie: test.staff(['clerk']).cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ services: [] });
  });
});

describe('optional parts', () => {
  it('when the app is built without organisations and drafts, then their routes are not there', async () => {
    const { authorization } = test.citizen();
    expect((await inject('GET', '/organisations', { authorization })).statusCode).toBe(404);
    expect((await inject('GET', '/drafts', { authorization })).statusCode).toBe(404);
    expect((await inject('GET', '/login/agov')).statusCode).toBe(404);
  });
});
