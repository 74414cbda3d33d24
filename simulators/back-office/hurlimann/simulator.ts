/**
 * The Hürlimann interface of `./protocol.ts`, served by the simulator harness over the simulated
 * back office. Requests are checked against the same schema set as the adapter's answers.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BackOfficeOperation } from '../../../connectors/back-office/port.ts';
import type { BackOfficeState } from '../back-office-state.ts';
import type { FaultAnswer, ProtocolContext, VendorProtocol } from '../vendor-simulator.ts';
import {
  ACTION,
  ErrorCode,
  NEGATIVE_REPORT,
  XML_CONTENT_TYPE,
  bfsOfParticipantId,
  messageTypeOf,
  operationOfRequest,
} from '../../../connectors/back-office/hurlimann/protocol.ts';
import { checkAgainstSchema } from '../../../connectors/back-office/hurlimann/schema.ts';
import { serveRequest } from './simulator-operations.ts';
import { buildDocument, parseDocument, XmlShapeError, type XmlReader } from '../../../connectors/back-office/hurlimann/xml.ts';

const WWW_AUTHENTICATE = 'Basic realm="Huerlimann portal", charset="UTF-8"';

/** What the harness needs before the route runs: the operation and municipality a body names. */
type Peek = { readonly operation: BackOfficeOperation | undefined; readonly bfs: number | undefined };
const peeked = new WeakMap<FastifyRequest, Peek>();

export const hurlimannProtocol: VendorProtocol = {
  vendor: 'hurlimann',

  classify(request) {
    const peek = peekedRequest(request);
    return { operation: peek.operation ?? 'unknown', municipalityBfs: peek.bfs };
  },

  faultAnswer(fault): FaultAnswer {
    switch (fault) {
      case 'error5xx':
        return { ...errorAnswer(503, ErrorCode.unavailable, 'Service temporarily unavailable'), headers: { 'retry-after': '1' } };
      case 'rateLimited':
        return { ...errorAnswer(429, ErrorCode.rateLimited, 'Too many requests'), headers: { 'retry-after': '2' } };
      case 'expiredCredentials':
        return { ...errorAnswer(401, ErrorCode.authExpired, 'Password expired'), headers: { 'www-authenticate': WWW_AUTHENTICATE } };
      case 'malformed':
        return {
          status: 200,
          contentType: XML_CONTENT_TYPE,
          body: '<?xml version="1.0" encoding="UTF-8"?><hp:message xmlns:hp="urn:x-hurlimann:portal:1"><hp:header><eCH-0058:senderId>T4-',
        };
      case 'wrongShape':
        return {
          status: 200,
          contentType: XML_CONTENT_TYPE,
          body: buildDocument('hp:message', { 'hp:status': 'OK', 'hp:result': { 'hp:items': 'none', 'hp:padding': 'x'.repeat(64) } }),
        };
    }
  },

  register(app: FastifyInstance, context: ProtocolContext) {
    app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
    app.post('/ech/v1/messages', (request, reply) => answerMessage(context, request, reply));
  },
};

async function answerMessage(context: ProtocolContext, request: FastifyRequest, reply: FastifyReply) {
  if (!context.sameSecret(presentedCredential(request.headers.authorization), context.credential)) {
    return send(reply, { ...errorAnswer(401, ErrorCode.authInvalid, 'Authentication required'), headers: { 'www-authenticate': WWW_AUTHENTICATE } });
  }
  const xml = typeof request.body === 'string' ? request.body : '';
  if (/<!DOCTYPE/i.test(xml)) return send(reply, invalid('Document type declarations are not accepted'));
  const check = checkAgainstSchema(xml);
  if (!check.ok) {
    return send(reply, invalid(check.problem === 'invalid' ? `Not valid against the schema at ${check.at} (${check.violation})` : 'Not well-formed XML'));
  }
  try {
    return send(reply, serveMessage(context.state, xml));
  } catch (error) {
    if (error instanceof XmlShapeError) return send(reply, invalid(`Unreadable request: ${error.message}`));
    throw error;
  }
}

/** The answer to a schema-valid document: a message, or the gateway's error document. */
function serveMessage(state: BackOfficeState, xml: string): FaultAnswer {
  const { root, reader } = parseDocument(xml);
  if (root !== 'message') return invalid('Expected a message');
  const header = reader.child('header');
  const messageId = header.text('messageId');
  const [element = ''] = reader.names().filter((name) => name !== 'header');
  const operation = operationOfRequest(element);
  if (operation === undefined) return invalid('Expected a request', messageId);
  const recipients = header.texts('recipientId');
  const [recipient] = recipients;
  if (recipient === undefined || recipients.length > 1) return invalid('Expected exactly one recipientId', messageId);
  const bfs = bfsOfParticipantId(recipient);
  if (bfs === undefined || state.municipalityName(bfs) === undefined) {
    return errorAnswer(404, ErrorCode.municipalityUnknown, 'Recipient not served by this installation', messageId);
  }

  const served = serveRequest(state, bfs, operation, reader.child(element));
  const answerElement = served.kind === 'answer' ? served.element : NEGATIVE_REPORT;
  const body = buildDocument('hp:message', {
    'hp:header': answerHeader(header, recipient, answerElement, served.kind === 'answer' ? ACTION.response : ACTION.negativeReport),
    [`hp:${answerElement}`]: served.kind === 'answer' ? served.content : { 'hp:code': served.code },
  });
  return { status: 200, contentType: XML_CONTENT_TYPE, body };
}

function answerHeader(request: XmlReader, recipient: string, contentElement: string, action: string) {
  return {
    'eCH-0058:senderId': recipient,
    'eCH-0058:recipientId': request.text('senderId'),
    'eCH-0058:messageId': randomUUID(),
    'eCH-0058:referenceMessageId': request.text('messageId'),
    'eCH-0058:messageType': messageTypeOf(contentElement),
    'eCH-0058:sendingApplication': {
      'eCH-0058:manufacturer': 'Hürlimann (simulated)',
      'eCH-0058:product': 'Einwohner und Finanzen',
      'eCH-0058:productVersion': '1.0',
    },
    'eCH-0058:messageDate': new Date().toISOString(),
    'eCH-0058:action': action,
    'eCH-0058:testDeliveryFlag': request.text('testDeliveryFlag'),
  };
}

/** The gateway's error document, with the status it comes with. */
function errorAnswer(status: number, code: ErrorCode, text: string, referenceMessageId?: string): FaultAnswer {
  const body = buildDocument('hp:error', { 'hp:code': code, 'hp:text': text, 'hp:referenceMessageId': referenceMessageId });
  return { status, contentType: XML_CONTENT_TYPE, body };
}

function invalid(text: string, referenceMessageId?: string): FaultAnswer {
  return errorAnswer(400, ErrorCode.validation, text, referenceMessageId);
}

function send(reply: FastifyReply, answer: FaultAnswer) {
  return reply.code(answer.status).headers(answer.headers ?? {}).type(answer.contentType).send(answer.body);
}

/** The `user:password` of a Basic Authorization header. */
function presentedCredential(authorization: string | undefined): string | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(authorization?.trim() ?? '');
  return match?.[1] === undefined ? undefined : Buffer.from(match[1], 'base64').toString('utf8');
}

/** Operation and municipality of a body that may be anything; nothing is checked here. */
function peekedRequest(request: FastifyRequest): Peek {
  const known = peeked.get(request);
  if (known !== undefined) return known;
  let peek: Peek = { operation: undefined, bfs: undefined };
  try {
    if (typeof request.body === 'string') {
      const { reader } = parseDocument(request.body);
      const element = reader.names().find((name) => name !== 'header');
      const [recipient] = reader.child('header').texts('recipientId');
      peek = {
        operation: element === undefined ? undefined : operationOfRequest(element),
        bfs: recipient === undefined ? undefined : bfsOfParticipantId(recipient),
      };
    }
  } catch {
    // An unreadable body is classified as unknown; the route answers it.
  }
  peeked.set(request, peek);
  return peek;
}
