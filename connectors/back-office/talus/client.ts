/**
 * One Talus API call: bearer token, one renewal when Talus calls the token invalid, JSON in and
 * out, and Talus's error answers mapped to the port's errors. Also follows list pages.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { BackOfficeProtocolError } from '../errors.ts';
import { decodeBody, exchange, faultForStatus, isSuccess, type VendorAnswer } from '../http/exchange.ts';
import type { BackOfficeCallContext } from '../port.ts';
import { IDEMPOTENCY_KEY, INVALID_TOKEN, TALUS, TalusError, TalusErrorCode } from './api.ts';
import { parseJson, readJson } from './json.ts';
import type { TalusTokenSource } from './token.ts';

/** A list that goes on longer than this is taken for a paging fault on Talus's side. */
export const TALUS_MAX_PAGES = 100;

export type TalusClientSettings = {
  readonly baseUrl: URL;
  readonly tokens: TalusTokenSource;
  readonly timeoutMs: number;
};

export type TalusCall<T extends TSchema> = {
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  /** Relative to the base URL, query included. */
  readonly path: string;
  readonly body?: unknown;
  /** The platform's reference, for writes. */
  readonly idempotencyKey?: string;
  readonly answer: TypeCheck<T>;
  readonly context: BackOfficeCallContext;
};

/** PERSON_NOT_FOUND, for the operations that read it as "unknown resident". */
export const PERSON_NOT_FOUND = Symbol('PERSON_NOT_FOUND');

export type TalusClient = {
  /** The 2xx body; every other answer is thrown as the port's error. */
  call<T extends TSchema>(call: TalusCall<T>): Promise<Static<T>>;
  /** Like `call`, but PERSON_NOT_FOUND is an answer. */
  callAboutPerson<T extends TSchema>(call: TalusCall<T>): Promise<Static<T> | typeof PERSON_NOT_FOUND>;
};

const errorAnswer = TypeCompiler.Compile(TalusError);

export function createTalusClient(settings: TalusClientSettings): TalusClient {
  async function send(call: TalusCall<TSchema>, token: string): Promise<VendorAnswer> {
    return exchange({
      vendor: TALUS,
      operation: call.operation,
      url: new URL(call.path, settings.baseUrl),
      method: call.method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call.idempotencyKey === undefined ? {} : { [IDEMPOTENCY_KEY]: call.idempotencyKey }),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      timeoutMs: settings.timeoutMs,
      context: call.context,
    });
  }

  /** Sends with the current token; once more with a fresh one if Talus refused the token. */
  async function sendAuthorized(call: TalusCall<TSchema>): Promise<VendorAnswer> {
    const token = await settings.tokens.token(call.operation, call.context);
    const answer = await send(call, token);
    if (!isInvalidToken(answer)) return answer;
    settings.tokens.discard(token);
    // A second refusal falls through to faultForStatus: 401, rejected.
    return send(call, await settings.tokens.token(call.operation, call.context));
  }

  async function request<T extends TSchema>(
    call: TalusCall<T>,
    personMayBeUnknown: boolean,
  ): Promise<Static<T> | typeof PERSON_NOT_FOUND> {
    const answer = await sendAuthorized(call);
    const text = decodeBody(answer.bytes);
    if (isSuccess(answer)) return readJson(call.answer, text, call.operation, answer.status);
    if (personMayBeUnknown && answer.status === 404 && errorCode(text) === TalusErrorCode.personNotFound) {
      return PERSON_NOT_FOUND;
    }
    // TENANT_NOT_FOUND, VALIDATION_FAILED, RATE_LIMITED, SERVICE_UNAVAILABLE, and whatever a proxy says.
    throw faultForStatus(TALUS, call.operation, answer);
  }

  return {
    callAboutPerson: (call) => request(call, true),
    async call<T extends TSchema>(call: TalusCall<T>) {
      const answer = await request(call, false);
      if (answer === PERSON_NOT_FOUND) throw new Error('unreachable: PERSON_NOT_FOUND is a fault here');
      return answer;
    },
  };
}

function isInvalidToken(answer: VendorAnswer): boolean {
  return answer.status === 401 && INVALID_TOKEN.test(answer.headers.get('www-authenticate') ?? '');
}

function errorCode(text: string): string | undefined {
  const body = parseJson(text);
  return errorAnswer.Check(body) ? body.error.code : undefined;
}

export type TalusPageOf<T> = { readonly items: readonly T[]; readonly next_page_token: string | null };

/**
 * Every item of a paged list: asks for pages until Talus says there is none left; null when
 * Talus says the person is unknown.
 */
export async function collectPages<T>(
  operation: string,
  page: (pageToken: string | undefined) => Promise<TalusPageOf<T> | typeof PERSON_NOT_FOUND>,
): Promise<T[] | null> {
  const items: T[] = [];
  let pageToken: string | undefined;
  for (let count = 0; count < TALUS_MAX_PAGES; count += 1) {
    const answer = await page(pageToken);
    if (answer === PERSON_NOT_FOUND) return null;
    items.push(...answer.items);
    if (answer.next_page_token === null) return items;
    pageToken = answer.next_page_token;
  }
  throw new BackOfficeProtocolError(`${TALUS} ${operation}: list goes on beyond ${TALUS_MAX_PAGES} pages`, {
    vendor: TALUS,
    operation,
  });
}
