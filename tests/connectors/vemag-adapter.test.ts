/**
 * What is special about Vemag: Latin-1 answers, Swiss dates and franc strings, and errors that
 * arrive as HTTP 200 with a code. The port's shared behaviour is proved by the contract suite.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import {
  BackOfficeError,
  BackOfficeProtocolError,
  BackOfficeRejectedError,
  BackOfficeUnavailableError,
} from '../../connectors/back-office/errors.ts';
import { decodeBody } from '../../connectors/back-office/http/exchange.ts';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { startVendorSimulator, type BackOfficeSimulator } from '../../simulators/back-office/vendor-simulator.ts';
import { createVemagAdapter } from '../../connectors/back-office/vemag/adapter.ts';
import {
  declaredCharset,
  fromFrancs,
  fromSwissDate,
  fromZurichDateTime,
  latin1Json,
  toFrancs,
  toSwissDate,
  toZurichDateTime,
} from '../../connectors/back-office/vemag/encoding.ts';
import { vemagProtocol } from '../../simulators/back-office/vemag/simulator.ts';

const CREDENTIAL = '0123456789ABCDEF0123456789ABCDEF';
const { aarauMain, badenMain, bruggMovedAway, lenzburgMain } = SEEDED_RESIDENTS;

const context = (municipalityBfs: number): BackOfficeCallContext => ({
  municipalityBfs,
  correlationId: 'vemag-test',
  signal: new AbortController().signal,
});

const adapterFor = (baseUrl: string, credential = CREDENTIAL): BackOfficePort =>
  createVemagAdapter({ baseUrl, credential, timeoutMs: 2_000, logger: pino({ level: 'silent' }) });

async function failure(promise: Promise<unknown>): Promise<BackOfficeError> {
  const error: unknown = await promise.then(() => new Error('expected the call to fail'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(BackOfficeError);
  return error as BackOfficeError;
}

describe('Vemag encoding', () => {
  it('when dates cross the wire, then DD.MM.YYYY and ISO convert both ways, real calendar days only', () => {
    expect(toSwissDate('1985-03-14')).toBe('14.03.1985');
    expect(fromSwissDate('14.03.1985')).toBe('1985-03-14');
    expect(fromSwissDate('29.02.2024')).toBe('2024-02-29');
    for (const invalid of ['29.02.2023', '31.04.2026', '00.01.2026', '01.13.2026', '1.3.1985', '1985-03-14', '14.03.85']) {
      expect(fromSwissDate(invalid)).toBeUndefined();
    }
    expect(() => toSwissDate('2023-02-29')).toThrow(RangeError);
    expect(() => toSwissDate('14.03.1985')).toThrow(RangeError);
  });

  it('when amounts cross the wire, then francs strings and Rappen convert exactly, without floating point', () => {
    expect(fromFrancs('1250.00')).toBe(125_000);
    expect(fromFrancs('0.05')).toBe(5);
    expect(toFrancs(125_000)).toBe('1250.00');
    expect(toFrancs(5)).toBe('0.05');
    // Where Number('0.29') * 100 would give 28.999999999999996:
    expect(fromFrancs('0.29')).toBe(29);
    expect(fromFrancs('1.15')).toBe(115);
    for (let rappen = 0; rappen <= 20_000; rappen += 1) expect(fromFrancs(toFrancs(rappen))).toBe(rappen);
    for (const invalid of ['1250', '1250.5', '1250.000', '-1.00', '1,250.00', "1'250.00", ' 1.00']) {
      expect(fromFrancs(invalid)).toBeUndefined();
    }
    expect(() => toFrancs(12.5)).toThrow(RangeError);
    expect(() => toFrancs(-100)).toThrow(RangeError);
  });

  it('when a damage report time crosses the wire, then it is Zurich wall-clock time, summer and winter', () => {
    expect(toZurichDateTime('2026-11-20T18:45:00+01:00')).toBe('20.11.2026 18:45:00');
    expect(toZurichDateTime('2026-07-01T10:00:00Z')).toBe('01.07.2026 12:00:00');
    expect(fromZurichDateTime('20.11.2026 18:45:00')).toBe('2026-11-20T18:45:00+01:00');
    expect(fromZurichDateTime('01.07.2026 12:00:00')).toBe('2026-07-01T12:00:00+02:00');
    expect(fromZurichDateTime('31.06.2026 12:00:00')).toBeUndefined();
    expect(() => toZurichDateTime('gestern')).toThrow(RangeError);
  });

  it('when JSON is encoded as Vemag does, then it is Latin-1 and characters beyond it survive as escapes', () => {
    const bytes = latin1Json({ name: 'Müsterli', ort: 'Neuchâtel', anderes: 'Wąsik €' });
    expect(bytes.includes(0xfc)).toBe(true);
    expect(JSON.parse(decodeBody(bytes, 'iso-8859-1'))).toEqual({ name: 'Müsterli', ort: 'Neuchâtel', anderes: 'Wąsik €' });
    expect(declaredCharset('application/json; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(declaredCharset('application/json')).toBe('iso-8859-1');
    expect(declaredCharset('application/json; charset="utf-8"')).toBe('utf-8');
    expect(declaredCharset('application/json; charset=koi8-r')).toBeUndefined();
  });
});

describe('Vemag adapter against its simulator', () => {
  let simulator: BackOfficeSimulator;
  let adapter: BackOfficePort;

  const raw = (path: string, init: { body?: string; mandant?: string; key?: string } = {}) =>
    fetch(`${simulator.url}/vemag/api/${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `VemagKey ${init.key ?? CREDENTIAL}`,
        ...(init.mandant === undefined ? {} : { 'x-vemag-mandant': init.mandant }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  const errorCode = async (response: Response) => {
    expect(response.status).toBe(200);
    return ((await response.json()) as { fehler?: { code: string } }).fehler?.code;
  };

  beforeAll(async () => {
    simulator = await startVendorSimulator(vemagProtocol, { port: 0, credential: CREDENTIAL });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(() => {
    simulator.reset();
    adapter = adapterFor(simulator.url);
  });

  it('when names carry umlauts and accents, then the simulator sends Latin-1 bytes that UTF-8 would garble', async () => {
    for (const person of [badenMain, lenzburgMain, bruggMovedAway]) {
      const response = await raw('einwohner/suche', { mandant: String(person.residence.municipality.bfsNumber), body: JSON.stringify({ ahvNr: person.ahvNumber }) });
      expect(response.headers.get('content-type')).toBe('application/json; charset=iso-8859-1');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const asLatin1 = decodeBody(bytes, 'iso-8859-1');
      expect(asLatin1).toContain(person.firstName);
      expect(asLatin1).toContain(person.lastName);
      // ü is 0xFC and É is 0xC9 in Latin-1; read as UTF-8 they are invalid and become U+FFFD.
      expect(bytes.includes(0xc3)).toBe(false);
      expect(decodeBody(bytes, 'utf-8')).toContain('\uFFFD');
      expect(decodeBody(bytes, 'utf-8')).not.toContain(person.lastName.includes('ü') ? person.lastName : person.firstName);
    }
    const residence = await adapter.getResidence(badenMain.id, context(4021));
    expect(residence?.address).toEqual(badenMain.residence.address);
    await expect(adapter.findResident({ firstName: 'Élodie', lastName: 'Exemple', dateOfBirth: '1968-01-30' }, context(4201)))
      .resolves.toMatchObject({ firstName: 'Élodie' });
  });

  it('when the residence is read, then Swiss dates, HWS/NWS and the J/N lock map to the port', async () => {
    const response = await raw(`einwohner/${bruggMovedAway.id}/wohnsitz`, { mandant: '4095' });
    const body = JSON.parse(decodeBody(new Uint8Array(await response.arrayBuffer()), 'iso-8859-1')) as { daten: Record<string, unknown> };
    expect(body.daten).toMatchObject({ wohnsitzart: 'HWS', zuzugsdatum: '01.01.1990', wegzugsdatum: '31.08.2023', sperre: 'N' });
    await expect(adapter.getResidence(bruggMovedAway.id, context(4095))).resolves.toMatchObject({ since: '1990-01-01', movedOutOn: '2023-08-31' });
    await expect(adapter.getResidence(SEEDED_RESIDENTS.lenzburgSecondary.id, context(4201))).resolves.toMatchObject({ residenceType: 'secondary' });
  });

  it('when Vemag answers E-AUTH-UNGUELTIG or E-AUTH-ABGELAUFEN, then the call is rejected with 401', async () => {
    const wrongKey = await failure(adapterFor(simulator.url, 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF').findResident(aarauMain, context(4001)));
    expect(wrongKey).toBeInstanceOf(BackOfficeRejectedError);
    expect(wrongKey.status).toBe(401);
    simulator.setFaults({ mode: 'expiredCredentials' });
    const expired = await failure(adapter.listOpenItems(aarauMain.id, context(4001)));
    expect(expired).toBeInstanceOf(BackOfficeRejectedError);
    expect(expired.status).toBe(401);
  });

  it('when Vemag answers E-MANDANT-UNBEKANNT, then the call is rejected with 404', async () => {
    expect(await errorCode(await raw(`einwohner/${aarauMain.id}/wohnsitz`, { mandant: '9999' }))).toBe('E-MANDANT-UNBEKANNT');
    const error = await failure(adapter.getResidence(aarauMain.id, context(9999)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(404);
  });

  it('when Vemag answers E-VALIDIERUNG, then the call is rejected with 400', async () => {
    const tooLong = { reference: 'v-1', residentId: aarauMain.id, amountRappen: 100, account: '4210.01', bookingText: 'x'.repeat(81) };
    const error = await failure(adapter.bookFee(tooLong, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(400);
    expect(simulator.calls().byOperation['bookFee']).toBe(1);
  });

  it('when a value cannot be written in Vemag format, then the adapter refuses it without a call', async () => {
    const error = await failure(
      adapter.bookFee({ reference: 'v-2', residentId: aarauMain.id, amountRappen: 12.5, account: '4210.01', bookingText: 'Gebühr' }, context(4001)),
    );
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(simulator.calls().total).toBe(0);
  });

  it('when requests are invalid, then the simulator answers 200 with E-VALIDIERUNG, as Vemag does', async () => {
    const search = (body: string, mandant = '4001') => raw('einwohner/suche', { mandant, body });
    expect(await errorCode(await search(JSON.stringify({ name: 'Muster', vorname: 'Anna', geburtsdatum: '31.02.1985' })))).toBe('E-VALIDIERUNG');
    expect(await errorCode(await search(JSON.stringify({ name: 'Muster', vorname: 'Anna', geburtsdatum: '1985-03-14' })))).toBe('E-VALIDIERUNG');
    expect(await errorCode(await search('{"name": "Muster",'))).toBe('E-VALIDIERUNG');
    expect(await errorCode(await raw('einwohner/suche', { body: JSON.stringify({ ahvNr: aarauMain.ahvNumber }) }))).toBe('E-VALIDIERUNG');
    expect(await errorCode(await search(JSON.stringify({ ahvNr: aarauMain.ahvNumber }), '4001'))).toBeUndefined();
  });

  it('when the gateway answers 503 with an HTML page, then the fault is retryable with its Retry-After', async () => {
    simulator.setFaults({ mode: 'error5xx' });
    const page = await raw('einwohner/suche', { mandant: '4001', body: '{}' });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const error = await failure(adapter.bookFee({ reference: 'v-3', residentId: aarauMain.id, amountRappen: 100, account: '1', bookingText: 'x' }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeUnavailableError);
    expect((error as BackOfficeUnavailableError).retryAfterMs).toBe(1_000);
  });

  it('when an instalment plan is agreed, then its francs strings become exact Rappen', async () => {
    const plan = await adapter.requestInstalmentPlan(
      { reference: 'v-4', residentId: aarauMain.id, itemIds: ['OP-4001-1002'], instalments: 7, firstDueDate: '2027-01-31' },
      context(4001),
    );
    expect(plan).toMatchObject({ outcome: 'agreed', totalRappen: 18_000 });
    if (plan.outcome === 'agreed') expect(plan.schedule.reduce((sum, rate) => sum + rate.amountRappen, 0)).toBe(18_000);
  });
});

/** A stand-in that answers whatever a test sets, to show how the adapter reads answers the simulator never gives. */
type CannedAnswer = { status?: number; contentType?: string; headers?: Record<string, string>; body: string | Uint8Array };

describe('Vemag adapter reading canned answers', () => {
  let server: Server;
  let baseUrl: string;
  let canned: CannedAnswer;
  let received: { url: string; headers: IncomingMessage['headers']; body: string }[];

  const ok = (daten: unknown): CannedAnswer => ({ body: latin1Json({ ok: true, daten }) });
  const code = (value: string, extra: Record<string, unknown> = {}): CannedAnswer => ({
    body: latin1Json({ ok: false, fehler: { code: value, text: 'Fehler', ...extra } }),
  });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(canned.status ?? 200, { 'content-type': canned.contentType ?? 'application/json; charset=iso-8859-1', ...canned.headers });
        response.end(canned.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received = [];
  });

  const residence = {
    id: 'P-1', wohnsitzart: 'HWS', zuzugsdatum: '01.06.2015', wegzugsdatum: null, gemeinde: { bfsNr: 4001, name: 'Aarau' },
    adresse: { strasse: 'Musterstrasse', hausnummer: null, plz: '5000', ort: 'Aarau' }, sperre: 'N', haushalt: [],
  };

  it('when a request is sent, then it is UTF-8 JSON with the key, the Mandant and the reference', async () => {
    canned = ok({ belegNr: 'B-1', buchungsdatum: '05.01.2027' });
    const adapter = adapterFor(baseUrl);
    await expect(adapter.bookFee({ reference: 'case-1:fee', residentId: 'P-1', amountRappen: 5, account: '4210.01', bookingText: 'Gebühr Bestätigung' }, context(4001)))
      .resolves.toEqual({ bookingId: 'B-1', bookedOn: '2027-01-05' });
    await adapter.bookFee({ reference: 'case-2:fee', residentId: 'P-1', amountRappen: 125_000, account: '4210.01', bookingText: 'x' }, context(4021));
    const [first, second] = received;
    expect(first?.url).toBe('/prefix/vemag/api/finanzen/buchungen');
    expect(first?.headers['authorization']).toBe(`VemagKey ${CREDENTIAL}`);
    expect(first?.headers['x-vemag-mandant']).toBe('4001');
    expect(first?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(first?.body ?? '')).toEqual({ referenz: 'case-1:fee', personId: 'P-1', betrag: '0.05', konto: '4210.01', text: 'Gebühr Bestätigung' });
    expect(JSON.parse(second?.body ?? '')).toMatchObject({ referenz: 'case-2:fee', betrag: '1250.00' });
    expect(second?.headers['x-vemag-mandant']).toBe('4021');
  });

  it('when a contact mutation is sent, then null deletes, a left-out field is absent and the answer\'s date is Swiss', async () => {
    canned = ok({ telefon: null, email: 'anna@example.ch', mutiertAm: '20.11.2026' });
    await expect(adapterFor(baseUrl).changeContactData({ reference: 'case-3:kontakt', residentId: 'P-1', phone: null }, context(4001)))
      .resolves.toEqual({ contact: { phone: null, email: 'anna@example.ch' }, changedOn: '2026-11-20' });
    expect(received[0]?.url).toBe('/prefix/vemag/api/einwohner/kontaktmutationen');
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ referenz: 'case-3:kontakt', personId: 'P-1', telefon: null });
    canned = ok({ id: 'P-1', telefon: '079 555 01 01', email: null });
    const error = await failure(adapterFor(baseUrl).getContactData('P-1', context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('/daten/telefon');
    expect(error.message).not.toContain('079');
  });

  it('when a damage report is sent, then its category and time are in Vemag terms', async () => {
    canned = ok({ ticketNr: 'T-1' });
    const report = { reference: 'r', category: 'green-space' as const, description: 'Ast', location: { latitude: 47.39, longitude: 8.04 }, reportedAt: '2026-11-20T18:45:00+01:00' };
    await expect(adapterFor(baseUrl).forwardDamageReport(report, context(4001))).resolves.toEqual({ ticketId: 'T-1' });
    expect(JSON.parse(received[0]?.body ?? '')).toMatchObject({ kategorie: 'GRUENANLAGE', gemeldetAm: '20.11.2026 18:45:00', standort: { breite: 47.39, laenge: 8.04 } });
  });

  it.each([
    ['an impossible date', { zuzugsdatum: '31.02.2020' }, '/daten/zuzugsdatum'],
    ['an ISO date', { wegzugsdatum: '2023-08-31' }, '/daten/wegzugsdatum'],
    ['an unknown residence type', { wohnsitzart: 'HAUPT' }, '/daten/wohnsitzart'],
  ])('when an answer carries %s, then it is a protocol fault naming the path, not the value', async (_case, change, path) => {
    canned = ok({ ...residence, ...change });
    const error = await failure(adapterFor(baseUrl).getResidence('P-1', context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain(path);
    for (const value of Object.values(change)) expect(error.message).not.toContain(value);
  });

  it('when an amount is not a two-decimal string, then it is a protocol fault', async () => {
    canned = ok({ posten: [{ postenNr: 'OP-1', bezeichnung: 'Steuern', offenerBetrag: 1250, faelligAm: '30.09.2026' }] });
    expect(await failure(adapterFor(baseUrl).listOpenItems('P-1', context(4001)))).toBeInstanceOf(BackOfficeProtocolError);
  });

  it('when the answer declares its charset, then it is decoded by it; an unknown charset is a protocol fault', async () => {
    const adapter = adapterFor(baseUrl);
    canned = { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ ok: true, daten: { ...residence, gemeinde: { bfsNr: 4021, name: 'Zürich-Süd' } } }) };
    await expect(adapter.getResidence('P-1', context(4021))).resolves.toMatchObject({ municipality: { name: 'Zürich-Süd' } });
    canned = { contentType: 'application/json', body: latin1Json({ ok: true, daten: { ...residence, gemeinde: { bfsNr: 4021, name: 'Zürich-Süd' } } }) };
    await expect(adapter.getResidence('P-1', context(4021))).resolves.toMatchObject({ municipality: { name: 'Zürich-Süd' } });
    canned = { ...ok(residence), contentType: 'application/json; charset=koi8-r' };
    expect(await failure(adapter.getResidence('P-1', context(4001)))).toBeInstanceOf(BackOfficeProtocolError);
  });

  const plan = { reference: 'p', residentId: 'P-1', itemIds: ['OP-1'], instalments: 2, firstDueDate: '2027-01-31' };
  const order = { reference: 's', articleCode: 'A', quantity: 1, deliveryAddress: { recipient: 'R', street: 'S', houseNumber: null, postalCode: '5000', town: 'Aarau' } };
  const unavailable = (error: BackOfficeError) => error instanceof BackOfficeUnavailableError && error.retryable;
  const rejectedWith = (status: number) => (error: BackOfficeError) => error instanceof BackOfficeRejectedError && error.status === status;
  const protocolFault = (error: BackOfficeError) => error instanceof BackOfficeProtocolError;

  it.each([
    ['E-AUTH-ABGELAUFEN', rejectedWith(401)],
    ['E-AUTH-UNGUELTIG', rejectedWith(401)],
    ['E-MANDANT-UNBEKANNT', rejectedWith(404)],
    ['E-VALIDIERUNG', rejectedWith(400)],
    ['E-SYSTEM', unavailable],
    ['E-GIBT-ES-NICHT', protocolFault],
    // A business code that means nothing for this operation is as unreadable as an unknown one.
    ['E-ARTIKEL-UNBEKANNT', protocolFault],
  ])('when Vemag answers %s, then the call fails accordingly', async (value, expected) => {
    canned = code(value);
    expect(expected(await failure(adapterFor(baseUrl).getResidence('P-1', context(4001))))).toBe(true);
  });

  it('when Vemag answers a business code, then it is the operation\'s outcome', async () => {
    const adapter = adapterFor(baseUrl);
    canned = code('E-PERSON-UNBEKANNT');
    await expect(adapter.findResident({ firstName: 'A', lastName: 'B', dateOfBirth: '2000-01-01' }, context(4001))).resolves.toBeNull();
    await expect(adapter.getResidence('P-1', context(4001))).resolves.toBeNull();
    await expect(adapter.listOpenItems('P-1', context(4001))).resolves.toBeNull();
    await expect(adapter.requestInstalmentPlan(plan, context(4001))).resolves.toEqual({ outcome: 'refused', reason: 'item-not-open' });
    expect(await failure(adapter.deliverStock(order, context(4001)))).toBeInstanceOf(BackOfficeProtocolError);
    canned = code('E-RATENPLAN-UNTER-MINIMUM');
    await expect(adapter.requestInstalmentPlan(plan, context(4001))).resolves.toEqual({ outcome: 'refused', reason: 'below-minimum' });
    canned = code('E-BESTAND-UNGENUEGEND', { bestand: 3 });
    await expect(adapter.deliverStock(order, context(4001))).resolves.toEqual({ outcome: 'out-of-stock', available: 3 });
    canned = code('E-BESTAND-UNGENUEGEND');
    expect(await failure(adapter.deliverStock(order, context(4001)))).toBeInstanceOf(BackOfficeProtocolError);
  });

  it('when the gateway answers with a status, then the status decides, whatever the body', async () => {
    const adapter = adapterFor(baseUrl);
    canned = { status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' };
    const outage = await failure(adapter.getResidence('P-1', context(4001)));
    expect(outage).toBeInstanceOf(BackOfficeUnavailableError);
    expect((outage as BackOfficeUnavailableError).retryAfterMs).toBeUndefined();
    canned = { status: 429, contentType: 'text/html', headers: { 'retry-after': '7' }, body: '<html></html>' };
    expect(((await failure(adapter.getResidence('P-1', context(4001)))) as BackOfficeUnavailableError).retryAfterMs).toBe(7_000);
    canned = { status: 404, contentType: 'text/html', body: '<html>Not Found</html>' };
    expect(await failure(adapter.getResidence('P-1', context(4001)))).toMatchObject({ status: 404, retryable: false });
  });
});
