/**
 * One call to a Vemag installation: headers, the Latin-1 answer, the `ok`/`fehler` envelope and
 * Vemag's table of technical error codes. Hands the operation either its `daten` or a business
 * error code; every other outcome is thrown as a port error.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import {
  BackOfficeProtocolError,
  BackOfficeRejectedError,
  BackOfficeUnavailableError,
} from '../errors.ts';
import { decodeBody, exchange, faultForStatus } from '../http/exchange.ts';
import type { BackOfficeCallContext, BackOfficeOperation } from '../port.ts';
import { declaredCharset } from './encoding.ts';
import {
  VEMAG_AUTH_SCHEME,
  VEMAG_MANDANT_HEADER,
  VemagEnvelope,
  VemagFehlercode,
  type VemagFehler,
} from './protocol.ts';

/** Name in errors and messages. */
export const VEMAG_DISPLAY_NAME = 'Vemag';

export type VemagSettings = {
  /** `{base}/vemag/api/`, with the trailing slash. */
  readonly apiRoot: URL;
  readonly credential: string;
  readonly timeoutMs: number;
};

export type VemagCall = {
  readonly operation: BackOfficeOperation;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly context: BackOfficeCallContext;
};

/** Codes that are answers of one operation or another, not faults of the call. */
const BUSINESS_CODES: ReadonlySet<string> = new Set([
  VemagFehlercode.personUnbekannt,
  VemagFehlercode.postenNichtOffen,
  VemagFehlercode.postenInBetreibung,
  VemagFehlercode.unterMinimum,
  VemagFehlercode.artikelUnbekannt,
  VemagFehlercode.bestandUngenuegend,
]);

export type VemagOutcome =
  | { readonly ok: true; readonly daten: unknown }
  | { readonly ok: false; readonly fehler: VemagFehler };

const envelope = TypeCompiler.Compile(VemagEnvelope);

/**
 * Sends the call and returns Vemag's `daten` or business `fehler`. Throws BackOfficeUnavailableError
 * for outages and E-SYSTEM, BackOfficeRejectedError for E-AUTH-*, E-MANDANT-UNBEKANNT,
 * E-VALIDIERUNG and refusing statuses, BackOfficeProtocolError for anything unreadable or an
 * unknown code, and the caller's abort reason.
 */
export async function callVemag(settings: VemagSettings, call: VemagCall): Promise<VemagOutcome> {
  const { operation, context } = call;
  const answer = await exchange({
    vendor: VEMAG_DISPLAY_NAME,
    operation,
    url: new URL(call.path, settings.apiRoot),
    method: call.method,
    headers: {
      accept: 'application/json',
      authorization: `${VEMAG_AUTH_SCHEME} ${settings.credential}`,
      [VEMAG_MANDANT_HEADER]: String(context.municipalityBfs),
      ...(call.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    timeoutMs: settings.timeoutMs,
    context,
  });
  // The application answers everything with 200; any other status comes from the gateway in front.
  if (answer.status !== 200) throw faultForStatus(VEMAG_DISPLAY_NAME, operation, answer);

  const fault = { vendor: VEMAG_DISPLAY_NAME, operation, status: answer.status };
  const charset = declaredCharset(answer.headers.get('content-type'));
  if (charset === undefined) {
    throw new BackOfficeProtocolError(`${VEMAG_DISPLAY_NAME} ${operation}: answer ${answer.status} in an unknown charset`, fault);
  }
  let body: unknown;
  try {
    body = JSON.parse(decodeBody(answer.bytes, charset));
  } catch (error) {
    throw new BackOfficeProtocolError(`${VEMAG_DISPLAY_NAME} ${operation}: answer ${answer.status} is not valid JSON`, { ...fault, cause: error });
  }
  const read = readShape(envelope, body, operation);
  if (read.ok) return read;

  const { code } = read.fehler;
  if (BUSINESS_CODES.has(code)) return read;
  switch (code) {
    case VemagFehlercode.authUngueltig:
    case VemagFehlercode.authAbgelaufen:
      throw new BackOfficeRejectedError(`${VEMAG_DISPLAY_NAME} ${operation}: rejected with 401`, { ...fault, status: 401 });
    case VemagFehlercode.mandantUnbekannt:
      throw new BackOfficeRejectedError(`${VEMAG_DISPLAY_NAME} ${operation}: rejected with 404`, { ...fault, status: 404 });
    case VemagFehlercode.validierung:
      throw new BackOfficeRejectedError(`${VEMAG_DISPLAY_NAME} ${operation}: rejected with 400`, { ...fault, status: 400 });
    case VemagFehlercode.system:
      throw new BackOfficeUnavailableError(`${VEMAG_DISPLAY_NAME} ${operation}: system error`, fault);
    default:
      throw unexpectedCode(operation);
  }
}

/** A business code the operation has no meaning for; never names the code, which is the vendor's text. */
export function unexpectedCode(operation: BackOfficeOperation): BackOfficeProtocolError {
  return new BackOfficeProtocolError(`${VEMAG_DISPLAY_NAME} ${operation}: unknown error code in answer 200`, {
    vendor: VEMAG_DISPLAY_NAME,
    operation,
    status: 200,
  });
}

/**
 * The value when it has the schema's shape; otherwise a BackOfficeProtocolError naming the path
 * of the first offending field below `prefix`, never its value (values may be personal data).
 */
export function readShape<T extends TSchema>(
  checker: TypeCheck<T>,
  value: unknown,
  operation: BackOfficeOperation,
  prefix = '',
): Static<T> {
  if (checker.Check(value)) return value;
  const first = checker.Errors(value).First();
  const where = `${prefix}${first?.path ?? ''}` || '/';
  throw new BackOfficeProtocolError(
    `${VEMAG_DISPLAY_NAME} ${operation}: answer does not have the documented shape at '${where}'`,
    { vendor: VEMAG_DISPLAY_NAME, operation, status: 200 },
  );
}
