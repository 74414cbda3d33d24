// Every route of the OpenAPI document (and the hidden ones beside it) gets inputs generated from
// its own schemas: values the schema accepts but the code or PostgreSQL behind it may not (NUL,
// lone surrogates, year 0000, huge numbers, over-long text), values that break the schema, and
// missing, foreign or forged credentials. Any 5xx is a defect; a 4xx must be problem JSON.
// FUZZ_RUNS (default 12 per route) and FUZZ_SEED make longer or other runs.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mutationOf, valueOf, type JsonSchema, type SchemaLike } from '../support/schema-arbitrary.ts';
import { citizenToken, clientAddress, TEST_PASSWORD } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';
import { orderInAarau } from './support/orders.ts';
import { staffSessionCookie } from './support/staff-login.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

interface Parameter { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema }
interface Operation { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; security?: Record<string, unknown>[] }
interface Route { method: string; path: string; parameters: Parameter[]; body?: { type: string; schema: SchemaLike; alsoMultipart?: boolean }; caller?: Caller }

/** Who sends the request: nobody, a citizen, staff with one role or another, or someone with forged credentials. */
type Caller = 'anonymous' | 'citizen' | 'other-citizen' | 'clerk' | 'finance' | 'modeller' | 'operator' | 'forged';
const CALLERS: readonly Caller[] = ['anonymous', 'citizen', 'other-citizen', 'clerk', 'finance', 'modeller', 'operator', 'forged'];

/** Routes the OpenAPI document hides, with the inputs they read. */
const HIDDEN_ROUTES: Route[] = [
  { method: 'GET', path: '/tasklist/login', parameters: [{ in: 'query', name: 'next', schema: { type: 'string' } }] },
  { method: 'GET', path: '/tasklist/callback', parameters: [{ in: 'query', name: 'code', schema: { type: 'string' } }, { in: 'query', name: 'state', schema: { type: 'string' } }] },
  { method: 'GET', path: '/tasklist/', parameters: [] },
  { method: 'GET', path: '/modeler/', parameters: [] },
  { method: 'GET', path: '/login/agov', parameters: [{ in: 'query', name: 'next', schema: { type: 'string' } }] },
  { method: 'GET', path: '/login/agov/callback', parameters: [{ in: 'query', name: 'code', schema: { type: 'string' } }, { in: 'query', name: 'state', schema: { type: 'string' } }] },
  { method: 'POST', path: '/internal/engine-records', parameters: [], body: { type: 'application/json', schema: { type: 'array', items: { type: 'object' } } } },
];

/** Payrexx's webhook body as it is posted (the document leaves the body open: it is never trusted). */
const WEBHOOK_BODY: JsonSchema = {
  type: 'object', required: ['transaction'],
  properties: { transaction: { type: 'object', required: ['id'], properties: { id: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]{1,20}$' }] }, status: { type: 'string' } } } },
};

/** Whom the route is for, by its security and place: most requests come from them, so that they reach past the login. */
function callerOf(path: string, operation: Operation): Caller | undefined {
  if (operation.security?.some((scheme) => 'bearerAuth' in scheme)) return 'citizen';
  if (path.startsWith('/finance/')) return 'finance';
  if (path.startsWith('/modeler/')) return 'modeller';
  if (path.startsWith('/tasklist/api/incidents')) return 'operator';
  if (path.startsWith('/tasklist/')) return 'clerk';
  return undefined;
}

// Read while the tests are collected: each route is a test of its own.
const openApi = (await callApi<{ paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } }>('GET', '/docs/json')).body;
const credentials = new Map<Caller, Record<string, string>>();
/** Real ids, so that generated requests also reach past the lookups: the fuzz citizen's case, a seeded service. */
let knownIds: string[];

const resolveRef = (ref: string): JsonSchema | undefined => {
  const schemas = openApi.components?.schemas ?? {};
  const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : ref;
  return schemas[name] ?? Object.values(schemas).find((schema) => schema.$id === ref);
};

function routesOf(document: { paths: Record<string, Record<string, Operation>> }): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const [type, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      const caller = callerOf(path, operation);
      // A JSON body that may come as the part "application" of a multipart form too (an application with files).
      const alsoMultipart = type === 'application/json' && operation.requestBody?.content?.['multipart/form-data'] !== undefined;
      const body = path.startsWith('/webhooks/payrexx/') ? { type: 'application/json', schema: WEBHOOK_BODY }
        : type && content?.schema ? { type, schema: content.schema, ...(alsoMultipart ? { alsoMultipart } : {}) } : undefined;
      routes.push({ method: method.toUpperCase(), path, parameters: operation.parameters ?? [], ...(body ? { body } : {}), ...(caller ? { caller } : {}) });
    }
  }
  return [...routes, ...HIDDEN_ROUTES];
}

/** A value the schema accepts, one that may break it, or now and then a real id. */
function inputOf(schema: SchemaLike): fc.Arbitrary<unknown> {
  const options = { resolveRef };
  return fc.oneof(
    { weight: 5, arbitrary: valueOf(schema, options) },
    { weight: 3, arbitrary: mutationOf(schema, options) },
    { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
  );
}

/** Text as a URL or header carries it: lone surrogates made whole, as a browser would. */
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '').toWellFormed();
/** Header values are bytes without line breaks; what a client cannot send is left out. */
const headerText = (value: unknown): string => [...text(value)].filter((char) => char >= ' ' && char <= '~').join('');

interface FuzzRequest { caller: Caller; path: string; query: Record<string, unknown>; headers: Record<string, unknown>; body: unknown; hasBody: boolean; file?: Uint8Array | undefined }

function requestsFor(route: Route): fc.Arbitrary<FuzzRequest> {
  const byPlace = (place: Parameter['in']) => route.parameters.filter((parameter) => parameter.in === place);
  const record = (parameters: Parameter[]) => fc.record(Object.fromEntries(parameters.map((p) => [p.name, inputOf(p.schema)])), {
    requiredKeys: parameters.filter((p) => p.required).map((p) => p.name),
  });
  return fc.record({
    caller: route.caller ? fc.oneof({ weight: 3, arbitrary: fc.constant(route.caller) }, { weight: 2, arbitrary: fc.constantFrom(...CALLERS) }) : fc.constantFrom(...CALLERS),
    path: record(byPlace('path')).map((values) => route.path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(text(values[name] ?? '')))),
    query: record(byPlace('query')),
    headers: record(byPlace('header')),
    body: route.body ? inputOf(route.body.schema) : fc.constant(undefined),
    // Now and then no body at all where one is expected.
    hasBody: route.body ? fc.integer({ min: 0, max: 9 }).map((n) => n > 0) : fc.constant(false),
    // Now and then the body as a multipart form with a file of random bytes, where the route takes one.
    file: route.body?.alsoMultipart ? fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }) : fc.constant(undefined),
  });
}

async function send(route: Route, request: FuzzRequest): Promise<{ status: number; type: string; text: string; url: string }> {
  const url = new URL(request.path, inject('apiUrl'));
  for (const [name, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, text(item));
  }
  const headers: Record<string, string> = {
    // Each request from an address of its own: the fuzz must not use up the rate limits of the tests beside it.
    'x-forwarded-for': clientAddress(randomUUID()),
    ...(credentials.get(request.caller) ?? {}),
    ...Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, headerText(value)])),
  };
  const withBody = route.body !== undefined && request.hasBody;
  const asForm = withBody && request.file !== undefined;
  if (withBody && !asForm) headers['content-type'] = route.body?.type ?? 'application/json';
  const body = !withBody ? undefined : asForm ? formOf(request.body, request.file) : route.body?.type.includes('json') ? JSON.stringify(request.body) ?? 'null' : text(request.body);
  const response = await fetch(url, { method: route.method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: (await response.text()).slice(0, 400), url: url.pathname + url.search };
}

/** The body as multipart: the JSON as the part "application", and one file under a files:: key. */
function formOf(json: unknown, file: Uint8Array | undefined): FormData {
  const form = new FormData();
  form.append('application', JSON.stringify(json) ?? 'null');
  form.append('files::fuzz', new Blob([new Uint8Array(file ?? [])]), 'fuzz.bin');
  return form;
}

beforeAll(async () => {
  const [clerk, finance, modeller, operator] = [
    await staffSessionCookie('sandra.meier'), await staffSessionCookie('franz.finanz'),
    await staffSessionCookie('mara.modell'), await staffSessionCookie('olivia.betrieb'),
  ];
  const staff = (cookie: string) => ({ cookie, 'x-requested-with': 'tasklist' });
  credentials.set('clerk', staff(clerk));
  credentials.set('finance', staff(finance));
  credentials.set('modeller', { cookie: modeller, 'x-requested-with': 'modeler' });
  credentials.set('operator', staff(operator));
  credentials.set('other-citizen', { authorization: `Bearer ${await citizenToken('FuzzOther')}` });
  credentials.set('forged', { authorization: 'Bearer gps_forged', cookie: 'gp_staff=gpm_forged; gp_login=forged' });
  const { caseId } = await orderInAarau('Fuzz');
  knownIds = [caseId, 'aarau', 'residence-certificate', '2251799813685249', randomUUID()];
});

const ROUTES = routesOf(openApi);

describe('the inputs of every route', () => {
  it('when the OpenAPI document is read, then it has the routes the fuzz goes through', () => {
    expect(ROUTES.length).toBeGreaterThan(60);
  });

  for (const [index, route] of ROUTES.entries()) {
    it(`when ${route.method} ${route.path} gets generated input, then it answers without 5xx, refusals as problem JSON`, async () => {
      // A route before may have ended the citizen's session (logout): then a new one.
      await keepCitizenLoggedIn();
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      await fc.assert(fc.asyncProperty(requestsFor(route), async (request) => {
        const answer = await send(route, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = answer.status >= 400 && answer.status < 500 && !answer.type.includes('application/problem+json') && !answer.type.includes('text/html');
        if (answer.status >= 500 || problem) {
          failures.push(`${route.method} ${answer.url} as ${request.caller}: ${answer.status} ${answer.type} ${answer.text}`);
          return false;
        }
        return true;
      }), { seed: SEED + index, numRuns: RUNS, endOnFailure: true }).catch(() => undefined);
      if (process.env.FUZZ_REPORT) console.log(`fuzz ${route.method} ${route.path}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`);
      expect(failures, `${route.method} ${route.path}`).toEqual([]);
    });
  }
});

let fuzzEmail: string | undefined;
/** The fuzz citizen's session, logged in again (after the rate limit's wait, if need be) when a route has ended it. */
async function keepCitizenLoggedIn(): Promise<void> {
  const current = credentials.get('citizen')?.authorization ?? `Bearer ${await citizenToken('Fuzz')}`;
  const account = await callApi<{ email: string }>('GET', '/account', { headers: { authorization: current } });
  if (account.status === 200) {
    fuzzEmail ??= account.body.email;
    credentials.set('citizen', { authorization: current });
    return;
  }
  if (!fuzzEmail) throw new Error('the fuzz citizen\'s address is not known');
  const email = fuzzEmail;
  const token = await eventually(async () => {
    const login = await callApi<{ token: string }>('POST', '/sessions', { headers: { 'x-forwarded-for': clientAddress(email) }, body: { email, password: TEST_PASSWORD } });
    return login.status === 201 ? login.body.token : undefined;
  }, 'a new session of the fuzz citizen');
  credentials.set('citizen', { authorization: `Bearer ${token}` });
}
