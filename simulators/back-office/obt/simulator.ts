/** The OBT Gemeinde-Service of `./protocol.ts`, served by the simulator harness over the simulated back office. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultAnswer, ProtocolContext, VendorProtocol } from '../vendor-simulator.ts';
import { answerEnvelope, faultEnvelope, readSoapMessage, readUsernameToken, SoapReadError, usernameTokenOf, type FaultToWrite, type SoapMessage } from '../../../connectors/back-office/obt/envelope.ts';
import {
  OBT_ENDPOINT_PATH,
  OBT_NAMESPACE,
  OBT_OPERATIONS,
  ObtFehlercode,
  SOAP_CONTENT_TYPE,
  SOAP_ENVELOPE_NAMESPACE,
  WSSE_NAMESPACE,
  type PortOperation,
} from '../../../connectors/back-office/obt/protocol.ts';
import { readWsdl } from '../../../connectors/back-office/obt/schema.ts';
import { serveOperation } from './simulator-operations.ts';
import { ValueError } from '../../../connectors/back-office/obt/values.ts';
import { attributeNamed, childNamed, type XmlNode } from '../../../connectors/back-office/obt/xml.ts';

const ENDPOINT = `/${OBT_ENDPOINT_PATH}`;
const WSDL_ADDRESS = 'https://obt.example.ch/soap/gemeinde/v3';

const PORT_OPERATION_BY_ELEMENT: ReadonlyMap<string, PortOperation> = new Map(
  Object.entries(OBT_OPERATIONS).map(([port, obt]) => [obt, port as PortOperation]),
);

/** What the XML body parser made of a request: the message, or why there is none. */
type Incoming = { readonly message: SoapMessage } | { readonly unreadable: string };
const incoming = new WeakMap<FastifyRequest, Incoming>();

export const obtProtocol: VendorProtocol = {
  vendor: 'obt',

  classify(request) {
    if (request.method === 'GET') return { operation: 'wsdl' };
    const parsed = incoming.get(request);
    if (parsed === undefined || !('message' in parsed) || parsed.message.kind !== 'payload') return { operation: 'unknown' };
    const { payload } = parsed.message;
    const operation = payload.namespace === OBT_NAMESPACE ? PORT_OPERATION_BY_ELEMENT.get(payload.localName) : undefined;
    const bfs = Number(childNamed(payload, OBT_NAMESPACE, 'Gemeinde')?.text.trim());
    return { operation: operation ?? 'unknown', municipalityBfs: Number.isInteger(bfs) ? bfs : undefined };
  },

  faultAnswer(fault): FaultAnswer {
    switch (fault) {
      case 'error5xx':
        return {
          status: 503,
          contentType: 'text/html; charset=utf-8',
          headers: { 'retry-after': '1' },
          body: '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>OBT Gateway: Gemeinde-Service voruebergehend nicht erreichbar.</p></body></html>',
        };
      case 'rateLimited':
        return { status: 429, contentType: 'text/plain; charset=utf-8', headers: { 'retry-after': '2' }, body: 'Too Many Requests: rate limit exceeded, retry later.' };
      case 'expiredCredentials':
        return soapFault({ faultClass: 'Client', faultstring: 'Passwort abgelaufen', code: ObtFehlercode.authAbgelaufen });
      case 'malformed':
        return {
          status: 200,
          contentType: SOAP_CONTENT_TYPE,
          body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}"><soap:Body><obt:SuchePersonAntwort xmlns:obt="${OBT_NAMESPACE}"><obt:Person><obt:PersonId>P-0000-0000</obt:Person></soap:Body>`,
        };
      case 'wrongShape':
        return {
          status: 200,
          contentType: SOAP_CONTENT_TYPE,
          body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}"><soap:Body><obt:Quittung xmlns:obt="${OBT_NAMESPACE}"><obt:Status>OK</obt:Status><obt:Hinweis>Verarbeitung erfolgreich abgeschlossen</obt:Hinweis></obt:Quittung></soap:Body></soap:Envelope>`,
        };
    }
  },

  register(app: FastifyInstance, context: ProtocolContext) {
    app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
      const contentType = request.headers['content-type'] ?? '';
      incoming.set(request, /^text\/xml\s*(;|$)/i.test(contentType) ? read(body as string) : { unreadable: 'SOAP 1.1 erwartet Content-Type text/xml' });
      done(null, body);
    });
    app.get(ENDPOINT, async (request, reply) => {
      if (!Object.hasOwn(request.query as object, 'wsdl')) {
        return reply.code(405).header('allow', 'POST').type('text/plain; charset=utf-8').send('POST SOAP 1.1 requests here; GET ?wsdl for the WSDL.');
      }
      const address = `${request.protocol}://${request.host}${ENDPOINT}`;
      return reply.type(SOAP_CONTENT_TYPE).send(readWsdl().replace(WSDL_ADDRESS, address));
    });
    app.post(ENDPOINT, async (request, reply) => send(reply, answer(request, context)));
  },
};

function read(body: string): Incoming {
  try {
    return { message: readSoapMessage(body) };
  } catch (error) {
    if (error instanceof SoapReadError) return { unreadable: `Nachricht nicht lesbar: ${error.message}` };
    throw error;
  }
}

/** OBT's checks in its order: readable, authenticated, headers understood, action, schema, municipality. */
function answer(request: FastifyRequest, context: ProtocolContext): FaultAnswer {
  const parsed = incoming.get(request) ?? { unreadable: 'SOAP 1.1 erwartet Content-Type text/xml' };
  if ('unreadable' in parsed) return invalid(parsed.unreadable);
  const { message } = parsed;
  if (message.kind !== 'payload') return invalid('Eine Anfrage ist kein Fault');
  if (!authenticated(message.header, context)) {
    return soapFault({ faultClass: 'Client', faultstring: 'Authentifizierung fehlgeschlagen', code: ObtFehlercode.authUngueltig });
  }
  const notUnderstood = headerNotUnderstood(message.header);
  if (notUnderstood !== undefined) {
    return soapFault({ faultClass: 'MustUnderstand', faultstring: `Header nicht verstanden: ${notUnderstood}`, code: ObtFehlercode.validierung });
  }
  const { payload } = message;
  const operation = payload.namespace === OBT_NAMESPACE ? PORT_OPERATION_BY_ELEMENT.get(payload.localName) : undefined;
  if (operation === undefined) return invalid('Unbekannte Operation');
  const action = String(request.headers.soapaction ?? '').trim().replace(/^"(.*)"$/, '$1');
  if (action !== `${OBT_NAMESPACE}#${OBT_OPERATIONS[operation]}`) {
    return soapFault({ faultClass: 'Client', faultstring: 'SOAPAction passt nicht zur Operation', code: ObtFehlercode.aktionUngueltig });
  }
  if (message.violation !== undefined) return invalid(`Schemaverletzung bei ${message.violation}`);
  const bfs = Number(childNamed(payload, OBT_NAMESPACE, 'Gemeinde')?.text.trim());
  if (context.state.municipalityName(bfs) === undefined) {
    return soapFault({ faultClass: 'Client', faultstring: 'Gemeinde unbekannt', code: ObtFehlercode.gemeindeUnbekannt });
  }
  try {
    const served = serveOperation(context.state, operation, bfs, payload);
    if (served.kind === 'person-unknown') {
      return soapFault({ faultClass: 'Client', faultstring: 'Person unbekannt', code: ObtFehlercode.personUnbekannt });
    }
    return { status: 200, contentType: SOAP_CONTENT_TYPE, body: answerEnvelope(OBT_OPERATIONS[operation], served.payload) };
  } catch (error) {
    if (error instanceof ValueError || error instanceof SoapReadError) return invalid(error.message);
    throw error;
  }
}

function authenticated(header: XmlNode | undefined, context: ProtocolContext): boolean {
  const presented = readUsernameToken(header);
  const expected = usernameTokenOf(context.credential);
  if (typeof presented === 'string' || expected === undefined) return false;
  // Both comparisons always run, so that timing does not tell which part was wrong.
  const sameUser = context.sameSecret(presented.username, expected.username);
  const samePassword = context.sameSecret(presented.password, expected.password);
  return sameUser && samePassword;
}

/** The qualified name of a header block marked mustUnderstand that OBT does not process. */
function headerNotUnderstood(header: XmlNode | undefined): string | undefined {
  const block = header?.children.find((child) => {
    const flag = attributeNamed(child, SOAP_ENVELOPE_NAMESPACE, 'mustUnderstand')?.trim();
    return (flag === '1' || flag === 'true') && !(child.namespace === WSSE_NAMESPACE && child.localName === 'Security');
  });
  return block === undefined ? undefined : `{${block.namespace}}${block.localName}`;
}

function invalid(reason: string): FaultAnswer {
  return soapFault({ faultClass: 'Client', faultstring: 'Anfrage ungültig', code: ObtFehlercode.validierung, message: reason });
}

/** SOAP 1.1 (section 6.2): every fault travels with HTTP 500. */
function soapFault(fault: FaultToWrite): FaultAnswer {
  return { status: 500, contentType: SOAP_CONTENT_TYPE, body: faultEnvelope(fault) };
}

function send(reply: FastifyReply, answer: FaultAnswer) {
  return reply.code(answer.status).headers(answer.headers ?? {}).type(answer.contentType).send(answer.body);
}
