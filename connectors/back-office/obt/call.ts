/**
 * One OBT call: the SOAP request with its SOAPAction and WS-Security header, the HTTP exchange,
 * and OBT's answers and faults mapped to the port's outcomes and errors (see `./protocol.ts`).
 */
import { BackOfficeProtocolError, BackOfficeRejectedError, BackOfficeUnavailableError, type BackOfficeError } from '../errors.ts';
import { decodeBody, exchange, faultForStatus, isSuccess, parseRetryAfter, type VendorAnswer } from '../http/exchange.ts';
import type { BackOfficeCallContext } from '../port.ts';
import { readSoapMessage, requestEnvelope, SoapReadError, type SoapFault, type UsernameToken } from './envelope.ts';
import {
  answerElementOf,
  OBT,
  OBT_NAMESPACE,
  OBT_OPERATIONS,
  ObtFehlercode,
  SOAP_CONTENT_TYPE,
  soapActionOf,
  type PortOperation,
} from './protocol.ts';
import { ValueError } from './values.ts';
import type { XmlChildren, XmlNode } from './xml.ts';

export type ObtSettings = {
  /** `{base}/soap/gemeinde/v3`. */
  readonly endpoint: URL;
  readonly token: UsernameToken;
  readonly timeoutMs: number;
};

export type ObtCall<T> = {
  readonly operation: PortOperation;
  /** The request's children after `Gemeinde`, which this module adds from the context. */
  readonly payload: XmlChildren;
  /** Reads the answer element; may throw ValueError or SoapReadError for values it cannot use. */
  readonly read: (answer: XmlNode) => T;
  /** The operation's answer to a PERSON_UNBEKANNT fault; without it, that fault is a refusal. */
  readonly whenPersonUnknown?: () => T;
  readonly context: BackOfficeCallContext;
};

/** Sends one operation and returns what `read` (or `whenPersonUnknown`) makes of the answer. */
export async function callObt<T>(settings: ObtSettings, call: ObtCall<T>): Promise<T> {
  const { operation, context } = call;
  const obtOperation = OBT_OPERATIONS[operation];
  const answer = await exchange({
    vendor: OBT,
    operation,
    url: settings.endpoint,
    method: 'POST',
    headers: { 'content-type': SOAP_CONTENT_TYPE, accept: 'text/xml', soapaction: soapActionOf(obtOperation) },
    body: requestEnvelope(obtOperation, { Gemeinde: String(context.municipalityBfs), ...call.payload }, settings.token),
    timeoutMs: settings.timeoutMs,
    context,
  });
  const protocolError = (problem: string, cause?: unknown) =>
    new BackOfficeProtocolError(`${OBT} ${operation}: answer ${answer.status} ${problem}`, {
      vendor: OBT,
      operation,
      status: answer.status,
      cause,
    });

  if (!isSuccess(answer)) {
    const fault = faultIn(answer);
    if (fault === undefined) throw faultForStatus(OBT, operation, answer);
    if (fault.code === ObtFehlercode.personUnbekannt && call.whenPersonUnknown !== undefined) return call.whenPersonUnknown();
    throw errorForFault(fault, operation, answer);
  }

  let message;
  try {
    message = readSoapMessage(decodeBody(answer.bytes));
  } catch (error) {
    if (error instanceof SoapReadError) throw protocolError(`is not a SOAP 1.1 message: ${error.message}`);
    throw error;
  }
  if (message.kind === 'fault') {
    // SOAP 1.1 wants faults with 500; some stacks send them with 200. They mean the same.
    if (message.fault.faultClass === undefined) throw protocolError('carries a fault without a SOAP 1.1 faultcode');
    if (message.fault.code === ObtFehlercode.personUnbekannt && call.whenPersonUnknown !== undefined) return call.whenPersonUnknown();
    throw errorForFault(message.fault, operation, answer);
  }
  const { payload, violation } = message;
  const expected = answerElementOf(obtOperation);
  if (payload.namespace !== OBT_NAMESPACE || payload.localName !== expected) {
    throw protocolError(`does not carry obt:${expected}`);
  }
  // The element path only: the schema validator's own messages quote the offending value.
  if (violation !== undefined) throw protocolError(`does not match the schema at '${violation}'`);
  try {
    return call.read(payload);
  } catch (error) {
    if (error instanceof ValueError || error instanceof SoapReadError) throw protocolError(`is unusable: ${error.message}`, error);
    throw error;
  }
}

/** The SOAP fault in a non-2xx answer; undefined for anything else (a gateway's page, say). */
function faultIn(answer: VendorAnswer): SoapFault | undefined {
  try {
    const message = readSoapMessage(decodeBody(answer.bytes));
    return message.kind === 'fault' && message.fault.faultClass !== undefined ? message.fault : undefined;
  } catch (error) {
    if (error instanceof SoapReadError) return undefined;
    throw error;
  }
}

/**
 * OBT's fault codes as the port's errors. Statuses are those of the equivalent HTTP answer, not
 * the 500 that SOAP 1.1 puts on every fault: callers and incidents read 401 as "credential
 * refused", whatever the transport said.
 */
export function errorForFault(fault: SoapFault, operation: string, answer: VendorAnswer): BackOfficeError {
  const code = fault.code !== undefined && /^[A-Z][A-Z0-9_]{0,63}$/.test(fault.code) ? fault.code : undefined;
  const what = `${OBT} ${operation}: fault ${code ?? fault.faultClass ?? 'without code'} (HTTP ${answer.status})`;
  const rejected = (status: number) => new BackOfficeRejectedError(what, { vendor: OBT, operation, status });
  const unavailable = () =>
    new BackOfficeUnavailableError(what, {
      vendor: OBT,
      operation,
      status: answer.status,
      retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
    });
  switch (code) {
    case ObtFehlercode.authUngueltig:
    case ObtFehlercode.authAbgelaufen:
      // Rejected with 401 although HTTP said 500: OBT cannot renew a password, a person must.
      return rejected(401);
    case ObtFehlercode.gemeindeUnbekannt:
    case ObtFehlercode.personUnbekannt:
      return rejected(404);
    case ObtFehlercode.validierung:
    case ObtFehlercode.aktionUngueltig:
      return rejected(400);
    case ObtFehlercode.systemNichtVerfuegbar:
      return unavailable();
  }
  // Codes this adapter does not know: SOAP's fault class says whose fault it is.
  return fault.faultClass === 'Server' ? unavailable() : rejected(400);
}
