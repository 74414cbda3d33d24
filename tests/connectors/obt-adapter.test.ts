/**
 * What is special about OBT: SOAP 1.1 with SOAPAction and a WS-Security header, faults with HTTP
 * 500 whose detail code decides the outcome, a WSDL, CHF decimals, and prefixes that vary. The
 * port's shared behaviour is proved by the contract suite.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { BackOfficeError, BackOfficeProtocolError, BackOfficeRejectedError, BackOfficeUnavailableError } from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { startVendorSimulator, type BackOfficeSimulator } from '../../simulators/back-office/vendor-simulator.ts';
import { createObtAdapter } from '../../connectors/back-office/obt/adapter.ts';
import { readSoapMessage, requestEnvelope } from '../../connectors/back-office/obt/envelope.ts';
import { OBT_NAMESPACE, OBT_OPERATIONS, SOAP_ENVELOPE_NAMESPACE, WSSE_NAMESPACE, WSSE_PASSWORD_TEXT } from '../../connectors/back-office/obt/protocol.ts';
import { readWsdl } from '../../connectors/back-office/obt/schema.ts';
import { obtProtocol } from '../../simulators/back-office/obt/simulator.ts';
import { chfToRappen, rappenToChf } from '../../connectors/back-office/obt/values.ts';
import { childNamed } from '../../connectors/back-office/obt/xml.ts';

const CREDENTIAL = 'gemeindeportal:geheim:mit:doppelpunkten';
const { aarauMain, badenMain, lenzburgMain } = SEEDED_RESIDENTS;
const NS = { soap: SOAP_ENVELOPE_NAMESPACE, obt: OBT_NAMESPACE, wsse: WSSE_NAMESPACE, xsi: 'http://www.w3.org/2001/XMLSchema-instance', wsdl: 'http://schemas.xmlsoap.org/wsdl/', wsoap: 'http://schemas.xmlsoap.org/wsdl/soap/', xs: 'http://www.w3.org/2001/XMLSchema' };

const context = (municipalityBfs: number): BackOfficeCallContext => ({ municipalityBfs, correlationId: 'obt-test', signal: new AbortController().signal });
const adapterFor = (baseUrl: string, credential = CREDENTIAL): BackOfficePort =>
  createObtAdapter({ baseUrl, credential, timeoutMs: 2_000, logger: pino({ level: 'silent' }) });

async function failure(promise: Promise<unknown>): Promise<BackOfficeError> {
  const error: unknown = await promise.then(() => new Error('expected the call to fail'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(BackOfficeError);
  return error as BackOfficeError;
}

/** Values of an XPath in an XML text, read with libxml2 (independent of the adapter's reader). */
function xpathValues(xml: string, xpath: string): string[] {
  const document = XmlDocument.fromString(xml);
  try {
    return document.find(xpath, NS).map((node) => node.content);
  } finally {
    document.dispose();
  }
}

// A scripted OBT for answers the simulator never gives: it records requests and replies as told.
type Recorded = { readonly path: string; readonly headers: IncomingHttpHeaders; readonly body: string };
type Reply = { readonly status: number; readonly body: string; readonly headers?: Record<string, string> };
let scripted: Server;
let scriptedUrl: string;
let recorded: Recorded[];
let reply: (request: Recorded) => Reply;

const soap = (body: string, envelope = 'soap') =>
  `<?xml version="1.0"?><${envelope}:Envelope xmlns:${envelope}="${SOAP_ENVELOPE_NAMESPACE}"><${envelope}:Body>${body}</${envelope}:Body></${envelope}:Envelope>`;
const fault = (faultClass: string, code: string) =>
  soap(`<soap:Fault><faultcode>soap:${faultClass}</faultcode><faultstring>x</faultstring><detail><o:Fehler xmlns:o="${OBT_NAMESPACE}"><o:Code>${code}</o:Code></o:Fehler></detail></soap:Fault>`);
const answer = (element: string, content: string) => soap(`<obt:${element} xmlns:obt="${OBT_NAMESPACE}">${content}</obt:${element}>`);
const person = (id: string, name: string, firstName: string, born = '1985-03-14') =>
  `<obt:Person><obt:PersonId>${id}</obt:PersonId><obt:Name>${name}</obt:Name><obt:Vorname>${firstName}</obt:Vorname><obt:Geburtsdatum>${born}</obt:Geburtsdatum></obt:Person>`;

beforeAll(async () => {
  scripted = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      recorded.push(received);
      const { status, body, headers } = reply(received);
      response.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', ...headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => scripted.listen(0, '127.0.0.1', resolve));
  scriptedUrl = `http://127.0.0.1:${(scripted.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => scripted.close(() => resolve())));
beforeEach(() => {
  recorded = [];
  reply = () => ({ status: 500, body: fault('Server', 'SYSTEM_NICHT_VERFUEGBAR') });
});

describe('OBT amounts', () => {
  it('when Rappen are written, then they are CHF with two decimals', () => {
    expect(rappenToChf(125_000)).toBe('1250.00');
    expect(rappenToChf(5)).toBe('0.05');
    expect(rappenToChf(0)).toBe('0.00');
    expect(rappenToChf(-1_999)).toBe('-19.99');
  });

  it('when CHF are read, then the Rappen are exact, without floating-point drift', () => {
    expect(chfToRappen('1250.00')).toBe(125_000);
    expect(chfToRappen('0.05')).toBe(5);
    // 0.29 * 100 and 1.15 * 100 are not integers in binary floating point.
    expect(chfToRappen('0.29')).toBe(29);
    expect(chfToRappen('1.15')).toBe(115);
    expect(chfToRappen(' 12.5 ')).toBe(1_250);
    expect(chfToRappen('7')).toBe(700);
    expect(chfToRappen('3.100')).toBe(310);
    expect(chfToRappen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    for (const text of ['1.005', '', '.', 'abc', '1e3', '1,50', '90071992547409.92']) expect(() => chfToRappen(text)).toThrow();
  });

  it('when a fee is booked and open items are read, then 125000 Rappen travel as 1250.00 and 0.05 comes back as 5', async () => {
    reply = ({ headers }) =>
      headers.soapaction === '"urn:x-obt:gemeinde:3#BucheGebuehr"'
        ? { status: 200, body: answer('BucheGebuehrAntwort', '<obt:BuchungsId>B-1</obt:BuchungsId><obt:Buchungsdatum>2026-11-20</obt:Buchungsdatum>') }
        : {
            status: 200,
            body: answer('HoleOffenePostenAntwort', [
              '<obt:Posten><obt:PostenId>OP-2</obt:PostenId><obt:Bezeichnung>Rundung</obt:Bezeichnung><obt:OffenerBetrag>0.05</obt:OffenerBetrag><obt:Faelligkeit>2026-12-31</obt:Faelligkeit></obt:Posten>',
              '<obt:Posten><obt:PostenId>OP-1</obt:PostenId><obt:Bezeichnung>Steuern</obt:Bezeichnung><obt:OffenerBetrag>1250.00</obt:OffenerBetrag><obt:Faelligkeit>2026-09-30</obt:Faelligkeit></obt:Posten>',
            ].join('')),
          };
    const adapter = adapterFor(scriptedUrl);
    await adapter.bookFee({ reference: 'c-1', residentId: 'P-1', amountRappen: 125_000, account: '4210.01', bookingText: 'Gebühr' }, context(4001));
    expect(xpathValues(recorded[0]?.body ?? '', '//obt:BucheGebuehr/obt:Betrag')).toEqual(['1250.00']);
    await expect(adapter.listOpenItems('P-1', context(4001))).resolves.toEqual([
      { itemId: 'OP-1', description: 'Steuern', amountRappen: 125_000, dueDate: '2026-09-30' },
      { itemId: 'OP-2', description: 'Rundung', amountRappen: 5, dueDate: '2026-12-31' },
    ]);
  });
});

describe('OBT requests as sent', () => {
  it('when a resident is searched, then the envelope carries SOAPAction, WS-Security and the body in OBT\'s namespace', async () => {
    reply = () => ({ status: 200, body: answer('SuchePersonAntwort', '') });
    await adapterFor(`${scriptedUrl}/obt-prefix/`).findResident({ firstName: 'Zoë', lastName: "Müller & Söhne <AG>", dateOfBirth: '1985-03-14' }, context(4021));
    const [request] = recorded;
    expect(request?.path).toBe('/obt-prefix/soap/gemeinde/v3');
    expect(request?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(request?.headers.soapaction).toBe('"urn:x-obt:gemeinde:3#SuchePerson"');
    const body = request?.body ?? '';
    expect(body).toContain('Müller &amp; Söhne &lt;AG&gt;');
    expect(xpathValues(body, '/soap:Envelope/soap:Header/wsse:Security/@soap:mustUnderstand')).toEqual(['1']);
    expect(xpathValues(body, '//wsse:Security/wsse:UsernameToken/wsse:Username')).toEqual(['gemeindeportal']);
    expect(xpathValues(body, '//wsse:UsernameToken/wsse:Password')).toEqual(['geheim:mit:doppelpunkten']);
    expect(xpathValues(body, '//wsse:UsernameToken/wsse:Password/@Type')).toEqual([WSSE_PASSWORD_TEXT]);
    expect(xpathValues(body, '/soap:Envelope/soap:Body/obt:SuchePerson/*').length).toBe(4);
    expect(xpathValues(body, '/soap:Envelope/soap:Body/obt:SuchePerson/obt:Gemeinde')).toEqual(['4021']);
    expect(xpathValues(body, '//obt:SuchePerson/obt:Name')).toEqual(['Müller & Söhne <AG>']);
    expect(xpathValues(body, '//obt:SuchePerson/obt:Vorname')).toEqual(['Zoë']);
    expect(xpathValues(body, '//obt:SuchePerson/obt:Geburtsdatum')).toEqual(['1985-03-14']);
  });

  it('when each operation is called, then its SOAPAction and body element are the WSDL\'s', async () => {
    const wsdl = readWsdl();
    const adapter = adapterFor(scriptedUrl);
    const address = { street: 'Gasse', houseNumber: null, postalCode: '5000', town: 'Aarau' };
    const calls = {
      findResident: () => adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)),
      getResidence: () => adapter.getResidence('P-1', context(4001)),
      getContactData: () => adapter.getContactData('P-1', context(4001)),
      changeContactData: () => adapter.changeContactData({ reference: 'r', residentId: 'P-1', phone: '+41791234567', email: null }, context(4001)),
      bookFee: () => adapter.bookFee({ reference: 'r', residentId: 'P-1', amountRappen: 1, account: 'K', bookingText: 'T' }, context(4001)),
      listOpenItems: () => adapter.listOpenItems('P-1', context(4001)),
      requestInstalmentPlan: () => adapter.requestInstalmentPlan({ reference: 'r', residentId: 'P-1', itemIds: ['A'], instalments: 2, firstDueDate: '2027-01-31' }, context(4001)),
      forwardDamageReport: () => adapter.forwardDamageReport({ reference: 'r', category: 'green-space', description: 'D', location: { latitude: 47, longitude: 8.1 }, reportedAt: '2026-11-20T18:45:00+01:00' }, context(4001)),
      deliverStock: () => adapter.deliverStock({ reference: 'r', articleCode: 'A', quantity: 1, deliveryAddress: { recipient: 'R', ...address } }, context(4001)),
      requestDebtRegisterExtract: () => adapter.requestDebtRegisterExtract({ reference: 'r', person: { firstName: 'F', lastName: 'L', dateOfBirth: '2000-01-01', address } }, context(4001)),
      orderBirthRegisterExtract: () => adapter.orderBirthRegisterExtract({ reference: 'r', person: { firstName: 'F', lastName: 'L', dateOfBirth: '2000-01-01', placeOfBirth: 'P' }, deliveryAddress: { recipient: 'R', ...address } }, context(4001)),
    };
    expect(Object.keys(calls)).toEqual(Object.keys(OBT_OPERATIONS));
    for (const [operation, call] of Object.entries(calls)) {
      await failure(call());
      const sent = recorded.at(-1);
      const obtOperation = OBT_OPERATIONS[operation as keyof typeof OBT_OPERATIONS];
      const [action] = xpathValues(wsdl, `/wsdl:definitions/wsdl:binding/wsdl:operation[@name='${obtOperation}']/wsoap:operation/@soapAction`);
      expect(sent?.headers.soapaction).toBe(`"${action}"`);
      expect(xpathValues(sent?.body ?? '', `/soap:Envelope/soap:Body/obt:${obtOperation}/obt:Gemeinde`)).toEqual(['4001']);
      // What the adapter sends is valid against the WSDL's schema.
      const message = readSoapMessage(sent?.body ?? '');
      expect(message.kind === 'payload' && message.violation).toBeUndefined();
    }
  });
});

let simulator: BackOfficeSimulator;

describe('OBT simulator', () => {
  beforeAll(async () => {
    simulator = await startVendorSimulator(obtProtocol, { port: 0, credential: CREDENTIAL });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  const post = (body: string, soapAction: string | undefined) =>
    fetch(`${simulator.url}/soap/gemeinde/v3`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', ...(soapAction === undefined ? {} : { soapaction: soapAction }) },
      body,
    });
  const search = requestEnvelope('SuchePerson', { Gemeinde: '4001', AHVN13: '7569999000109' }, { username: 'gemeindeportal', password: 'geheim:mit:doppelpunkten' });

  it.each([
    ['another operation', '"urn:x-obt:gemeinde:3#HoleWohnsitz"'],
    ['no action', undefined],
    ['an empty action', '""'],
  ])('when the SOAPAction names %s, then the simulator answers a Client fault', async (_case, action) => {
    const response = await post(search, action);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(xpathValues(text, '//soap:Fault/faultcode')).toEqual(['soap:Client']);
    expect(xpathValues(text, '//soap:Fault/detail/obt:Fehler/obt:Code')).toEqual(['AKTION_UNGUELTIG']);
    expect((await post(search, '"urn:x-obt:gemeinde:3#SuchePerson"')).status).toBe(200);
  });

  it('when a header block it does not know must be understood, then the simulator answers a MustUnderstand fault', async () => {
    const withBlock = search.replace('<soap:Header>', `<soap:Header><x:Routing xmlns:x="urn:x" soap:mustUnderstand="1"/>`);
    const response = await post(withBlock, '"urn:x-obt:gemeinde:3#SuchePerson"');
    expect(response.status).toBe(500);
    expect(xpathValues(await response.text(), '//soap:Fault/faultcode')).toEqual(['soap:MustUnderstand']);
  });

  it('when the WSDL is asked for, then it is well-formed, complete and names the simulator\'s address', async () => {
    const response = await fetch(`${simulator.url}/soap/gemeinde/v3?wsdl`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const wsdl = await response.text();
    const document = XmlDocument.fromString(wsdl);
    try {
      expect(document.root.namespaceUri).toBe(NS.wsdl);
      const operations = Object.values(OBT_OPERATIONS);
      expect(document.find('/wsdl:definitions/wsdl:portType/wsdl:operation/@name', NS).map((n) => n.content)).toEqual(operations);
      expect(document.find('//wsdl:binding/wsdl:operation/wsoap:operation/@soapAction', NS).map((n) => n.content))
        .toEqual(operations.map((operation) => `urn:x-obt:gemeinde:3#${operation}`));
      expect(xpathValues(wsdl, '//wsdl:service/wsdl:port/wsoap:address/@location')).toEqual([`${simulator.url}/soap/gemeinde/v3`]);
      const schema = XmlDocument.fromString(document.get('//wsdl:types/xs:schema', NS)?.toString() ?? '');
      expect(() => XsdValidator.fromDoc(schema).dispose()).not.toThrow();
    } finally {
      document.dispose();
    }
    expect((await fetch(`${simulator.url}/soap/gemeinde/v3`)).status).toBe(405);
  });

  it('when a request breaks the schema, then OBT answers VALIDIERUNG and the adapter a refusal with 400', async () => {
    const error = await failure(adapterFor(simulator.url).requestInstalmentPlan(
      { reference: 'plan-13', residentId: aarauMain.id, itemIds: ['OP-4001-1001'], instalments: 13, firstDueDate: '2027-01-31' },
      context(4001),
    ));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(400);
  });

  it('when text carries umlauts, accents and \'&\', then it survives the simulator\'s round trip', async () => {
    const adapter = adapterFor(simulator.url);
    for (const resident of [badenMain, lenzburgMain]) {
      const match = await adapter.findResident({ firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth }, context(resident.residence.municipality.bfsNumber));
      expect(match).toMatchObject({ firstName: resident.firstName, lastName: resident.lastName });
    }
    await expect(adapter.listOpenItems(aarauMain.id, context(4001))).resolves.toContainEqual(expect.objectContaining({ description: 'Abfallgrundgebühr 2026' }));
  });
});

describe('OBT contact data', () => {
  it('when a change sets one entry and deletes the other, then the value travels and the deletion is xsi:nil; what stays is left out', async () => {
    reply = () => ({ status: 200, body: answer('AendereKontaktdatenAntwort', '<obt:Kontaktdaten><obt:Telefon>+41791234567</obt:Telefon></obt:Kontaktdaten><obt:Aenderungsdatum>2026-11-20</obt:Aenderungsdatum>') });
    const adapter = adapterFor(scriptedUrl);
    await expect(adapter.changeContactData({ reference: 'c-1', residentId: 'P-1', phone: '+41791234567', email: null }, context(4001)))
      .resolves.toEqual({ contact: { phone: '+41791234567', email: null }, changedOn: '2026-11-20' });
    const sent = recorded[0]?.body ?? '';
    expect(xpathValues(sent, '//obt:AendereKontaktdaten/obt:Telefon')).toEqual(['+41791234567']);
    expect(xpathValues(sent, '//obt:AendereKontaktdaten/obt:EMail/@xsi:nil')).toEqual(['true']);
    await adapter.changeContactData({ reference: 'c-2', residentId: 'P-1', email: 'a@example.ch' }, context(4001));
    expect(xpathValues(recorded[1]?.body ?? '', '//obt:AendereKontaktdaten/obt:Telefon')).toEqual([]);
  });

  it('when a change names neither entry, then OBT answers VALIDIERUNG and nothing is written', async () => {
    const simulated = await startVendorSimulator(obtProtocol, { port: 0, credential: CREDENTIAL });
    try {
      const error = await failure(adapterFor(simulated.url).changeContactData({ reference: 'c-3', residentId: aarauMain.id }, context(4001)));
      expect(error).toBeInstanceOf(BackOfficeRejectedError);
      expect(error.status).toBe(400);
      expect(simulated.state.written().contactDataChanges).toBe(0);
    } finally {
      await simulated.close();
    }
  });

  it('when Kontaktdaten carry a phone number that is not E.164, then the answer is a protocol fault that does not quote it', async () => {
    reply = () => ({ status: 200, body: answer('HoleKontaktdatenAntwort', '<obt:Kontaktdaten><obt:Telefon>079 123 45 67</obt:Telefon></obt:Kontaktdaten>') });
    const error = await failure(adapterFor(scriptedUrl).getContactData('P-1', context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('Telefon');
    expect(error.message).not.toContain('079');
  });
});

describe('OBT answers', () => {
  it('when text carries umlauts, accents, \'&\' and character references, then it round-trips exactly', async () => {
    // Echoes the name it was asked for, the way OBT would find the person.
    reply = ({ body }) => {
      const message = readSoapMessage(body);
      const request = message.kind === 'payload' ? message.payload : undefined;
      const name = request === undefined ? '' : (childNamed(request, OBT_NAMESPACE, 'Name')?.text ?? '');
      const escaped = name.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
      return { status: 200, body: answer('SuchePersonAntwort', person('P-1', escaped, 'Fran&#xE7;ois-<![CDATA[Zoë & Ana]]>')) };
    };
    const lastName = "D'Amico & Söhne <Ærø> Nguyễn";
    await expect(adapterFor(scriptedUrl).findResident({ firstName: 'x', lastName, dateOfBirth: '1985-03-14' }, context(4001)))
      .resolves.toEqual({ residentId: 'P-1', lastName, firstName: 'François-Zoë & Ana', dateOfBirth: '1985-03-14' });
  });

  it.each([
    ['SOAP-ENV and a default namespace', `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENVELOPE_NAMESPACE}"><SOAP-ENV:Header/><SOAP-ENV:Body><SuchePersonAntwort xmlns="${OBT_NAMESPACE}"><Person><PersonId>P-1</PersonId><Name>Muster</Name><Vorname>Anna</Vorname><Geburtsdatum>1985-03-14+01:00</Geburtsdatum></Person></SuchePersonAntwort></SOAP-ENV:Body></SOAP-ENV:Envelope>`],
    ['s and ns2, declared on the root', `<s:Envelope xmlns:s="${SOAP_ENVELOPE_NAMESPACE}" xmlns:ns2="${OBT_NAMESPACE}">\n  <s:Body>\n    <ns2:SuchePersonAntwort>\n      <ns2:Person><ns2:PersonId>P-1</ns2:PersonId><ns2:Name>Muster</ns2:Name><ns2:Vorname>Anna</ns2:Vorname><ns2:Geburtsdatum>1985-03-14</ns2:Geburtsdatum></ns2:Person>\n    </ns2:SuchePersonAntwort>\n  </s:Body>\n</s:Envelope>`],
  ])('when OBT writes %s, then the answer is read', async (_case, body) => {
    reply = () => ({ status: 200, body });
    await expect(adapterFor(scriptedUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)))
      .resolves.toEqual({ residentId: 'P-1', lastName: 'Muster', firstName: 'Anna', dateOfBirth: '1985-03-14' });
  });

  it('when the right names come in the wrong namespace, then the answer is a protocol fault', async () => {
    reply = () => ({ status: 200, body: soap(`<obt:SuchePersonAntwort xmlns:obt="urn:x-obt:gemeinde:2"/>`) });
    const error = await failure(adapterFor(scriptedUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('does not carry obt:SuchePersonAntwort');
  });

  it('when an answer breaks the schema, then the protocol fault names the element, never the value', async () => {
    reply = () => ({ status: 200, body: answer('SuchePersonAntwort', person('P-1', 'Muster', 'Anna', '1985-13-45')) });
    const error = await failure(adapterFor(scriptedUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('Geburtsdatum');
    expect(error.message).not.toMatch(/1985-13-45|Muster|Anna/);
  });

  it('when an answer declares a DTD, then it is refused unread', async () => {
    const withDtd = answer('SuchePersonAntwort', '').replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaa">]>');
    reply = () => ({ status: 200, body: withDtd });
    const error = await failure(adapterFor(scriptedUrl).findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('document type declarations');
  });

  it('when a residence has no house number and no household, then they are null and empty', async () => {
    reply = () => ({
      status: 200,
      body: answer('HoleWohnsitzAntwort', '<obt:Wohnsitz><obt:Art>Nebenwohnsitz</obt:Art><obt:Zuzugsdatum>2020-01-01</obt:Zuzugsdatum><obt:Wegzugsdatum>2024-06-30</obt:Wegzugsdatum><obt:Gemeinde>4201</obt:Gemeinde><obt:Gemeindename>Lenzburg</obt:Gemeindename><obt:Adresse><obt:Strasse>Weg</obt:Strasse><obt:Postleitzahl>5600</obt:Postleitzahl><obt:Ort>Lenzburg</obt:Ort></obt:Adresse><obt:Datensperre>1</obt:Datensperre><obt:Haushalt/></obt:Wohnsitz>'),
    });
    await expect(adapterFor(scriptedUrl).getResidence('P-1', context(4201))).resolves.toEqual({
      residenceType: 'secondary', since: '2020-01-01', movedOutOn: '2024-06-30', municipality: { bfsNumber: 4201, name: 'Lenzburg' },
      address: { street: 'Weg', houseNumber: null, postalCode: '5600', town: 'Lenzburg' }, blocked: true, household: [],
    });
  });
});

describe('OBT fault mapping', () => {
  const getResidence = () => adapterFor(scriptedUrl).getResidence('P-1', context(4001));
  const orderBirth = () => adapterFor(scriptedUrl).orderBirthRegisterExtract(
    { reference: 'r', person: { firstName: 'F', lastName: 'L', dateOfBirth: '2000-01-01', placeOfBirth: 'P' }, deliveryAddress: { recipient: 'R', street: 'S', houseNumber: '1', postalCode: '5000', town: 'T' } },
    context(4001),
  );

  it.each([
    ['Client', 'AUTH_UNGUELTIG', BackOfficeRejectedError, 401],
    // HTTP said 500, as for every SOAP fault; the port says what it means: 401.
    ['Client', 'AUTH_ABGELAUFEN', BackOfficeRejectedError, 401],
    ['Client', 'GEMEINDE_UNBEKANNT', BackOfficeRejectedError, 404],
    ['Client', 'VALIDIERUNG', BackOfficeRejectedError, 400],
    ['Client', 'AKTION_UNGUELTIG', BackOfficeRejectedError, 400],
    ['Client', 'NEUER_CODE', BackOfficeRejectedError, 400],
    ['MustUnderstand', 'VALIDIERUNG', BackOfficeRejectedError, 400],
    ['Server', 'SYSTEM_NICHT_VERFUEGBAR', BackOfficeUnavailableError, 500],
    ['Server', 'NEUER_CODE', BackOfficeUnavailableError, 500],
  ] as const)('when OBT answers a soap:%s fault %s, then the adapter throws %o with status %i', async (faultClass, code, type, status) => {
    reply = () => ({ status: 500, body: fault(faultClass, code), headers: { 'retry-after': '30' } });
    const error = await failure(getResidence());
    expect(error).toBeInstanceOf(type);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(type === BackOfficeUnavailableError);
    if (error instanceof BackOfficeUnavailableError) expect(error.retryAfterMs).toBe(30_000);
  });

  it('when OBT cannot find the person, then it is null where the port says null and a 404 refusal elsewhere', async () => {
    reply = () => ({ status: 500, body: fault('Client', 'PERSON_UNBEKANNT') });
    const adapter = adapterFor(scriptedUrl);
    await expect(getResidence()).resolves.toBeNull();
    await expect(adapter.listOpenItems('P-1', context(4001))).resolves.toBeNull();
    await expect(adapter.bookFee({ reference: 'r', residentId: 'P-1', amountRappen: 1, account: 'K', bookingText: 'T' }, context(4001))).resolves.toBeNull();
    const error = await failure(orderBirth());
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(404);
  });

  it('when a fault arrives with 200 or other prefixes, then it means the same', async () => {
    const body = `<e:Envelope xmlns:e="${SOAP_ENVELOPE_NAMESPACE}"><e:Body><e:Fault><faultcode>e:Client.Authentication</faultcode><faultstring>x</faultstring><detail><Fehler xmlns="${OBT_NAMESPACE}"><Code>AUTH_ABGELAUFEN</Code></Fehler></detail></e:Fault></e:Body></e:Envelope>`;
    for (const status of [200, 500]) {
      reply = () => ({ status, body });
      const error = await failure(getResidence());
      expect(error).toBeInstanceOf(BackOfficeRejectedError);
      expect(error.status).toBe(401);
    }
  });

  it.each([
    ['500 with an application server\'s HTML page', 500, '<html><body><h1>Internal Server Error</h1></body></html>'],
    ['502 from the gateway', 502, 'Bad Gateway'],
    ['500 with XML that is no SOAP fault', 500, answer('HoleWohnsitzAntwort', '')],
  ])('when OBT answers %s, then it is an outage', async (_case, status, body) => {
    reply = () => ({ status, body, headers: { 'content-type': 'text/html' } });
    const error = await failure(getResidence());
    expect(error).toBeInstanceOf(BackOfficeUnavailableError);
    expect(error.status).toBe(status);
  });

  it('when the credential has no colon, then the adapter cannot be created', () => {
    expect(() => adapterFor(scriptedUrl, 'nur-ein-passwort')).toThrow(RangeError);
  });
});
