/**
 * The adapter's OAuth2 access token: fetched with the client credentials, kept until shortly
 * before it expires, and fetched once for all callers that need it at the same time.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { BackOfficeRejectedError } from '../errors.ts';
import { decodeBody, exchange, faultForStatus, isSuccess } from '../http/exchange.ts';
import type { BackOfficeCallContext } from '../port.ts';
import { TALUS, TALUS_SCOPE, TalusTokenAnswer, talusPaths } from './api.ts';
import { readJson } from './json.ts';

/** A token is not used in its last 30 s, so that it does not expire on the way to Talus. */
export const TOKEN_RENEWAL_MARGIN_MS = 30_000;

export type TalusClientCredentials = { readonly clientId: string; readonly clientSecret: string };

export type TalusTokenSettings = {
  readonly baseUrl: URL;
  readonly credentials: TalusClientCredentials;
  readonly timeoutMs: number;
  readonly now: () => number;
};

export type TalusTokenSource = {
  /** A token to call the API with; throws the port's errors, or the caller's abort reason. */
  token(operation: string, context: BackOfficeCallContext): Promise<string>;
  /** Forgets `token` after Talus called it invalid; a newer one fetched meanwhile stays. */
  discard(token: string): void;
};

type CachedToken = { readonly value: string; readonly renewAt: number };

/** One token request that callers share; it is cancelled once every one of them has given up. */
type Flight = { readonly answer: Promise<CachedToken>; readonly cancel: AbortController; waiting: number };

const tokenAnswer = TypeCompiler.Compile(TalusTokenAnswer);

/** Parses 'clientId:clientSecret'; the secret may contain colons, the id may not. */
export function parseTalusCredential(credential: string): TalusClientCredentials {
  const colon = credential.indexOf(':');
  if (colon <= 0 || colon === credential.length - 1) {
    throw new RangeError("Talus credential must be 'clientId:clientSecret'");
  }
  return { clientId: credential.slice(0, colon), clientSecret: credential.slice(colon + 1) };
}

export function createTalusTokenSource(settings: TalusTokenSettings): TalusTokenSource {
  let cached: CachedToken | undefined;
  let flight: Flight | undefined;

  function takeOff(operation: string, context: BackOfficeCallContext): Flight {
    const cancel = new AbortController();
    // Not the caller's signal: one caller giving up must not fail the others' shared request.
    const own = { ...context, signal: cancel.signal };
    const started: Flight = { answer: requestToken(settings, operation, own), cancel, waiting: 0 };
    flight = started;
    started.answer
      .then(
        (token) => {
          cached = token;
        },
        () => undefined,
      )
      .finally(() => {
        if (flight === started) flight = undefined;
      });
    return started;
  }

  function waitFor(current: Flight, signal: AbortSignal): Promise<CachedToken> {
    current.waiting += 1;
    return new Promise((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        current.waiting -= 1;
        signal.removeEventListener('abort', giveUp);
        return true;
      };
      const giveUp = () => {
        if (!leave()) return;
        if (current.waiting === 0) {
          if (flight === current) flight = undefined;
          current.cancel.abort();
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', giveUp, { once: true });
      current.answer.then(
        (token) => {
          if (leave()) resolve(token);
        },
        (error: unknown) => {
          if (leave()) reject(error);
        },
      );
    });
  }

  return {
    async token(operation, context) {
      context.signal.throwIfAborted();
      if (cached !== undefined && settings.now() < cached.renewAt) return cached.value;
      return (await waitFor(flight ?? takeOff(operation, context), context.signal)).value;
    },
    discard(token) {
      if (cached?.value === token) cached = undefined;
    },
  };
}

async function requestToken(settings: TalusTokenSettings, operation: string, context: BackOfficeCallContext): Promise<CachedToken> {
  const requestedAt = settings.now();
  const { clientId, clientSecret } = settings.credentials;
  const basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
  const answer = await exchange({
    vendor: TALUS,
    operation,
    url: new URL(talusPaths.token, settings.baseUrl),
    method: 'POST',
    headers: { accept: 'application/json', authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: TALUS_SCOPE }),
    timeoutMs: settings.timeoutMs,
    context,
  });
  if (!isSuccess(answer)) {
    if (answer.status === 400 || answer.status === 401) {
      // invalid_client, or a grant or scope this client may not use: configuration must change.
      throw new BackOfficeRejectedError(`${TALUS} ${operation}: token request rejected with ${answer.status}`, {
        vendor: TALUS,
        operation,
        status: answer.status,
      });
    }
    throw faultForStatus(TALUS, operation, answer);
  }
  const token = readJson(tokenAnswer, decodeBody(answer.bytes), operation, answer.status, 'token answer');
  // Counted from the request, not the answer: the token's lifetime started when Talus issued it.
  return { value: token.access_token, renewAt: requestedAt + token.expires_in * 1000 - TOKEN_RENEWAL_MARGIN_MS };
}

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks for Basic credentials. */
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
