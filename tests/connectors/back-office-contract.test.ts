/**
 * The back-office port's contract, proved against every vendor adapter and its simulator over
 * real HTTP: the same questions must get the same answers, whatever the vendor speaks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { BackOfficeError, BackOfficeProtocolError, BackOfficeRejectedError, BackOfficeUnavailableError } from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext, BackOfficePort, PostalAddress } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS, type SeededResident } from '../../simulators/back-office/seed.ts';
import type { SimulatorFaults } from '../../simulators/back-office/faults.ts';
import { startVendorSimulator, type BackOfficeSimulator } from '../../simulators/back-office/vendor-simulator.ts';
import { protocolOf } from '../../simulators/back-office/vendor-protocols.ts';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';

const { aarauMain, aarauPartner, aarauBlocked, badenMain, badenNamesakeA, bruggMovedAway, lenzburgMain, zofingenMain } = SEEDED_RESIDENTS;
const UNSERVED_MUNICIPALITY = 9999;
const NEW_PHONE = '+41795550101';
const NEW_EMAIL = 'anna.neu@example.ch';
const PERSONAL_DATA = [
  ...Object.values(SEEDED_RESIDENTS).flatMap((r: SeededResident) => [
    r.firstName, r.lastName, r.dateOfBirth, r.ahvNumber, r.id, r.residence.address.street,
    ...(r.contact === undefined ? [] : [r.contact.phone, r.contact.email].filter((value) => value !== null)),
  ]),
  NEW_PHONE,
  NEW_EMAIL,
];

const recipient = (person: SeededResident): PostalAddress & { recipient: string } => ({
  recipient: `${person.firstName} ${person.lastName}`,
  ...person.residence.address,
});

function context(municipalityBfs: number, signal = new AbortController().signal): BackOfficeCallContext {
  return { municipalityBfs, correlationId: 'contract-test', signal };
}

const bfs = (person: SeededResident) => person.residence.municipality.bfsNumber;
const byName = (person: SeededResident) => ({ firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth });

async function failure(promise: Promise<unknown>): Promise<BackOfficeError> {
  const error: unknown = await promise.then(
    () => { throw new Error('expected the call to fail'); },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BackOfficeError);
  return error as BackOfficeError;
}

describe.each(Object.values(BACK_OFFICE_VENDORS))('back-office contract: $displayName', (vendor) => {
  const credential = vendor.generateCredential();
  const logLines: string[] = [];
  let simulator: BackOfficeSimulator;
  let adapter: BackOfficePort;

  const adapterWith = (options: { credential?: string; timeoutMs?: number } = {}) =>
    vendor.createAdapter({
      baseUrl: simulator.url,
      credential: options.credential ?? credential,
      timeoutMs: options.timeoutMs ?? 2_000,
      logger: pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) }),
    });
  const withFaults = (faults: SimulatorFaults) => simulator.setFaults(faults);

  beforeAll(async () => {
    simulator = await startVendorSimulator(protocolOf(vendor.name), { port: 0, credential });
  });
  afterAll(async () => {
    await simulator?.close();
    // Nothing personal reached the adapter's log, whatever happened above.
    const log = logLines.join('\n');
    for (const value of PERSONAL_DATA) expect(log).not.toContain(value);
  });
  beforeEach(() => {
    simulator.reset();
    adapter = adapterWith();
  });

  describe('resident register', () => {
    it('when searched by name, then finds the one resident, ignoring case', async () => {
      await expect(adapter.findResident({ firstName: 'anna', lastName: 'MUSTER', dateOfBirth: aarauMain.dateOfBirth }, context(4001)))
        .resolves.toEqual({ residentId: aarauMain.id, firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' });
      // Simulators count calls by the port's operation names, whatever the vendor calls them.
      expect(simulator.calls().byOperation.findResident).toBeGreaterThanOrEqual(1);
    });

    it('when names carry umlauts and accents, then they survive the round trip', async () => {
      for (const person of [badenMain, lenzburgMain, bruggMovedAway]) {
        const match = await adapter.findResident(byName(person), context(bfs(person)));
        expect(match).toEqual({ residentId: person.id, firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth });
      }
    });

    it('when searched by AHV number, then finds the resident; an invalid check digit asks nobody', async () => {
      await expect(adapter.findResident({ ahvNumber: zofingenMain.ahvNumber }, context(4289)))
        .resolves.toMatchObject({ residentId: zofingenMain.id });
      const before = simulator.calls().total;
      await expect(adapter.findResident({ ahvNumber: '756.9999.0001.00' }, context(4001))).resolves.toBeNull();
      expect(simulator.calls().total).toBe(before);
    });

    it('when nobody or more than one person matches, then there is no match', async () => {
      await expect(adapter.findResident({ firstName: 'Niemand', lastName: 'Unbekannt', dateOfBirth: '2000-01-01' }, context(4001))).resolves.toBeNull();
      await expect(adapter.findResident(byName(badenNamesakeA), context(4021))).resolves.toBeNull();
      await expect(adapter.findResident(byName(aarauMain), context(4021))).resolves.toBeNull();
    });

    it('when asked for a residence, then every seeded resident comes back exactly, household included', async () => {
      for (const person of Object.values(SEEDED_RESIDENTS) as SeededResident[]) {
        const expected = simulator.state.residence(bfs(person), person.id);
        await expect(adapter.getResidence(person.id, context(bfs(person)))).resolves.toEqual(expected);
      }
      const residence = await adapter.getResidence(aarauMain.id, context(4001));
      expect(residence?.household).toEqual([
        { residentId: aarauPartner.id, firstName: 'Beat', lastName: 'Muster', dateOfBirth: aarauPartner.dateOfBirth },
      ]);
      expect((await adapter.getResidence(aarauBlocked.id, context(4001)))?.blocked).toBe(true);
    });

    it('when the resident id is unknown, then there is no residence', async () => {
      await expect(adapter.getResidence('P-4001-9999', context(4001))).resolves.toBeNull();
    });

    it('when the municipality is not served, then the call is rejected', async () => {
      const error = await failure(adapter.findResident(byName(aarauMain), context(UNSERVED_MUNICIPALITY)));
      expect(error).toBeInstanceOf(BackOfficeRejectedError);
      expect(error.retryable).toBe(false);
    });

    it('when the credential is wrong, then the call is rejected with 401 and not retryable', async () => {
      const error = await failure(adapterWith({ credential: vendor.generateCredential() }).findResident(byName(aarauMain), context(4001)));
      expect(error).toBeInstanceOf(BackOfficeRejectedError);
      expect(error.status).toBe(401);
      expect(error.retryable).toBe(false);
    });
  });

  describe('contact data (ADM-4)', () => {
    const change = (reference: string, fields: { phone?: string | null; email?: string | null }) =>
      adapter.changeContactData({ reference, residentId: aarauMain.id, ...fields }, context(4001));

    it('when contact data is read, then it is what the register holds; none is null entries; unknown resident is null', async () => {
      await expect(adapter.getContactData(aarauMain.id, context(4001))).resolves.toEqual({ phone: '+41791234567', email: 'anna.muster@example.ch' });
      await expect(adapter.getContactData(badenMain.id, context(4021))).resolves.toEqual({ phone: '+41562221133', email: null });
      await expect(adapter.getContactData(lenzburgMain.id, context(4201))).resolves.toEqual({ phone: null, email: 'élodie.exemple@example.ch' });
      await expect(adapter.getContactData(aarauPartner.id, context(4001))).resolves.toEqual({ phone: null, email: null });
      await expect(adapter.getContactData('P-4001-9999', context(4001))).resolves.toBeNull();
      // A resident of another municipality is unknown here.
      await expect(adapter.getContactData(aarauMain.id, context(4021))).resolves.toBeNull();
    });

    it('when only the phone changes, then the e-mail stays; when only the e-mail changes, then the phone stays', async () => {
      const phoneOnly = await change('case-20:contact', { phone: NEW_PHONE });
      expect(phoneOnly).toEqual({ contact: { phone: NEW_PHONE, email: 'anna.muster@example.ch' }, changedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      await expect(change('case-21:contact', { email: NEW_EMAIL })).resolves.toMatchObject({ contact: { phone: NEW_PHONE, email: NEW_EMAIL } });
      await expect(adapter.getContactData(aarauMain.id, context(4001))).resolves.toEqual({ phone: NEW_PHONE, email: NEW_EMAIL });
      expect(simulator.state.written().contactDataChanges).toBe(2);
    });

    it('when a field is null, then its entry is removed and the other stays', async () => {
      await expect(change('case-22:contact', { phone: null })).resolves.toMatchObject({ contact: { phone: null, email: 'anna.muster@example.ch' } });
      await expect(adapter.getContactData(aarauMain.id, context(4001))).resolves.toEqual({ phone: null, email: 'anna.muster@example.ch' });
      await expect(change('case-23:contact', { phone: NEW_PHONE, email: null })).resolves.toMatchObject({ contact: { phone: NEW_PHONE, email: null } });
    });

    it('when a change is repeated with its reference, then the first receipt comes back and a later change is not overwritten', async () => {
      const first = await change('case-24:contact', { phone: NEW_PHONE });
      const later = await change('case-25:contact', { phone: null, email: NEW_EMAIL });
      await expect(change('case-24:contact', { phone: NEW_PHONE })).resolves.toEqual(first);
      await expect(adapter.getContactData(aarauMain.id, context(4001))).resolves.toEqual(later?.contact);
      expect(later?.contact).toEqual({ phone: null, email: NEW_EMAIL });
      expect(simulator.state.written().contactDataChanges).toBe(2);
    });

    it('when a change names neither entry or a phone number that is not E.164, then it fails for good and nothing is written', async () => {
      for (const fields of [{}, { phone: '079 555 01 01' }, { email: 'keine-adresse' }]) {
        const error = await failure(change('case-27:contact', fields));
        expect(error.retryable).toBe(false);
        expect([BackOfficeRejectedError, BackOfficeProtocolError].some((type) => error instanceof type)).toBe(true);
      }
      expect(simulator.state.written().contactDataChanges).toBe(0);
    });

    it('when the resident is unknown, then nothing changes', async () => {
      await expect(adapter.changeContactData({ reference: 'case-26:contact', residentId: 'P-4001-9999', phone: NEW_PHONE }, context(4001))).resolves.toBeNull();
      expect(simulator.state.written().contactDataChanges).toBe(0);
    });
  });

  describe('finance', () => {
    const booking = { reference: 'case-1:certificate-fee', residentId: aarauMain.id, amountRappen: 3_000, account: '4210.01', bookingText: 'Wohnsitzbestätigung & Gebühr' };

    it('when a fee is booked twice with one reference, then it is booked once', async () => {
      const first = await adapter.bookFee(booking, context(4001));
      expect(first?.bookingId).toEqual(expect.any(String));
      expect(first?.bookedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await expect(adapter.bookFee(booking, context(4001))).resolves.toEqual(first);
      expect(simulator.state.written().feeBookings).toBe(1);
      await expect(adapter.bookFee({ ...booking, reference: 'case-2:certificate-fee' }, context(4001))).resolves.not.toEqual(first);
    });

    it('when the resident is unknown, then no fee is booked', async () => {
      await expect(adapter.bookFee({ ...booking, residentId: 'P-4001-9999' }, context(4001))).resolves.toBeNull();
      expect(simulator.state.written().feeBookings).toBe(0);
    });

    it('when open items are listed, then they come oldest first; none is an empty list; unknown resident is null', async () => {
      await expect(adapter.listOpenItems(aarauMain.id, context(4001))).resolves.toEqual([
        { itemId: 'OP-4001-1001', description: 'Gemeindesteuern 2025, Schlussrechnung', amountRappen: 125_000, dueDate: '2026-09-30' },
        { itemId: 'OP-4001-1002', description: 'Abfallgrundgebühr 2026', amountRappen: 18_000, dueDate: '2026-10-31' },
      ]);
      await expect(adapter.listOpenItems(lenzburgMain.id, context(4201))).resolves.toEqual([]);
      await expect(adapter.listOpenItems('P-4001-9999', context(4001))).resolves.toBeNull();
    });

    it('when an instalment plan is agreed, then the schedule adds up and a repeat returns the same plan', async () => {
      const request = { reference: 'case-3:plan', residentId: aarauMain.id, itemIds: ['OP-4001-1001', 'OP-4001-1002'], instalments: 3, firstDueDate: '2026-12-31' };
      const plan = await adapter.requestInstalmentPlan(request, context(4001));
      expect(plan).toEqual({
        outcome: 'agreed',
        planId: expect.any(String),
        totalRappen: 143_000,
        schedule: [
          { dueDate: '2026-12-31', amountRappen: 47_600 },
          { dueDate: '2027-01-31', amountRappen: 47_600 },
          { dueDate: '2027-02-28', amountRappen: 47_800 },
        ],
      });
      await expect(adapter.requestInstalmentPlan(request, context(4001))).resolves.toEqual(plan);
      expect(simulator.state.written().instalmentPlans).toBe(1);
    });

    it('when the finance module refuses a plan, then the reason comes back', async () => {
      const ask = (reference: string, itemIds: string[]) =>
        adapter.requestInstalmentPlan({ reference, residentId: badenMain.id, itemIds, instalments: 2, firstDueDate: '2027-01-31' }, context(4021));
      await expect(ask('r1', ['OP-4021-1001'])).resolves.toEqual({ outcome: 'refused', reason: 'in-debt-enforcement' });
      await expect(ask('r2', ['OP-4021-1002'])).resolves.toEqual({ outcome: 'refused', reason: 'below-minimum' });
      await expect(ask('r3', ['OP-4001-1001'])).resolves.toEqual({ outcome: 'refused', reason: 'item-not-open' });
    });
  });

  describe('works department and stock', () => {
    const report = {
      reference: 'case-4:damage',
      category: 'lighting' as const,
      description: 'Strassenlampe defekt <Ecke Bahnhof-/Kirchgasse> & flackert, Gefährlich für Fussgänger',
      location: { latitude: 47.392_1, longitude: 8.044_3 },
      reportedAt: '2026-11-20T18:45:00+01:00',
    };

    it('when a damage report is forwarded twice, then one ticket exists', async () => {
      const receipt = await adapter.forwardDamageReport(report, context(4001));
      expect(receipt.ticketId).toEqual(expect.any(String));
      await expect(adapter.forwardDamageReport(report, context(4001))).resolves.toEqual(receipt);
      expect(simulator.state.written().damageReports).toBe(1);
    });

    it('when stock is ordered, then it is dispatched once; out-of-stock and unknown articles are answers', async () => {
      const order = { reference: 'case-5:stamps', articleCode: 'KEHRICHT-35L', quantity: 10, deliveryAddress: recipient(lenzburgMain) };
      const delivery = await adapter.deliverStock(order, context(4201));
      expect(delivery).toEqual({ outcome: 'dispatched', deliveryId: expect.any(String), expectedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      await expect(adapter.deliverStock(order, context(4201))).resolves.toEqual(delivery);
      expect(simulator.state.written().stockDeliveries).toBe(1);
      await expect(adapter.deliverStock({ ...order, reference: 'case-6', articleCode: 'HUNDEMARKE-2027', quantity: 1 }, context(4201)))
        .resolves.toEqual({ outcome: 'out-of-stock', available: 0 });
      await expect(adapter.deliverStock({ ...order, reference: 'case-7', articleCode: 'GIBT-ES-NICHT' }, context(4201)))
        .resolves.toEqual({ outcome: 'unknown-article' });
    });
  });

  describe('institutions', () => {
    const person = (p: SeededResident) => ({ firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, address: p.residence.address });

    it('when a debt-enforcement extract is requested, then the office counts proceedings once per reference', async () => {
      const extract = await adapter.requestDebtRegisterExtract({ reference: 'case-8:extract', person: person(badenMain) }, context(4021));
      expect(extract).toEqual({ extractId: expect.any(String), issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), proceedings: 2 });
      await expect(adapter.requestDebtRegisterExtract({ reference: 'case-8:extract', person: person(badenMain) }, context(4021))).resolves.toEqual(extract);
      await expect(adapter.requestDebtRegisterExtract({ reference: 'case-9', person: person(aarauMain) }, context(4001)))
        .resolves.toMatchObject({ proceedings: 0 });
      expect(simulator.state.written().debtRegisterExtracts).toBe(2);
    });

    it('when the office cannot identify the person, then there is no extract', async () => {
      const stranger = { ...person(aarauMain), firstName: 'Niemand' };
      await expect(adapter.requestDebtRegisterExtract({ reference: 'case-10', person: stranger }, context(4001))).resolves.toBeNull();
    });

    it('when a birth register extract is ordered twice, then it is ordered once', async () => {
      const order = {
        reference: 'case-11:birth',
        person: { firstName: 'Élodie', lastName: 'Exemple', dateOfBirth: '1968-01-30', placeOfBirth: 'Neuchâtel' },
        deliveryAddress: recipient(lenzburgMain),
      };
      const receipt = await adapter.orderBirthRegisterExtract(order, context(4201));
      expect(receipt).toEqual({ orderId: expect.any(String), expectedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      await expect(adapter.orderBirthRegisterExtract(order, context(4201))).resolves.toEqual(receipt);
      expect(simulator.state.written().birthRegisterExtractOrders).toBe(1);
    });
  });

  describe('faults', () => {
    const find = () => adapter.findResident(byName(aarauMain), context(4001));

    it('when the vendor answers 503, then the fault is retryable with its Retry-After', async () => {
      withFaults({ mode: 'error5xx' });
      const error = await failure(find());
      expect(error).toBeInstanceOf(BackOfficeUnavailableError);
      expect(error.retryable).toBe(true);
      expect((error as BackOfficeUnavailableError).retryAfterMs).toBe(1_000);
    });

    it('when the vendor rate-limits, then the fault is retryable with its Retry-After', async () => {
      withFaults({ mode: 'rateLimited' });
      const error = await failure(adapter.getResidence(aarauMain.id, context(4001)));
      expect(error).toBeInstanceOf(BackOfficeUnavailableError);
      expect((error as BackOfficeUnavailableError).retryAfterMs).toBe(2_000);
    });

    it.each(['malformed', 'wrongShape'] as const)('when the answer is %s, then it is a protocol fault nobody retries', async (mode) => {
      withFaults({ mode });
      for (const call of [
        find,
        () => adapter.getResidence(aarauMain.id, context(4001)),
        () => adapter.listOpenItems(aarauMain.id, context(4001)),
        () => adapter.getContactData(aarauMain.id, context(4001)),
        () => adapter.changeContactData({ reference: 'case-30:contact', residentId: aarauMain.id, phone: NEW_PHONE }, context(4001)),
      ]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(BackOfficeProtocolError);
        expect(error.retryable).toBe(false);
      }
    });

    it('when the vendor answers 503 or not in time to a contact data call, then the fault is retryable and nothing is written', async () => {
      const calls = (port: BackOfficePort) => [
        () => port.getContactData(aarauMain.id, context(4001)),
        () => port.changeContactData({ reference: 'case-31:contact', residentId: aarauMain.id, email: NEW_EMAIL }, context(4001)),
      ];
      withFaults({ mode: 'error5xx' });
      for (const call of calls(adapter)) expect(await failure(call())).toBeInstanceOf(BackOfficeUnavailableError);
      withFaults({ mode: 'timeout', delayMs: 10_000 });
      for (const call of calls(adapterWith({ timeoutMs: 300 }))) expect(await failure(call())).toBeInstanceOf(BackOfficeUnavailableError);
      expect(simulator.state.written().contactDataChanges).toBe(0);
    });

    it('when the answer is cut off, then the fault is retryable', async () => {
      withFaults({ mode: 'truncated' });
      const error = await failure(find());
      expect(error).toBeInstanceOf(BackOfficeUnavailableError);
    });

    it('when the vendor does not answer in time, then the call gives up at the timeout', async () => {
      withFaults({ mode: 'timeout', delayMs: 10_000 });
      const startedAt = performance.now();
      const error = await failure(adapterWith({ timeoutMs: 300 }).findResident(byName(aarauMain), context(4001)));
      expect(error).toBeInstanceOf(BackOfficeUnavailableError);
      expect(performance.now() - startedAt).toBeLessThan(5_000);
    });

    it('when the vendor is slow but within the timeout, then the call succeeds', async () => {
      withFaults({ mode: 'slow', delayMs: 200 });
      await expect(find()).resolves.toMatchObject({ residentId: aarauMain.id });
    });

    it('when the credential has expired, then the adapter renews it or the call is rejected, never retried', async () => {
      withFaults({ mode: 'expiredCredentials' });
      const outcome = await find().then((match) => ({ match }), (error: unknown) => ({ error }));
      if ('error' in outcome) {
        expect(outcome.error).toBeInstanceOf(BackOfficeRejectedError);
        expect((outcome.error as BackOfficeError).status).toBe(401);
      } else {
        expect(outcome.match).toMatchObject({ residentId: aarauMain.id });
      }
    });

    it('when only one municipality fails, then the others are served', async () => {
      withFaults({ mode: 'error5xx', municipality: 4021 });
      await expect(find()).resolves.toMatchObject({ residentId: aarauMain.id });
      await failure(adapter.findResident(byName(badenMain), context(4021)));
    });

    it('when the caller aborts, then the call ends with the caller\'s reason', async () => {
      withFaults({ mode: 'timeout', delayMs: 10_000 });
      const controller = new AbortController();
      const reason = new Error('job deadline');
      setTimeout(() => controller.abort(reason), 100);
      await expect(adapter.findResident(byName(aarauMain), context(4001, controller.signal))).rejects.toBe(reason);
    });

    it('when any call fails, then its message carries no personal data', async () => {
      for (const mode of ['error5xx', 'malformed', 'wrongShape', 'rateLimited'] as const) {
        withFaults({ mode });
        const error = await failure(adapter.bookFee({ reference: 'r', residentId: aarauMain.id, amountRappen: 100, account: '1', bookingText: 'Muster' }, context(4001)));
        for (const value of PERSONAL_DATA) expect(error.message).not.toContain(value);
        const contactError = await failure(adapter.changeContactData({ reference: 'r', residentId: aarauMain.id, phone: NEW_PHONE, email: NEW_EMAIL }, context(4001)));
        for (const value of PERSONAL_DATA) expect(contactError.message).not.toContain(value);
      }
    });
  });
});
