/**
 * What is special about Hürlimann: eCH XML checked against XSDs in both directions, the eCH-0058
 * header that ties every answer to its request, text escaping and character references, HTTP
 * Basic authentication and the gateway's XML error documents. The port's shared behaviour is
 * proved by the contract suite.
 *
 * A tampering proxy between adapter and simulator records every exchange and can alter the
 * simulator's answers, for answers the simulator never gives on its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { XmlDocument } from 'libxml2-wasm';
import { BackOfficeError, BackOfficeProtocolError, BackOfficeRejectedError } from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { startVendorSimulator, type BackOfficeSimulator } from '../../simulators/back-office/vendor-simulator.ts';
import { createHurlimannAdapter } from '../../connectors/back-office/hurlimann/adapter.ts';
import { hurlimann } from '../../connectors/back-office/hurlimann/index.ts';
import { NAMESPACES } from '../../connectors/back-office/hurlimann/protocol.ts';
import { checkAgainstSchema } from '../../connectors/back-office/hurlimann/schema.ts';
import { hurlimannProtocol } from '../../simulators/back-office/hurlimann/simulator.ts';

const CREDENTIAL = 'gemeindeportal:Pässwört&geheim';
const { aarauMain, badenMain, lenzburgMain } = SEEDED_RESIDENTS;

const context = (municipalityBfs: number): BackOfficeCallContext => ({ municipalityBfs, correlationId: 'hurlimann-test', signal: new AbortController().signal });
const adapterFor = (baseUrl: string, credential = CREDENTIAL): BackOfficePort =>
  createHurlimannAdapter({ baseUrl, credential, timeoutMs: 2_000, logger: pino({ level: 'silent' }) });
const basic = (credential: string) => `Basic ${Buffer.from(credential, 'utf8').toString('base64')}`;

async function failure(promise: Promise<unknown>): Promise<BackOfficeError> {
  const error: unknown = await promise.then(() => new Error('expected the call to fail'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(BackOfficeError);
  return error as BackOfficeError;
}

/** Texts at an XPath, read with libxml2 (independent of the adapter's reader). */
function xpathValues(xml: string, xpath: string): string[] {
  const document = XmlDocument.fromString(xml);
  try {
    return document.find(xpath, { ...NAMESPACES }).map((node) => node.content);
  } finally {
    document.dispose();
  }
}

let simulator: BackOfficeSimulator;
let proxy: Server;
let proxyUrl: string;
let exchanges: { request: string; status: number; answer: string }[];
let tamper: (answer: string) => string;

beforeAll(async () => {
  simulator = await startVendorSimulator(hurlimannProtocol, { port: 0, credential: CREDENTIAL });
  proxy = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const forwarded = await fetch(`${simulator.url}${request.url ?? ''}`, {
        method: request.method ?? 'POST',
        headers: { authorization: request.headers.authorization ?? '', 'content-type': request.headers['content-type'] ?? '' },
        body,
      });
      const answer = tamper(await forwarded.text());
      exchanges.push({ request: body, status: forwarded.status, answer });
      response.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? '' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await simulator.close();
});
beforeEach(() => {
  simulator.reset();
  exchanges = [];
  tamper = (answer) => answer;
});

const post = (body: string, authorization = basic(CREDENTIAL)) =>
  fetch(`${simulator.url}/ech/v1/messages`, { method: 'POST', headers: { authorization, 'content-type': 'application/xml; charset=utf-8' }, body });

describe('XSD validation of answers', () => {
  it('when an answer lacks a required element, then it is a protocol fault naming the path, not a value', async () => {
    tamper = (answer) => answer.replace('<eCH-0011:typeOfHousehold>1</eCH-0011:typeOfHousehold>', '');
    const error = await failure(adapterFor(proxyUrl).getResidence(aarauMain.id, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain(
      "'/hp:message/hp:residenceResponse/hp:hasMainResidence/eCH-0011:mainResidence/eCH-0011:dwellingAddress' (missing element typeOfHousehold)",
    );
    for (const value of ['Musterstrasse', 'Aarau', '5000', aarauMain.id, 'Anna']) expect(error.message).not.toContain(value);
  });

  it('when an answer carries a value outside its type, then it is a protocol fault that does not quote the value', async () => {
    tamper = (answer) => answer.replace('<hp:dataLock>0</hp:dataLock>', '<hp:dataLock>Sperre-Muster</hp:dataLock>');
    const error = await failure(adapterFor(proxyUrl).getResidence(aarauMain.id, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain("'/hp:message/hp:residenceResponse/hp:dataLock' (invalid value)");
    expect(error.message).not.toContain('Muster');
  });

  it('when an answer carries a document type declaration, then it is refused before parsing', async () => {
    tamper = (answer) => answer.replace('?>', '?><!DOCTYPE hp:message [<!ENTITY x "y">]>');
    const error = await failure(adapterFor(proxyUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('document type declaration');
  });
});

describe('XSD validation of requests', () => {
  it('when a request would violate the schema, then the adapter refuses to send it', async () => {
    const adapter = adapterFor(simulator.url);
    const before = simulator.calls().total;
    const badFee = await failure(adapter.bookFee({ reference: 'r-1', residentId: aarauMain.id, amountRappen: -500, account: '4210.01', bookingText: 'Gebühr' }, context(4001)));
    expect(badFee).toBeInstanceOf(BackOfficeProtocolError);
    expect(badFee.message).toContain("'/hp:message/hp:feeBookingRequest/hp:amount' (invalid value); not sent");
    const badPlan = adapter.requestInstalmentPlan({ reference: 'r-2', residentId: aarauMain.id, itemIds: ['OP-4001-1001'], instalments: 13, firstDueDate: '2026-12-31' }, context(4001));
    expect(await failure(badPlan)).toBeInstanceOf(BackOfficeProtocolError);
    expect(simulator.calls().total).toBe(before);
  });

  it('when the simulator gets a request that violates the schema, then it answers 400 with a VALIDATION error document', async () => {
    const valid = await recordedRequest();
    for (const invalid of [
      valid.replace(/<hp:vn>\d+<\/hp:vn>/, '<hp:vn>123</hp:vn>'),
      valid.replace(/<eCH-0058:messageId>[^<]*<\/eCH-0058:messageId>/, ''),
      valid.replace('</hp:message>', ''),
      valid.replace(/<hp:searchPersonRequest>.*<\/hp:searchPersonRequest>/, '<hp:damageReportResponse><hp:ticketId>T</hp:ticketId></hp:damageReportResponse>'),
    ]) {
      const response = await post(invalid);
      const body = await response.text();
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
      expect(checkAgainstSchema(body)).toEqual({ ok: true });
      expect(xpathValues(body, '/hp:error/hp:code')).toEqual(['VALIDATION']);
    }
  });
});

describe('eCH-0058 header', () => {
  it('when requests are sent, then each has its own messageId and each answer refers to it', async () => {
    const adapter = adapterFor(proxyUrl);
    await adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001));
    await adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001));
    await adapter.getResidence(aarauMain.id, context(4001));
    const header = '/hp:message/hp:header/eCH-0058:';
    const messageIds = exchanges.map(({ request }) => xpathValues(request, `${header}messageId`)[0]);
    expect(new Set(messageIds).size).toBe(3);
    for (const { request, answer } of exchanges) {
      expect(xpathValues(answer, `${header}referenceMessageId`)).toEqual(xpathValues(request, `${header}messageId`));
      expect(xpathValues(request, `${header}recipientId`)).toEqual(['T4-4001']);
      expect(xpathValues(request, `${header}action`)).toEqual(['5']);
      expect(xpathValues(answer, `${header}senderId`)).toEqual(['T4-4001']);
      expect(xpathValues(answer, `${header}action`)).toEqual(['6']);
    }
  });

  it('when an answer refers to another message, then it is a protocol fault', async () => {
    tamper = (answer) => answer.replace(/(<eCH-0058:referenceMessageId>)[^<]*/, '$100000000-0000-4000-8000-000000000000');
    const error = await failure(adapterFor(proxyUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain("refers to another message at '/message/header/referenceMessageId'");
  });

  it('when the resident is unknown, then Hürlimann sends a negative report (action 8) that reads as null', async () => {
    await expect(adapterFor(proxyUrl).getResidence('P-4001-9999', context(4001))).resolves.toBeNull();
    const { answer } = recorded(0);
    expect(xpathValues(answer, '/hp:message/hp:header/eCH-0058:action')).toEqual(['8']);
    expect(xpathValues(answer, '/hp:message/hp:negativeReport/hp:code')).toEqual(['PERSON-UNKNOWN']);
  });

  it('when an operation without a business "unknown" gets a negative report, then it is a protocol fault', async () => {
    tamper = (answer) =>
      answer.replace(/<hp:damageReportResponse>.*<\/hp:damageReportResponse>/, '<hp:negativeReport><hp:code>PERSON-UNKNOWN</hp:code></hp:negativeReport>');
    const report = { reference: 'r-3', category: 'road' as const, description: 'Loch', location: { latitude: 47.39, longitude: 8.04 }, reportedAt: '2026-11-20T18:45:00+01:00' };
    expect(await failure(adapterFor(proxyUrl).forwardDamageReport(report, context(4001)))).toBeInstanceOf(BackOfficeProtocolError);
  });
});

describe('text on the wire', () => {
  it('when texts carry umlauts, accents, & and <, then they are escaped on the way out and arrive unchanged', async () => {
    const recipient = 'Müller & Söhne <Élodie> "Zürich"';
    const adapter = adapterFor(proxyUrl);
    await adapter.deliverStock(
      { reference: 'r-4', articleCode: 'KEHRICHT-35L', quantity: 1, deliveryAddress: { recipient, ...lenzburgMain.residence.address } },
      context(4201),
    );
    await adapter.bookFee({ reference: 'r-5', residentId: aarauMain.id, amountRappen: 3_000, account: '4210.01', bookingText: 'Gebühr & Porto' }, context(4001));
    const [delivery, booking] = [recorded(0), recorded(1)];
    expect(delivery.request).toContain('Müller &amp; Söhne &lt;Élodie&gt;');
    expect(xpathValues(delivery.request, '//hp:deliveryAddress/hp:recipient')).toEqual([recipient]);
    expect(xpathValues(booking.request, '//hp:bookingText')).toEqual(['Gebühr & Porto']);
    expect(xpathValues(booking.request, '//hp:amount')).toEqual(['30.00']);
  });

  it('when an answer spells names with character references, then the names are decoded', async () => {
    tamper = (answer) => answer.replace('Jürg', 'J&#252;rg').replace('Müsterli', 'M&#xFC;sterli');
    await expect(adapterFor(proxyUrl).findResident({ ahvNumber: badenMain.ahvNumber }, context(4021))).resolves.toEqual({
      residentId: badenMain.id,
      firstName: 'Jürg',
      lastName: 'Müsterli',
      dateOfBirth: badenMain.dateOfBirth,
    });
  });
});

describe('contact data', () => {
  it('when a change sets the phone and deletes the e-mail, then a value and a delete element travel; what stays is left out', async () => {
    const adapter = adapterFor(proxyUrl);
    await expect(adapter.changeContactData({ reference: 'r-10', residentId: aarauMain.id, phone: '+41795550101', email: null }, context(4001)))
      .resolves.toMatchObject({ contact: { phone: '+41795550101', email: null } });
    const change = recorded(0);
    expect(xpathValues(change.request, '//hp:contactDataChangeRequest/hp:phoneNumber')).toEqual(['+41795550101']);
    expect(xpathValues(change.request, '//hp:contactDataChangeRequest/hp:deleteEmailAddress')).toEqual(['']);
    // The answer leaves out the entry the register no longer holds.
    expect(xpathValues(change.answer, '//hp:contactDataChangeResponse/hp:emailAddress')).toEqual([]);
    await adapter.changeContactData({ reference: 'r-11', residentId: aarauMain.id, email: 'anna@example.ch' }, context(4001));
    expect(xpathValues(recorded(1).request, '//hp:contactDataChangeRequest/*[local-name()="phoneNumber" or local-name()="deletePhoneNumber"]')).toEqual([]);
  });

  it('when a change names neither entry or a phone number that is not E.164, then the adapter refuses to send it', async () => {
    const adapter = adapterFor(simulator.url);
    const before = simulator.calls().total;
    for (const change of [{}, { phone: '079 555 01 01' }]) {
      const error = await failure(adapter.changeContactData({ reference: 'r-12', residentId: aarauMain.id, ...change }, context(4001)));
      expect(error).toBeInstanceOf(BackOfficeProtocolError);
      expect(error.message).toContain('not sent');
      expect(error.message).not.toContain('079');
    }
    expect(simulator.calls().total).toBe(before);
  });
});

describe('authentication and error documents', () => {
  it('when the password is wrong or missing, then Hürlimann answers 401 AUTH-INVALID and the adapter rejects with 401', async () => {
    const error = await failure(adapterFor(simulator.url, 'gemeindeportal:falsch').findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error).toMatchObject({ status: 401, retryable: false, vendor: 'Hürlimann', operation: 'findResident' });
    const response = await post(await recordedRequest(), 'Bearer x');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(xpathValues(await response.text(), '/hp:error/hp:code')).toEqual(['AUTH-INVALID']);
  });

  it('when the password has expired, then the error document says AUTH-EXPIRED and the adapter rejects with 401', async () => {
    const request = await recordedRequest();
    simulator.setFaults({ mode: 'expiredCredentials' });
    const response = await post(request);
    expect(response.status).toBe(401);
    expect(xpathValues(await response.text(), '/hp:error/hp:code')).toEqual(['AUTH-EXPIRED']);
    const error = await failure(adapterFor(simulator.url).getResidence(aarauMain.id, context(4001)));
    expect(error).toMatchObject({ status: 401, retryable: false });
  });

  it('when the recipient is not served, then the error document says MUNICIPALITY-UNKNOWN and refers to the request', async () => {
    const error = await failure(adapterFor(proxyUrl).getResidence(aarauMain.id, context(9999)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(404);
    const { request, answer } = recorded(0);
    expect(xpathValues(answer, '/hp:error/hp:code')).toEqual(['MUNICIPALITY-UNKNOWN']);
    expect(xpathValues(answer, '/hp:error/hp:referenceMessageId')).toEqual(xpathValues(request, '/hp:message/hp:header/eCH-0058:messageId'));
  });

  it('when the credential is not user:password, then no adapter is made', () => {
    expect(() => adapterFor(simulator.url, 'only-a-key')).toThrow(RangeError);
    expect(hurlimann.generateCredential()).toMatch(/^[^:]+:.+$/);
  });
});

function recorded(index: number) {
  const exchange = exchanges[index];
  if (exchange === undefined) throw new Error(`no exchange ${index} recorded`);
  return exchange;
}

/** A valid search request as the adapter sends it, captured through the proxy. */
async function recordedRequest(): Promise<string> {
  const before = exchanges.length;
  await adapterFor(proxyUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001));
  const captured = exchanges[before]?.request;
  if (captured === undefined) throw new Error('no request captured');
  exchanges.splice(before);
  return captured;
}
