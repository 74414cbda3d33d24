/** The circuit breaker and call log around a real adapter, against its simulator over HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { dialog } from '../../connectors/back-office/dialog/index.ts';
import { BackOfficeRejectedError, BackOfficeUnavailableError } from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext } from '../../connectors/back-office/port.ts';
import { withCallLog } from '../../connectors/back-office/resilience/call-log.ts';
import { withCircuitBreaker, type GuardedPort } from '../../connectors/back-office/resilience/circuit-breaker.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { startVendorSimulator, type BackOfficeSimulator } from '../../simulators/back-office/vendor-simulator.ts';
import { protocolOf } from '../../simulators/back-office/vendor-protocols.ts';

const credential = dialog.generateCredential();
const { aarauMain } = SEEDED_RESIDENTS;
const query = { firstName: aarauMain.firstName, lastName: aarauMain.lastName, dateOfBirth: aarauMain.dateOfBirth };
const OPEN_FOR_MS = 400;

let simulator: BackOfficeSimulator;
let lines: Record<string, unknown>[];
let port: GuardedPort;

const context = (correlationId = 'case-42'): BackOfficeCallContext => ({ municipalityBfs: 4001, correlationId, signal: new AbortController().signal });
const logger = () => pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
const simulatorCalls = () => simulator.calls().byOperation.findResident ?? 0;

function guarded(adapterCredential = credential): GuardedPort {
  const log = logger();
  const adapter = dialog.createAdapter({ baseUrl: simulator.url, credential: adapterCredential, timeoutMs: 1_000, logger: log });
  return withCircuitBreaker(withCallLog(adapter, log), { failuresToOpen: 3, openForMs: OPEN_FOR_MS }, { logger: log, endpoint: 'dialog.test' });
}

beforeAll(async () => {
  simulator = await startVendorSimulator(protocolOf(dialog.name), { port: 0, credential });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  lines = [];
  port = guarded();
});

describe('circuit breaker per endpoint', () => {
  it('when the vendor fails repeatedly, then the circuit opens, calls fail at once, and a probe after the pause closes it', async () => {
    simulator.setFaults({ mode: 'error5xx' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(port.findResident(query, context())).rejects.toBeInstanceOf(BackOfficeUnavailableError);
    }
    expect(simulatorCalls()).toBe(3);
    expect(port.breakerState()).toBe('open');

    const fastFailure: unknown = await port.findResident(query, context()).catch((error: unknown) => error);
    expect(fastFailure).toBeInstanceOf(BackOfficeUnavailableError);
    expect((fastFailure as BackOfficeUnavailableError).message).toMatch(/circuit open/);
    expect((fastFailure as BackOfficeUnavailableError).retryAfterMs).toBeLessThanOrEqual(OPEN_FOR_MS);
    expect(simulatorCalls()).toBe(3);

    simulator.setFaults({ mode: 'none' });
    await new Promise((resolve) => setTimeout(resolve, OPEN_FOR_MS + 50));
    await expect(port.findResident(query, context())).resolves.toMatchObject({ residentId: aarauMain.id });
    expect(port.breakerState()).toBe('closed');
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['back-office circuit opened', 'back-office circuit closed']));
  });

  it('when the probe fails too, then the circuit opens again', async () => {
    simulator.setFaults({ mode: 'error5xx' });
    for (let attempt = 0; attempt < 3; attempt += 1) await port.findResident(query, context()).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, OPEN_FOR_MS + 50));
    await expect(port.findResident(query, context())).rejects.toBeInstanceOf(BackOfficeUnavailableError);
    expect(simulatorCalls()).toBe(4);
    expect(port.breakerState()).toBe('open');
  });

  it('when the vendor refuses instead of failing, then the circuit stays closed', async () => {
    const refused = guarded(dialog.generateCredential());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(refused.findResident(query, context())).rejects.toBeInstanceOf(BackOfficeRejectedError);
    }
    expect(refused.breakerState()).toBe('closed');
    expect(simulatorCalls()).toBe(5);
  });
});

describe('call log', () => {
  it('when calls succeed and fail, then each leaves one line with correlation id and outcome, and no personal data', async () => {
    await port.findResident(query, context('case-ok'));
    simulator.setFaults({ mode: 'error5xx' });
    await port.getResidence(aarauMain.id, context('case-failed')).catch(() => undefined);

    const calls = lines.filter((line) => line.correlationId !== undefined);
    expect(calls).toEqual([
      expect.objectContaining({ msg: 'back-office call', correlationId: 'case-ok', vendor: 'dialog', operation: 'findResident', municipalityBfs: 4001, durationMs: expect.any(Number) }),
      expect.objectContaining({ msg: 'back-office call failed', correlationId: 'case-failed', operation: 'getResidence', status: 503, errorCode: 'BACK_OFFICE_UNAVAILABLE', retryable: true }),
    ]);
    const text = JSON.stringify(lines);
    for (const value of [aarauMain.firstName, aarauMain.lastName, aarauMain.dateOfBirth, aarauMain.id]) expect(text).not.toContain(value);
  });
});
