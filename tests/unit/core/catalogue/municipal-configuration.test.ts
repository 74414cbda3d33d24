import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { createMunicipalConfiguration, serviceHomepageLink, type OfferingChange } from '../../../../core/catalogue/municipal-configuration.ts';
import type { Municipality } from '../../../../core/db/catalogue-repository.ts';
import type {
  BackOfficeEndpoint, ConfigurationChange, MunicipalConfigurationRepository, OfferingValues, RegisteredService,
} from '../../../../core/db/municipal-configuration-repository.ts';
import { ProblemError } from '../../../../core/errors/problem-error.ts';

const names = { de: 'x', fr: 'x', it: 'x', en: 'x' };
const AARAU_IBAN = 'CH4431999123000889012';
const ORDINARY_IBAN = 'CH9300762011623852957';

const municipality = (overrides: Partial<Municipality> = {}): Municipality => ({
  id: 'aarau', bfsNumber: 4001, name: 'Aarau', participates: true,
  backOffice: { vendor: 'dialog', url: 'http://dialog.example', credentialRef: 'BACK_OFFICE_DIALOG_CREDENTIAL' },
  payrexx: { instance: 'gemeinde-aarau', credentialRef: 'PAYREXX_AARAU_API_KEY' },
  creditor: { name: 'Gemeinde Aarau', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau', iban: AARAU_IBAN },
  letterhead: null,
  ...overrides,
});

const SERVICES: RegisteredService[] = [
  { id: 'instalment-plan', names, paymentMethods: ['online', 'invoice'], settings: {
    maxInstalments: { type: 'integer', default: 12, minimum: 2, maximum: 24, names },
    reviewAlways: { type: 'boolean', default: false, names },
  } },
  { id: 'online-only', names, paymentMethods: ['online'], settings: {} },
  { id: 'free-service', names, paymentMethods: [], settings: {} },
];

const offered: OfferingValues = {
  feeRappen: 2000, paymentAccount: '4001-4260.01', bookingText: 'Ratenplan Aarau', invoiceAllowed: true, candidateGroup: '4001-finanzen', settings: { maxInstalments: 6 },
};

/** The repository in memory: one municipality, the services above, the endpoints given. */
function fakeRepository(options: { municipality?: Municipality; offerings?: Record<string, OfferingValues>; endpoints?: BackOfficeEndpoint[] } = {}) {
  let current = options.municipality ?? municipality();
  const offerings = new Map(Object.entries(options.offerings ?? {}));
  const changes: ConfigurationChange[] = [];
  const trx = {} as Knex.Transaction;
  const repository: MunicipalConfigurationRepository = {
    // Work on copies, kept only when the work succeeds: a refusal leaves nothing half-written.
    async transaction(work) {
      const saved = { current, offerings: new Map(offerings), changes: changes.length };
      try {
        return await work(trx);
      } catch (error) {
        current = saved.current;
        offerings.clear();
        for (const [id, values] of saved.offerings) offerings.set(id, values);
        changes.length = saved.changes;
        throw error;
      }
    },
    lockMunicipality: async (id) => (id === current.id ? current : undefined),
    findMunicipality: async (id) => (id === current.id ? current : undefined),
    services: async () => SERVICES,
    offerings: async () => new Map(offerings),
    async saveOffering(_municipalityId, serviceId, values) {
      if (values) offerings.set(serviceId, values);
      else offerings.delete(serviceId);
    },
    async saveCreditor(_municipalityId, creditor) {
      current = { ...current, creditor };
    },
    backOfficeEndpointOf: async (vendor) => options.endpoints?.find((endpoint) => endpoint.vendor === vendor),
    async saveBackOffice(_municipalityId, endpoint) {
      current = { ...current, backOffice: endpoint };
    },
    async recordChange(change) {
      changes.push({ ...change, id: String(changes.length + 1) });
    },
    changes: async () => [...changes].reverse(),
  };
  return { repository, offerings, changes, current: () => current };
}

const ANNA = { id: 'bfcb4546-8735-40b5-b49a-5810993bdfaa', name: 'Anna Admin' };
const AT = new Date('2026-12-01T10:00:00Z');

function configurationWith(options: Parameters<typeof fakeRepository>[0] = {}) {
  const fake = fakeRepository(options);
  return { ...fake, service: createMunicipalConfiguration({ repository: fake.repository, portalPublicUrl: 'https://portal.example/', now: () => AT }) };
}

/** The fields a refusal names, with why. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; errors: unknown }> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof ProblemError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.problem.status, errors: error.problem.errors };
}

const offer = (change: Partial<OfferingChange>): OfferingChange => ({ offered: true, ...offered, ...change });

describe('a municipality\'s configuration by its administrator', () => {
  it('when the administrator reads it, then every registered service shows, offered or not, with its settings and the homepage link of the offered ones', async () => {
    const { service } = configurationWith({ offerings: { 'instalment-plan': offered } });
    const configuration = await service.read('aarau');
    expect(configuration.payment).toEqual({ payrexxInstance: 'gemeinde-aarau', creditor: { ...municipality().creditor, qrIban: true } });
    expect(configuration.offerings.map((o) => [o.serviceId, o.offered, o.homepageLink])).toEqual([
      ['instalment-plan', true, 'https://portal.example/dienste/instalment-plan?gemeinde=aarau'],
      ['online-only', false, null],
      ['free-service', false, null],
    ]);
    expect(configuration.offerings[0]?.settings).toEqual([
      { name: 'maxInstalments', type: 'integer', default: 12, minimum: 2, maximum: 24, names, value: 6, effective: 6 },
      { name: 'reviewAlways', type: 'boolean', default: false, names, value: null, effective: false },
    ]);
    expect(JSON.stringify(configuration)).not.toContain('CREDENTIAL');
    expect(JSON.stringify(configuration)).not.toContain('API_KEY');
  });

  it('when a service is offered, changed and withdrawn, then each change is recorded with who, when, before and after', async () => {
    const { service, changes, offerings } = configurationWith();
    await service.setOffering('aarau', 'instalment-plan', offer({}), ANNA);
    await service.setOffering('aarau', 'instalment-plan', offer({ feeRappen: 2500 }), ANNA);
    const withdrawn = await service.setOffering('aarau', 'instalment-plan', { offered: false, feeRappen: 1 }, ANNA);
    expect(offerings.has('instalment-plan')).toBe(false);
    expect(withdrawn.offerings[0]).toMatchObject({ offered: false, feeRappen: null, homepageLink: null });
    expect(changes).toEqual([
      { id: '1', municipalityId: 'aarau', subject: 'offering:instalment-plan', staffId: ANNA.id, staffName: 'Anna Admin', changedAt: AT, before: null, after: offered },
      expect.objectContaining({ subject: 'offering:instalment-plan', before: offered, after: { ...offered, feeRappen: 2500 } }),
      expect.objectContaining({ subject: 'offering:instalment-plan', before: { ...offered, feeRappen: 2500 }, after: null }),
    ]);
  });

  it('when a change changes nothing, then nothing is written and nothing recorded', async () => {
    const { service, changes } = configurationWith({ offerings: { 'instalment-plan': offered } });
    await service.setOffering('aarau', 'instalment-plan', offer({ settings: { maxInstalments: 6 } }), ANNA);
    await service.setOffering('aarau', 'online-only', { offered: false }, ANNA);
    await service.changeMunicipality('aarau', { creditor: { ...municipality().creditor!, iban: 'ch44 3199 9123 0008 8901 2' }, backOfficeVendor: 'dialog' }, ANNA);
    expect(changes).toEqual([]);
  });

  it.each<[string, Partial<OfferingChange>, string, Record<string, unknown>?]>([
    ['a fee without account and booking text', { paymentAccount: null, bookingText: null }, '/body/paymentAccount'],
    ['a fee without booking text', { bookingText: null }, '/body/bookingText'],
    ['another municipality\'s group', { candidateGroup: '4021-einwohnerkontrolle' }, '/body/candidateGroup'],
    ['a setting out of bounds', { settings: { maxInstalments: 30 } }, '/body/settings/maxInstalments'],
    ['a setting the package does not declare', { settings: { unknown: 1 } }, '/body/settings/unknown'],
    ['a setting of the wrong type', { settings: { reviewAlways: 'ja' } }, '/body/settings/reviewAlways'],
    ['invoices for a free service', { feeRappen: 0 }, '/body/invoiceAllowed'],
  ])('when the administrator offers %s, then the refusal names the field and nothing is stored', async (_case, change, pointer) => {
    const { service, changes, offerings } = configurationWith();
    const refused = await refusal(service.setOffering('aarau', 'instalment-plan', offer(change), ANNA));
    expect(refused.status).toBe(400);
    expect(refused.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer })]));
    expect(offerings.size).toBe(0);
    expect(changes).toEqual([]);
  });

  it('when invoices are asked for a service whose package allows only online payment, or where the municipality has no creditor, then they are refused', async () => {
    const onlineOnly = configurationWith();
    expect((await refusal(onlineOnly.service.setOffering('aarau', 'online-only', offer({ settings: {} }), ANNA))).errors)
      .toEqual([{ pointer: '/body/invoiceAllowed', detail: 'the service\'s package does not allow payment by invoice' }]);
    const noCreditor = configurationWith({ municipality: municipality({ creditor: null }) });
    expect((await refusal(noCreditor.service.setOffering('aarau', 'instalment-plan', offer({}), ANNA))).errors)
      .toEqual([{ pointer: '/body/invoiceAllowed', detail: 'the municipality has no creditor for QR-bills' }]);
  });

  it('when a fee could not be paid (a free package, or neither Payrexx nor invoices), then the fee is refused', async () => {
    const free = configurationWith();
    expect((await refusal(free.service.setOffering('aarau', 'free-service', offer({ invoiceAllowed: false, settings: {} }), ANNA))).errors)
      .toEqual([{ pointer: '/body/feeRappen', detail: 'the service\'s package allows no payment: it is free of charge' }]);
    const withoutPayrexx = configurationWith({ municipality: municipality({ payrexx: null }) });
    expect((await refusal(withoutPayrexx.service.setOffering('aarau', 'instalment-plan', offer({ invoiceAllowed: false }), ANNA))).errors)
      .toEqual([{ pointer: '/body/feeRappen', detail: 'could not be paid: the municipality has no Payrexx instance and does not allow invoices for it' }]);
    // Free of charge, it needs neither account nor booking text.
    await free.service.setOffering('aarau', 'free-service', { offered: true, feeRappen: 0, candidateGroup: '4001-einwohnerkontrolle' }, ANNA);
    expect(free.offerings.get('free-service')).toMatchObject({ feeRappen: 0, paymentAccount: null, bookingText: null });
  });

  it('when a service is not registered, then 404 names it', async () => {
    const { service } = configurationWith();
    expect(await refusal(service.setOffering('aarau', 'no-such-service', offer({}), ANNA))).toEqual({
      status: 404, errors: [{ pointer: '/params/serviceId', detail: 'is not a registered service' }],
    });
  });

  it('when the creditor changes to a QR-IBAN or an IBAN written with spaces, then it is stored compact and recorded; a wrong check digit is refused', async () => {
    const { service, changes, current } = configurationWith();
    const creditor = { name: 'Stadt Aarau', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau', iban: 'CH93 0076 2011 6238 5295 7' };
    const changed = await service.changeMunicipality('aarau', { creditor }, ANNA);
    expect(current().creditor).toEqual({ ...creditor, iban: ORDINARY_IBAN });
    expect(changed.payment.creditor).toEqual({ ...creditor, iban: ORDINARY_IBAN, qrIban: false });
    expect(changes).toEqual([expect.objectContaining({ subject: 'creditor', before: municipality().creditor, after: { ...creditor, iban: ORDINARY_IBAN } })]);
    expect(await refusal(service.changeMunicipality('aarau', { creditor: { ...creditor, iban: 'CH9400762011623852957' } }, ANNA))).toEqual({
      status: 400, errors: [{ pointer: '/body/creditor/iban', detail: 'is not a valid Swiss IBAN or QR-IBAN (check digits)' }],
    });
    expect(changes).toHaveLength(1);
  });

  it('when the back office\'s vendor changes, then the installation\'s endpoint of that vendor is taken and the record names vendor and address, never the credential', async () => {
    const talus = { vendor: 'talus', url: 'http://talus.example', credentialRef: 'BACK_OFFICE_TALUS_CREDENTIAL' };
    const { service, changes, current } = configurationWith({ endpoints: [talus] });
    await service.changeMunicipality('aarau', { backOfficeVendor: 'talus' }, ANNA);
    expect(current().backOffice).toEqual(talus);
    expect(changes).toEqual([expect.objectContaining({
      subject: 'back-office', before: { vendor: 'dialog', url: 'http://dialog.example' }, after: { vendor: 'talus', url: 'http://talus.example' },
    })]);
    expect(JSON.stringify(changes)).not.toContain('CREDENTIAL');
    expect((await refusal(service.changeMunicipality('aarau', { backOfficeVendor: 'vemag' }, ANNA))).status).toBe(409);
  });

  it('when the portal\'s address has a path, then the homepage link keeps it', () => {
    expect(serviceHomepageLink('https://www.ag.ch/portal', 'residence-certificate', 'aarau')).toBe('https://www.ag.ch/portal/dienste/residence-certificate?gemeinde=aarau');
  });
});
