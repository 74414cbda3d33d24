import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { callApi, eventually } from './support/http.ts';
import { accountIdOf, citizenToken } from './support/citizens.ts';
import { payCase } from './support/payments.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const resident = SEEDED_RESIDENTS.lenzburgMain;
const validApplication = () => ({
  serviceId: 'residence-certificate',
  municipalityId: 'lenzburg',
  language: 'de',
  applicant: { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth },
});

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

const casesOf = async (citizen: string) => Number((await db('cases').where({ citizen_id: await accountIdOf(citizen) }).count<{ count: string }[]>('*'))[0]?.count);

describe('POST /applications refuses bad input', () => {
  const withApplicant = (applicant: Record<string, unknown>) => ({ ...validApplication(), applicant: { ...validApplication().applicant, ...applicant } });
  const { applicant: _dropped, ...withoutApplicant } = validApplication();
  /** The application through the start form: the valid applicant, changed or joined by `data`. */
  const withData = (data: Record<string, unknown>) => ({ ...withoutApplicant, data: { applicant: validApplication().applicant, ...data } });

  it.each([
    ['a missing last name', withApplicant({ lastName: undefined }), 400, '/body/applicant/lastName'],
    ['an impossible date of birth', withApplicant({ dateOfBirth: '1985-02-30' }), 400, '/body/applicant/dateOfBirth'],
    ['a date of birth in the future', withApplicant({ dateOfBirth: '2999-01-01' }), 400, '/body/applicant/dateOfBirth'],
    ['a date of birth that is no date', withApplicant({ dateOfBirth: '14.03.1985' }), 400, '/body/applicant/dateOfBirth'],
    ['an unsupported language', { ...validApplication(), language: 'rm' }, 400, '/body/language'],
    ['an unknown field', { ...validApplication(), admin: true }, 400, '/body/admin'],
    ['no applicant', withoutApplicant, 400, '/body/data/applicant/lastName'],
    ['data missing a required field', withData({ applicant: { firstName: 'Anna', dateOfBirth: '1985-03-14' } }), 400, '/body/data/applicant/lastName'],
    ['data with a name against the form\'s pattern', withData({ applicant: { firstName: '<b>', lastName: 'Muster', dateOfBirth: '1985-03-14' } }), 400, '/body/data/applicant/firstName'],
    ['data choosing a payment method the form does not offer', withData({ paymentMethod: 'cash' }), 400, '/body/data/paymentMethod'],
    ['data with a field the form does not have', withData({ nickname: 'Anni' }), 400, '/body/data/nickname'],
    ['data with a date of birth that is no date', withData({ applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: 1985 } }), 400, '/body/data/applicant/dateOfBirth'],
    ['an unknown municipality', { ...validApplication(), municipalityId: 'atlantis' }, 400, '/body/municipalityId'],
    ['a municipality that does not take part', { ...validApplication(), municipalityId: 'wohlen' }, 422, '/body/municipalityId'],
    ['a service the municipality does not offer', { ...validApplication(), serviceId: 'dog-licence' }, 422, '/body/serviceId'],
  ])('when the application has %s, then the answer is a problem naming the field and nothing is stored', async (_what, body, status, pointer) => {
    const citizen = `citizen-bad-input-${pointer}`;
    const response = await callApi<Body>('POST', '/applications', { token: await citizenToken(citizen), body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(status);
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await casesOf(citizen)).toBe(0);
  });

  it('when the body is not JSON, then the answer is 400 and nothing is stored', async () => {
    const response = await fetch(new URL('/applications', inject('apiUrl')), {
      method: 'POST', headers: { authorization: `Bearer ${await citizenToken('citizen-broken-json')}`, 'content-type': 'application/json' }, body: '{"serviceId":',
    });
    expect(response.status).toBe(400);
    expect(await casesOf('citizen-broken-json')).toBe(0);
  });

  it.each([
    ['no token', undefined],
    ['a token signed with another secret', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5IiwiaXNzIjoiZ2VtZWluZGVwb3J0YWwifQ.c2lnbmF0dXJl'],
  ])('when the request has %s, then it is refused with 401', async (_what, token) => {
    const response = await callApi<Body>('POST', '/applications', { ...(token ? { token } : {}), body: validApplication() });
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:gemeindeportal:problem:unauthenticated');
  });
});

describe('POST /applications with an Idempotency-Key', () => {
  it('when the same application is submitted twice, then there is one case and the second answer replays it', async () => {
    const token = await citizenToken('citizen-double-click');
    const headers = { 'idempotency-key': 'order-4711' };
    const first = await callApi<Body>('POST', '/applications', { token, body: validApplication(), headers });
    const second = await callApi<Body>('POST', '/applications', { token, body: validApplication(), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(await casesOf('citizen-double-click')).toBe(1);
  });

  it('when two identical submits race, then exactly one case and one process exist', async () => {
    const token = await citizenToken('citizen-race');
    const headers = { 'idempotency-key': 'race-1' };
    const answers = await Promise.all([1, 2, 3].map(() => callApi<Body>('POST', '/applications', { token, body: validApplication(), headers })));
    const ids = new Set(answers.filter((a) => a.status < 300).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const rows = await db('cases').where({ citizen_id: await accountIdOf('citizen-race') }).whereNotNull('process_instance_key');
    expect(rows).toHaveLength(1);
  });

  it('when the key is reused for a different application, then it is refused and the first case stays as it was', async () => {
    const token = await citizenToken('citizen-key-reuse');
    const headers = { 'idempotency-key': 'order-1' };
    const first = await callApi<Body>('POST', '/applications', { token, body: validApplication(), headers });
    const other = await callApi<Body>('POST', '/applications', { token, body: { ...validApplication(), language: 'fr' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:gemeindeportal:problem:idempotency-key-reused');
    const stored = await callApi<Body>('GET', `/cases/${first.body.id}`, { token });
    expect(stored.body.language).toBe('de');
    expect(await casesOf('citizen-key-reuse')).toBe(1);
  });
});

describe('a citizen sees only their own cases and documents', () => {
  it("when another citizen asks for a case or its certificate, then the answer is 404 as for a case that does not exist", async () => {
    const owner = await citizenToken('citizen-owner');
    const intruder = await citizenToken('citizen-intruder');
    const created = await callApi<Body>('POST', '/applications', { token: owner, body: validApplication() });
    await payCase(owner, created.body.id);
    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${created.body.id}`, { token: owner });
      return body.state === 'completed' && body.documents.length === 1 ? body : undefined;
    }, 'the certificate');

    const foreignCase = await callApi<Body>('GET', `/cases/${created.body.id}`, { token: intruder });
    const missingCase = await callApi<Body>('GET', '/cases/00000000-0000-4000-8000-000000000000', { token: intruder });
    expect(foreignCase.status).toBe(404);
    expect(foreignCase.body.title).toBe(missingCase.body.title);
    expect((await callApi('GET', done.documents[0].href, { token: intruder })).status).toBe(404);
    expect((await callApi('GET', done.documents[0].href, { token: owner })).status).toBe(200);

    const list = await callApi<Body>('GET', '/cases', { token: intruder });
    expect(list.body.cases.map((c: Body) => c.id)).not.toContain(created.body.id);
    const own = await callApi<Body>('GET', '/cases', { token: owner });
    expect(own.body.cases.map((c: Body) => c.id)).toContain(created.body.id);
  });

  it('when a case id is not a UUID, then the answer is 400 naming the parameter', async () => {
    const response = await callApi<Body>('GET', '/cases/1%20or%201=1', { token: await citizenToken('citizen-sql') });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].pointer).toBe('/params/id');
  });
});

describe('catalogue, documentation and health', () => {
  it('when a citizen picks a municipality, then they see whether and at what fee it offers the service (SVC-4)', async () => {
    const aarau = await callApi<Body>('GET', '/municipalities/aarau/services');
    expect(aarau.body.municipality).toEqual({ id: 'aarau', name: 'Aarau', participates: true });
    // Other test files may add services of their own to Aarau's catalogue meanwhile.
    expect(aarau.body.services).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'residence-certificate', feeRappen: 2000, name: expect.objectContaining({ de: 'Hauptwohnsitzbescheinigung' }) })]));
    const wohlen = await callApi<Body>('GET', '/municipalities/wohlen/services');
    expect(wohlen.body).toMatchObject({ municipality: { participates: false }, services: [] });
    expect((await callApi('GET', '/municipalities/atlantis/services')).status).toBe(404);
  });

  it('when a citizen picks a service, then its package describes it: what it is, the documents it issues, how it may be paid there (SVC-4)', async () => {
    const service = async (municipality: string, id: string) =>
      (await callApi<Body>('GET', `/municipalities/${municipality}/services`)).body.services.find((s: Body) => s.id === id);
    expect(await service('aarau', 'residence-certificate')).toMatchObject({
      description: expect.objectContaining({ de: expect.stringContaining('Hauptwohnsitz'), fr: expect.stringContaining('domicile principal') }),
      documents: [{ kind: 'residence-certificate', name: expect.objectContaining({ de: 'Wohnsitzbescheinigung' }) }],
      paymentMethods: ['online', 'invoice'],
    });
    // Brugg has no creditor for QR-bills: online only. The contact-data change is free: nothing to pay, no document.
    expect((await service('brugg', 'residence-certificate')).paymentMethods).toEqual(['online']);
    expect(await service('aarau', 'contact-data-change')).toMatchObject({ paymentMethods: [], documents: [] });
  });

  it('when a portal front end opens a service, then it gets the start form from the service\'s package to render with form-js', async () => {
    const form = await callApi<Body>('GET', '/services/residence-certificate/form');
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ id: 'residence-certificate-start', type: 'default' });
    expect(form.body.components).toContainEqual(expect.objectContaining({ type: 'group', path: 'applicant' }));
    expect((await callApi<Body>('GET', '/services/contact-data-change/form')).body.id).toBe('contact-data-change-start');
    // As a municipality shows it: Brugg has no creditor for QR-bills, so its form offers online payment only.
    const offeredIn = async (municipality: string) => (await callApi<Body>('GET', `/services/residence-certificate/form?municipality=${municipality}`))
      .body.components.find((c: Body) => c.key === 'paymentMethod').values.map((v: Body) => v.value);
    expect(await offeredIn('brugg')).toEqual(['online']);
    expect(await offeredIn('aarau')).toEqual(['online', 'invoice']);
    const unknown = await callApi<Body>('GET', '/services/residence-certificate/form?municipality=atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ pointer: '/querystring/municipality', detail: 'is not a known municipality' }]);
    const missing = await callApi<Body>('GET', '/services/no-such-service/form');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: 'urn:gemeindeportal:problem:start-form-not-found', errors: [{ pointer: '/params/id' }] });
  });

  it('when a logged-in citizen opens a start form, then its data comes pre-filled from the account, with what they gave so far', async () => {
    const token = await citizenToken('citizen-form-data');
    const opened = await callApi<Body>('POST', '/services/residence-certificate/form-data', {
      token, body: { municipalityId: 'aarau', language: 'de', data: { applicant: { dateOfBirth: '1985-03-14' } } },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.data).toEqual({ applicant: { firstName: 'Test', lastName: 'citizen-form-data', dateOfBirth: '1985-03-14' } });
    const unknown = await callApi<Body>('POST', '/services/no-such-service/form-data', { token, body: { municipalityId: 'aarau', language: 'de' } });
    expect(unknown.status).toBe(404);
    expect((await callApi<Body>('POST', '/services/residence-certificate/form-data', { body: { municipalityId: 'aarau', language: 'de' } })).status).toBe(401);
    const badLanguage = await callApi<Body>('POST', '/services/residence-certificate/form-data', { token, body: { municipalityId: 'aarau', language: 'rm' } });
    expect(badLanguage.body.errors.map((e: Body) => e.pointer)).toContain('/body/language');
  });

  it('when the OpenAPI document is read, then every public route is described with its schemas', async () => {
    const { body } = await callApi<Body>('GET', '/docs/json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/applications', '/cases', '/cases/{id}', '/documents/{id}', '/municipalities/{id}/services']));
    expect(Object.keys(body.paths)).not.toContain('/internal/engine-records');
    expect(body.paths['/applications'].post.requestBody).toBeDefined();
  });

  it('when liveness and readiness are asked, then both answer up with database and engine checked', async () => {
    expect((await callApi<Body>('GET', '/health/live')).body.status).toBe('up');
    const ready = await callApi<Body>('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'up', engine: 'up' });
  });

  it('when someone posts engine records without the exporter token, then nothing is projected', async () => {
    const forged = [{ partitionId: 1, position: 1, key: 1, timestamp: 0, valueType: 'INCIDENT', intent: 'CREATED', recordType: 'EVENT',
      value: { processInstanceKey: 1, elementId: 'x', errorType: 'X', errorMessage: 'forged' } }];
    const response = await callApi('POST', '/internal/engine-records', { body: forged, headers: { authorization: 'Bearer wrong' } });
    expect(response.status).toBe(401);
    expect(await db('incidents').where({ error_message: 'forged' })).toEqual([]);
  });

  it('when a body is larger than the route takes or not JSON, then 413 or 400 says so as problem JSON', async () => {
    const large = await fetch(new URL('/sessions', inject('apiUrl')), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.ch', password: 'x'.repeat(100_000) }),
    });
    expect(large.status).toBe(413);
    expect(large.headers.get('content-type')).toContain('application/problem+json');
    expect(await large.json()).toMatchObject({ type: 'urn:gemeindeportal:problem:body-too-large', title: 'Die Anfrage ist zu gross.' });
    const broken = await fetch(new URL('/sessions', inject('apiUrl')), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ errors: [{ pointer: '/body', detail: 'is not valid JSON' }] });
  });

  it('when someone posts an unreadable body to the engine records without the token, then the token is refused before the body is parsed', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }]) {
      const response = await fetch(new URL('/internal/engine-records', inject('apiUrl')), {
        method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"not": "records"',
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ type: 'urn:gemeindeportal:problem:unauthenticated' });
    }
  });
});
