/**
 * One Hürlimann exchange for the adapter: wrap the content in an eCH-0058 header, check the request
 * against the schema (a failure is this adapter's bug, so nothing is sent), POST it, and accept
 * only a schema-valid answer to this very message. Faults become the port's errors, naming
 * element paths but never values.
 */
import { randomUUID } from 'node:crypto';
import { BackOfficeProtocolError } from '../errors.ts';
import { exchange, faultForStatus, isSuccess } from '../http/exchange.ts';
import type { BackOfficeCallContext, BackOfficeOperation } from '../port.ts';
import {
  ACTION,
  EXCHANGES,
  HURLIMANN,
  MESSAGES_PATH,
  NEGATIVE_REPORT,
  PORTAL_PARTICIPANT_ID,
  XML_CONTENT_TYPE,
  messageTypeOf,
  municipalityParticipantId,
} from './protocol.ts';
import { checkAgainstSchema } from './schema.ts';
import { buildDocument, parseDocument, XmlShapeError, type XmlContent, type XmlReader } from './xml.ts';

export type HurlimannSettings = {
  readonly baseUrl: URL;
  /** The value of the Authorization header. */
  readonly authorization: string;
  readonly timeoutMs: number;
};

/** The answer's content: the operation's answer element, or a negative report's code. */
export type HurlimannAnswer =
  | { readonly kind: 'answer'; readonly content: XmlReader }
  | { readonly kind: 'negative-report'; readonly code: string };

export function basicAuthorization(credential: string): string {
  return `Basic ${Buffer.from(credential, 'utf8').toString('base64')}`;
}

/**
 * Sends the operation's request with `content` and hands the answer to `read`; a document shape
 * that `read` does not find is a protocol fault too. Throws the port's errors, or the caller's
 * abort reason.
 */
export async function callHurlimann<T>(
  settings: HurlimannSettings,
  call: { readonly operation: BackOfficeOperation; readonly content: XmlContent; readonly context: BackOfficeCallContext },
  read: (answer: HurlimannAnswer) => T,
): Promise<T> {
  const { operation, context } = call;
  const messageId = randomUUID();
  const request = buildDocument('hp:message', {
    'hp:header': header(messageId, EXCHANGES[operation].request, context.municipalityBfs),
    [`hp:${EXCHANGES[operation].request}`]: call.content,
  });
  const requestCheck = checkAgainstSchema(request);
  if (!requestCheck.ok) {
    const where = requestCheck.problem === 'invalid' ? ` at '${requestCheck.at}' (${requestCheck.violation})` : '';
    throw protocolFault(operation, undefined, `request does not satisfy the schema${where}; not sent`);
  }

  const response = await exchange({
    vendor: HURLIMANN,
    operation,
    url: new URL(MESSAGES_PATH, settings.baseUrl),
    method: 'POST',
    headers: { authorization: settings.authorization, 'content-type': XML_CONTENT_TYPE, accept: 'application/xml' },
    body: request,
    timeoutMs: settings.timeoutMs,
    context,
  });
  if (!isSuccess(response)) throw faultForStatus(HURLIMANN, operation, response);
  const { status } = response;

  const text = decodeUtf8(response.bytes);
  if (text === undefined) throw protocolFault(operation, status, 'answer is not UTF-8');
  if (/<!DOCTYPE/i.test(text)) throw protocolFault(operation, status, 'answer carries a document type declaration');
  const answerCheck = checkAgainstSchema(text);
  if (!answerCheck.ok) {
    if (answerCheck.problem === 'not-well-formed') throw protocolFault(operation, status, 'answer is not well-formed XML');
    throw protocolFault(operation, status, `answer does not satisfy the schema at '${answerCheck.at}' (${answerCheck.violation})`);
  }

  try {
    const { root, reader } = parseDocument(text);
    if (root !== 'message') throw new XmlShapeError(`/${root}`, 'expected a message');
    if (reader.child('header').optionalText('referenceMessageId') !== messageId) {
      throw new XmlShapeError(`${reader.path}/header/referenceMessageId`, 'answer refers to another message');
    }
    const [element] = reader.names().filter((name) => name !== 'header');
    if (element === EXCHANGES[operation].answer) return read({ kind: 'answer', content: reader.child(element) });
    if (element === NEGATIVE_REPORT) return read({ kind: 'negative-report', code: reader.child(element).text('code') });
    throw new XmlShapeError(`${reader.path}/${element ?? ''}`, 'unexpected content');
  } catch (error) {
    if (error instanceof XmlShapeError) throw protocolFault(operation, status, `answer unreadable: ${error.message}`);
    throw error;
  }
}

/** The fault for a negative report the operation has no business answer for. */
export function unexpectedNegativeReport(operation: BackOfficeOperation): BackOfficeProtocolError {
  return protocolFault(operation, 200, 'unexpected negative report');
}

function header(messageId: string, contentElement: string, municipalityBfs: number): XmlContent {
  return {
    'eCH-0058:senderId': PORTAL_PARTICIPANT_ID,
    'eCH-0058:recipientId': municipalityParticipantId(municipalityBfs),
    'eCH-0058:messageId': messageId,
    'eCH-0058:messageType': messageTypeOf(contentElement),
    'eCH-0058:sendingApplication': {
      'eCH-0058:manufacturer': 'Municipal portal',
      'eCH-0058:product': 'back-office connector',
      'eCH-0058:productVersion': '1',
    },
    'eCH-0058:messageDate': new Date().toISOString(),
    'eCH-0058:action': ACTION.request,
    'eCH-0058:testDeliveryFlag': 'false',
  };
}

function protocolFault(operation: BackOfficeOperation, status: number | undefined, what: string): BackOfficeProtocolError {
  return new BackOfficeProtocolError(`${HURLIMANN} ${operation}: ${what}`, { vendor: HURLIMANN, operation, status });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
