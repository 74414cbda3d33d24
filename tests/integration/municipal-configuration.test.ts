/**
 * A municipality's configuration by its administrator (ADM-3, SVC-3, PAY-3), over HTTP with real
 * staff logins at the development directory: anna.admin (Aarau) offers a service, changes its fee
 * and settings, and the public catalogue and the next case's process variables follow; she
 * withdraws it and applications are refused. Every change is in the history, none twice. Everyone
 * else is refused. The service is one of this file's own (a probe process that only shows its
 * variables), so that no other test's fees change under it; Wohlen's administrator changes
 * Wohlen's creditor and back office, which no other test uses.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createZeebeClient } from '../../core/engine/engine-client.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { citizenToken } from './support/citizens.ts';
import { callApi } from './support/http.ts';
import { staffHeaders, staffSessionCookie } from './support/staff-login.ts';
import { variablesOfProbeJob } from './support/probe-jobs.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const PROBE = `settings-probe-${randomUUID().slice(0, 8)}`;
const PROBE_JOB = 'test-municipal-settings-probe';
const SETTINGS = {
  maxInstalments: {
    type: 'integer', default: 12, minimum: 2, maximum: 24,
    names: { de: 'Höchstzahl der Raten', fr: 'Nombre maximal de versements', it: 'Numero massimo di rate', en: 'Maximum number of instalments' },
  },
  reviewAlways: {
    type: 'boolean', default: false,
    names: { de: 'Immer prüfen lassen', fr: 'Toujours faire vérifier', it: 'Far sempre verificare', en: 'Always reviewed' },
  },
};
const AARAU = '/administration/municipalities/aarau';
const offering = (changes: Body = {}) => ({
  offered: true, feeRappen: 3500, paymentAccount: '4001-4210.05', bookingText: 'Testdienst Aarau', invoiceAllowed: true,
  candidateGroup: '4001-finanzen', settings: { maxInstalments: 6 }, ...changes,
});

let db: Knex;
let zeebe: ReturnType<typeof createZeebeClient>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  zeebe = createZeebeClient({ grpcAddress: inject('engineGrpcAddress'), restAddress: inject('engineRestUrl') });
  await zeebe.deployResource({ processFilename: 'tests/integration/fixtures/municipal-settings-probe.bpmn' });
  // A package as the platform registers it, with settings and the residence certificate's start form; no municipality offers it yet.
  const { start_form: startForm } = await db('services').where({ id: 'residence-certificate' }).first('start_form');
  await db('services').insert({
    id: PROBE, bpmn_process_id: 'test-municipal-settings-probe', expected_processing_days: 3, audience: 'personal', start_form: JSON.stringify(startForm),
    names: JSON.stringify({ de: 'Testdienst mit Einstellungen', fr: 'Service de test', it: 'Servizio di prova', en: 'Test service with settings' }),
    payment_methods: JSON.stringify(['online', 'invoice']), settings: JSON.stringify(SETTINGS),
  });
  for (const username of ['anna.admin', 'sandra.meier', 'franz.finanz', 'wendy.admin']) cookies[username] = await staffSessionCookie(username);
});
afterAll(async () => {
  await db?.destroy();
  await zeebe?.close();
});

const asStaff = (username: string) => ({ headers: staffHeaders(cookies[username] ?? '') });
const configuration = async () => (await callApi<Body>('GET', `${AARAU}/configuration`, asStaff('anna.admin'))).body;
const probeOf = (config: Body): Body => (config.offerings as Body[]).find((o) => o.serviceId === PROBE) ?? {};
const historyOf = async (path: string, username: string, subject: string): Promise<Body[]> =>
  ((await callApi<Body>('GET', `${path}/changes?limit=200`, asStaff(username))).body.changes as Body[]).filter((c) => c.subject === subject);

const variablesOfCase = (caseId: string): Promise<Body> => variablesOfProbeJob(zeebe, PROBE_JOB, caseId);

describe('who may configure a municipality', () => {
  const calls: [string, string, Body | undefined][] = [
    ['GET', `${AARAU}/configuration`, undefined],
    ['PUT', `${AARAU}/offerings/${PROBE}`, offering()],
    ['PATCH', AARAU, { backOfficeVendor: 'talus' }],
    ['GET', `${AARAU}/changes`, undefined],
  ];
  const callers: [string, () => Promise<Record<string, string>>, number, string][] = [
    ['nobody logged in', async () => ({ 'x-requested-with': 'tasklist' }), 401, 'unauthenticated'],
    ['a citizen\'s bearer token', async () => ({ authorization: `Bearer ${await citizenToken('AdminRefused')}`, 'x-requested-with': 'tasklist' }), 401, 'unauthenticated'],
    ['a clerk of Aarau', async () => staffHeaders(cookies['sandra.meier'] ?? ''), 403, 'municipal-admin-role-required'],
    ['Aarau\'s finance clerk', async () => staffHeaders(cookies['franz.finanz'] ?? ''), 403, 'municipal-admin-role-required'],
    ['Wohlen\'s administrator', async () => staffHeaders(cookies['wendy.admin'] ?? ''), 403, 'municipality-not-yours'],
  ];

  for (const [who, headers, status, code] of callers) {
    it(`when ${who} calls Aarau's configuration, then every call is refused with ${status} ${code} and nothing changes`, async () => {
      for (const [method, path, body] of calls) {
        const answer = await callApi<Body>(method, path, { headers: await headers(), ...(body ? { body } : {}) });
        expect(answer.status, `${method} ${path}`).toBe(status);
        expect(answer.body.type, `${method} ${path}`).toBe(`urn:gemeindeportal:problem:${code}`);
      }
      const config = await configuration();
      expect(probeOf(config).offered).toBe(false);
      expect(config.backOffice.vendor).toBe('dialog');
    });
  }

  it('when Aarau\'s administrator changes without the tasklist\'s marker, then it is refused (CSRF) and nothing changes', async () => {
    const answer = await callApi<Body>('PUT', `${AARAU}/offerings/${PROBE}`, { headers: { cookie: cookies['anna.admin'] ?? '' }, body: offering() });
    expect(answer.status).toBe(403);
    expect(probeOf(await configuration()).offered).toBe(false);
  });
});

describe('Aarau\'s administrator configures an offering', () => {
  it('when anna.admin reads the configuration, then every registered service shows with the package\'s settings in four languages, the payment set-up without secrets and the back office', async () => {
    const config = await configuration();
    expect(config.municipality).toEqual({ id: 'aarau', name: 'Aarau', bfsNumber: 4001, participates: true });
    expect(config.payment).toEqual({
      payrexxInstance: 'gemeinde-aarau',
      creditor: { name: 'Gemeinde Aarau', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau', iban: 'CH4431999123000889012', qrIban: true },
    });
    expect(config.backOffice.vendor).toBe('dialog');
    expect(config.backOffice.vendors.map((v: Body) => v.id)).toEqual(expect.arrayContaining(['dialog', 'hurlimann', 'obt', 'talus', 'vemag']));
    const certificate = (config.offerings as Body[]).find((o) => o.serviceId === 'residence-certificate');
    expect(certificate).toMatchObject({
      offered: true, feeRappen: 2000, paymentAccount: '4001-4260.01', bookingText: 'Wohnsitzbescheinigung Aarau', invoiceAllowed: true, candidateGroup: '4001-einwohnerkontrolle',
    });
    expect(certificate?.homepageLink).toMatch(/^https?:\/\/[^/]+\/dienste\/residence-certificate\?gemeinde=aarau$/);
    expect(probeOf(config)).toMatchObject({ offered: false, feeRappen: null, homepageLink: null, packagePaymentMethods: ['online', 'invoice'] });
    expect(probeOf(config).settings).toEqual([
      { name: 'maxInstalments', ...SETTINGS.maxInstalments, value: null, effective: 12 },
      { name: 'reviewAlways', ...SETTINGS.reviewAlways, value: null, effective: false },
    ]);
    expect(JSON.stringify(config)).not.toMatch(/CREDENTIAL|API_KEY|credentialRef/);
  });

  it('when she offers the service, then changes its fee and settings, then the catalogue shows the new fee and a new case starts with the new settings', async () => {
    const offered = await callApi<Body>('PUT', `${AARAU}/offerings/${PROBE}`, { ...asStaff('anna.admin'), body: offering() });
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);
    expect(probeOf(offered.body).homepageLink).toMatch(new RegExp(`/dienste/${PROBE}\\?gemeinde=aarau$`));
    const changed = await callApi<Body>('PUT', `${AARAU}/offerings/${PROBE}`, { ...asStaff('anna.admin'), body: offering({ feeRappen: 4200, settings: { maxInstalments: 9, reviewAlways: true } }) });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(probeOf(changed.body)).toMatchObject({ offered: true, feeRappen: 4200, invoiceAllowed: true, candidateGroup: '4001-finanzen' });
    expect(probeOf(changed.body).settings.map((s: Body) => [s.name, s.value, s.effective])).toEqual([['maxInstalments', 9, 9], ['reviewAlways', true, true]]);

    const catalogue = await callApi<Body>('GET', '/municipalities/aarau/services');
    expect((catalogue.body.services as Body[]).find((s) => s.id === PROBE)).toMatchObject({ feeRappen: 4200, paymentMethods: ['online', 'invoice'] });

    const { aarauMain } = SEEDED_RESIDENTS;
    const applied = await callApi<Body>('POST', '/applications', {
      token: await citizenToken('AdminProbe'),
      body: { serviceId: PROBE, municipalityId: 'aarau', language: 'de', applicant: { firstName: aarauMain.firstName, lastName: aarauMain.lastName, dateOfBirth: aarauMain.dateOfBirth } },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const variables = await variablesOfCase(applied.body.id as string);
    expect(variables).toMatchObject({ municipalityId: 'aarau', serviceId: PROBE, feeRappen: 4200, residentsOfficeGroup: '4001-finanzen' });
    expect(variables.settings).toEqual({ maxInstalments: 9, reviewAlways: true });

    const history = await historyOf(AARAU, 'anna.admin', `offering:${PROBE}`);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      staffId: 'bfcb4546-8735-40b5-b49a-5810993bdfaa', staffName: 'Anna Admin',
      before: { feeRappen: 3500, settings: { maxInstalments: 6 } },
      after: { feeRappen: 4200, paymentAccount: '4001-4210.05', bookingText: 'Testdienst Aarau', invoiceAllowed: true, candidateGroup: '4001-finanzen', settings: { maxInstalments: 9, reviewAlways: true } },
    });
    expect(history[1]).toMatchObject({ before: null, after: { feeRappen: 3500 } });
    expect(Date.parse(history[0]?.changedAt)).toBeGreaterThan(Date.now() - 60_000);

    // The same values again change nothing and are not recorded twice.
    const again = await callApi<Body>('PUT', `${AARAU}/offerings/${PROBE}`, { ...asStaff('anna.admin'), body: offering({ feeRappen: 4200, settings: { reviewAlways: true, maxInstalments: 9 } }) });
    expect(again.status).toBe(200);
    expect(await historyOf(AARAU, 'anna.admin', `offering:${PROBE}`)).toHaveLength(2);
  });

  it.each<[string, Body, string, string]>([
    ['a booking text over 80 characters', { bookingText: 'x'.repeat(81) }, '/body/bookingText', 'must NOT have more than 80 characters'],
    ['a setting out of the package\'s bounds', { settings: { maxInstalments: 30 } }, '/body/settings/maxInstalments', 'must be at most 24'],
    ['a setting the package does not have', { settings: { minimumRappen: 100 } }, '/body/settings/minimumRappen', 'is not a setting of this service'],
    ['another municipality\'s group', { candidateGroup: '4021-einwohnerkontrolle' }, '/body/candidateGroup', 'is not a group of this municipality (4001-…)'],
    ['a fee without booking text', { bookingText: null }, '/body/bookingText', 'is required for a service with a fee'],
  ])('when she sends %s, then it is refused naming the field and nothing changes', async (_case, change, pointer, detail) => {
    const before = await historyOf(AARAU, 'anna.admin', `offering:${PROBE}`);
    const answer = await callApi<Body>('PUT', `${AARAU}/offerings/${PROBE}`, { ...asStaff('anna.admin'), body: offering(change) });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toEqual(expect.arrayContaining([{ pointer, detail }]));
    expect(await historyOf(AARAU, 'anna.admin', `offering:${PROBE}`)).toEqual(before);
  });

  it('when she names a service that is not registered, then 404 names it', async () => {
    const answer = await callApi<Body>('PUT', `${AARAU}/offerings/no-such-service`, { ...asStaff('anna.admin'), body: offering() });
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([{ pointer: '/params/serviceId', detail: 'is not a registered service' }]);
  });

  it('when she withdraws the service, then the catalogue no longer lists it and an application for it is refused as not offered', async () => {
    const withdrawn = await callApi<Body>('PUT', `${AARAU}/offerings/${PROBE}`, { ...asStaff('anna.admin'), body: { offered: false } });
    expect(withdrawn.status).toBe(200);
    expect(probeOf(withdrawn.body)).toMatchObject({ offered: false, feeRappen: null, homepageLink: null });
    const catalogue = await callApi<Body>('GET', '/municipalities/aarau/services');
    expect((catalogue.body.services as Body[]).map((s) => s.id)).not.toContain(PROBE);
    expect((catalogue.body.services as Body[]).map((s) => s.id)).toContain('residence-certificate');

    const { aarauMain } = SEEDED_RESIDENTS;
    const refused = await callApi<Body>('POST', '/applications', {
      token: await citizenToken('AdminProbe'),
      body: { serviceId: PROBE, municipalityId: 'aarau', language: 'de', applicant: { firstName: aarauMain.firstName, lastName: aarauMain.lastName, dateOfBirth: aarauMain.dateOfBirth } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:gemeindeportal:problem:service-not-offered');
    const [latest] = await historyOf(AARAU, 'anna.admin', `offering:${PROBE}`);
    expect(latest).toMatchObject({ before: { feeRappen: 4200 }, after: null });
  });
});

describe('Wohlen\'s administrator changes its creditor and back office', () => {
  const WOHLEN = '/administration/municipalities/wohlen';
  const creditor = { name: 'Gemeinde Wohlen', street: 'Kapellstrasse', buildingNumber: '1', postalCode: '5610', town: 'Wohlen' };

  it('when she gives an IBAN with a wrong check digit, then it is refused at its field; a QR-IBAN written with spaces is stored compact and recorded once', async () => {
    const wrong = await callApi<Body>('PATCH', WOHLEN, { ...asStaff('wendy.admin'), body: { creditor: { ...creditor, iban: 'CH4531999123000889012' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ pointer: '/body/creditor/iban', detail: 'is not a valid Swiss IBAN or QR-IBAN (check digits)' }]);
    const noPostalCode = await callApi<Body>('PATCH', WOHLEN, { ...asStaff('wendy.admin'), body: { creditor: { ...creditor, postalCode: '56100', iban: 'CH4431999123000889012' } } });
    expect(noPostalCode.status).toBe(400);
    expect(noPostalCode.body.errors).toEqual([{ pointer: '/body/creditor/postalCode', detail: 'must match pattern "^[0-9]{4}$"' }]);
    expect(await historyOf(WOHLEN, 'wendy.admin', 'creditor')).toEqual([]);

    for (let i = 0; i < 2; i += 1) {
      const set = await callApi<Body>('PATCH', WOHLEN, { ...asStaff('wendy.admin'), body: { creditor: { ...creditor, iban: 'CH44 3199 9123 0008 8901 2' } } });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body.payment.creditor).toEqual({ ...creditor, iban: 'CH4431999123000889012', qrIban: true });
    }
    const history = await historyOf(WOHLEN, 'wendy.admin', 'creditor');
    expect(history).toEqual([expect.objectContaining({ staffName: 'Wendy Admin', before: null, after: { ...creditor, iban: 'CH4431999123000889012' } })]);
  });

  it('when she chooses another vendor, then the installation\'s endpoint of that vendor is taken and the record names no credential; an unknown vendor is refused', async () => {
    const unknown = await callApi<Body>('PATCH', WOHLEN, { ...asStaff('wendy.admin'), body: { backOfficeVendor: 'abacus' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.pointer).toBe('/body/backOfficeVendor');
    const empty = await callApi<Body>('PATCH', WOHLEN, { ...asStaff('wendy.admin'), body: {} });
    expect(empty.status).toBe(400);

    const changed = await callApi<Body>('PATCH', WOHLEN, { ...asStaff('wendy.admin'), body: { backOfficeVendor: 'talus' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.backOffice.vendor).toBe('talus');
    const stored = await db('municipalities').where({ id: 'wohlen' }).first('back_office_vendor', 'back_office_url');
    const talusEndpoint = await db('municipalities').where({ id: 'brugg' }).first('back_office_url');
    expect(stored).toEqual({ back_office_vendor: 'talus', back_office_url: talusEndpoint.back_office_url });
    const history = await historyOf(WOHLEN, 'wendy.admin', 'back-office');
    expect(history).toEqual([expect.objectContaining({ before: expect.objectContaining({ vendor: 'dialog' }), after: { vendor: 'talus', url: talusEndpoint.back_office_url } })]);
    expect(JSON.stringify(history)).not.toMatch(/CREDENTIAL|credentialRef/);
  });
});
