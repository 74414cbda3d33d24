/** Fault modes the simulator can be switched into, to test adapters against a failing vendor. */
import { Type, type Static } from '@sinclair/typebox';

export const SimulatorFaults = Type.Object(
  {
    /**
     * none: answer normally. slow: wait `delayMs` (default 1500), then answer normally.
     * timeout: hold the request `delayMs` (default 30 000) or until the client gives up, then close
     * the connection without an answer. error5xx: 503 with a problem body and Retry-After: 1.
     * malformed: 200 with truncated JSON. wrongShape: 200 with valid JSON of the wrong shape.
     */
    mode: Type.Union([
      Type.Literal('none'),
      Type.Literal('slow'),
      Type.Literal('timeout'),
      Type.Literal('error5xx'),
      Type.Literal('malformed'),
      Type.Literal('wrongShape'),
    ]),
    delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 120_000 })),
    /** Only requests for this BFS number fail; all municipalities when absent. */
    municipality: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })),
  },
  { additionalProperties: false },
);
export type SimulatorFaults = Static<typeof SimulatorFaults>;
export type SimulatorFaultMode = SimulatorFaults['mode'];

export const NO_FAULTS: SimulatorFaults = { mode: 'none' };

export const DEFAULT_SLOW_DELAY_MS = 1_500;
export const DEFAULT_TIMEOUT_HOLD_MS = 30_000;

/** API calls received, faulted ones and rejected ones included, so tests can count retries. */
export type SimulatorCalls = {
  readonly total: number;
  readonly byOperation: Readonly<Record<string, number>>;
};
