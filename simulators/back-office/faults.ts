/** Fault modes a vendor simulator can be switched into, to test adapters against a failing vendor. */
import { Type, type Static } from '@sinclair/typebox';

export const SimulatorFaults = Type.Object(
  {
    /**
     * none: answer normally.
     * slow: wait `delayMs` (default 1500), then answer normally.
     * timeout: hold the request `delayMs` (default 30 000) or until the client gives up, then close
     *   the connection without an answer.
     * error5xx: 503 in the vendor's error format, with Retry-After: 1.
     * malformed: 200 with a body that is not valid JSON/XML in the vendor's format.
     * truncated: 200 whose body stops half-way: the connection closes before Content-Length is reached.
     * wrongShape: 200 with a well-formed body of the wrong structure.
     * expiredCredentials: the credential (API key, password, token) counts as expired; an OAuth2
     *   vendor expires the tokens issued so far and issues fresh ones.
     * rateLimited: 429 in the vendor's error format, with Retry-After: 2.
     */
    mode: Type.Union([
      Type.Literal('none'),
      Type.Literal('slow'),
      Type.Literal('timeout'),
      Type.Literal('error5xx'),
      Type.Literal('malformed'),
      Type.Literal('truncated'),
      Type.Literal('wrongShape'),
      Type.Literal('expiredCredentials'),
      Type.Literal('rateLimited'),
    ]),
    delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 120_000 })),
    /** Only requests for this BFS number fail; all municipalities when absent. */
    municipality: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })),
  },
  { additionalProperties: false },
);
export type SimulatorFaults = Static<typeof SimulatorFaults>;
export type SimulatorFaultMode = SimulatorFaults['mode'];

/** The faults whose answer body is the vendor's own format; the harness does the rest. */
export type RenderedFault = 'error5xx' | 'malformed' | 'wrongShape' | 'expiredCredentials' | 'rateLimited';

export const NO_FAULTS: SimulatorFaults = { mode: 'none' };

export const DEFAULT_SLOW_DELAY_MS = 1_500;
export const DEFAULT_TIMEOUT_HOLD_MS = 30_000;

/** API calls received, faulted ones and rejected ones included, so tests can count retries. */
export type SimulatorCalls = {
  readonly total: number;
  readonly byOperation: Readonly<Record<string, number>>;
};
