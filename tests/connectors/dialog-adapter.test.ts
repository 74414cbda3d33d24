import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createDialogAdapter } from '../../connectors/back-office/dialog/adapter.ts';
import {
  BackOfficeProtocolError,
  BackOfficeRejectedError,
  BackOfficeUnavailableError,
} from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { startBackOfficeSimulator, type BackOfficeSimulator } from '../../connectors/back-office/simulator/server.ts';
import { SEEDED_RESIDENTS } from '../../connectors/back-office/simulator/seed.ts';
import type { SimulatorCalls, SimulatorFaults } from '../../connectors/back-office/simulator/faults.ts';

const API_KEY = 'test-dialog-key';
const { aarauMain, aarauBlocked, badenNamesakeA, bruggMovedAway, lenzburgSecondary } = SEEDED_RESIDENTS;

let simulator: BackOfficeSimulator;
let logLines: string[];
let adapter: BackOfficePort;

function adapterWith(options: { timeoutMs?: number; apiKey?: string; baseUrl?: string } = {}): BackOfficePort {
  return createDialogAdapter({
    baseUrl: options.baseUrl ?? simulator.url,
    apiKey: options.apiKey ?? API_KEY,
    timeoutMs: options.timeoutMs ?? 2_000,
    logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }),
  });
}

function context(municipalityBfs: number, signal = new AbortController().signal): BackOfficeCallContext {
  return { municipalityBfs, correlationId: 'corr-test-1', signal };
}

async function putFaults(faults: SimulatorFaults): Promise<void> {
  const response = await fetch(`${simulator.url}/__sim/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

async function calls(): Promise<SimulatorCalls> {
  return (await (await fetch(`${simulator.url}/__sim/calls`)).json()) as SimulatorCalls;
}

beforeAll(async () => {
  simulator = await startBackOfficeSimulator({ port: 0, apiKey: API_KEY });
});

afterAll(async () => {
  await simulator.close();
});

beforeEach(async () => {
  await fetch(`${simulator.url}/__sim/reset`, { method: 'POST' });
  logLines = [];
  adapter = adapterWith();
});

describe('Dialog adapter: findResident', () => {
  it('when a resident is searched by name and date of birth, then the one match is returned', async () => {
    const match = await adapter.findResident(
      { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' },
      context(4001),
    );
    expect(match).toEqual({ residentId: aarauMain.id, firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' });
  });

  it('when the name differs only in case, then the resident is still found', async () => {
    const match = await adapter.findResident(
      { firstName: 'jürg', lastName: 'MÜSTERLI', dateOfBirth: '1972-11-02' },
      context(4021),
    );
    expect(match?.residentId).toBe(SEEDED_RESIDENTS.badenMain.id);
  });

  it('when a resident is searched by AHV number, then the match is returned', async () => {
    const match = await adapter.findResident({ ahvNumber: aarauBlocked.ahvNumber }, context(4001));
    expect(match?.residentId).toBe(aarauBlocked.id);
  });

  it('when nobody matches, then null is returned', async () => {
    const match = await adapter.findResident(
      { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-15' },
      context(4001),
    );
    expect(match).toBeNull();
  });

  it('when the person lives in another municipality, then null is returned', async () => {
    expect(await adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4021))).toBeNull();
  });

  it('when two residents share name and date of birth, then null is returned, and the AHV number tells them apart', async () => {
    const byName = await adapter.findResident(
      { firstName: 'Peter', lastName: 'Gleich', dateOfBirth: '1980-06-15' },
      context(4021),
    );
    expect(byName).toBeNull();
    const byAhv = await adapter.findResident({ ahvNumber: badenNamesakeA.ahvNumber }, context(4021));
    expect(byAhv?.residentId).toBe(badenNamesakeA.id);
  });

  it('when the AHV number fails its check digit, then null is returned without asking the back office', async () => {
    expect(await adapter.findResident({ ahvNumber: '756.9999.0001.08' }, context(4001))).toBeNull();
    expect((await calls()).total).toBe(0);
  });

  it('when a former resident is searched, then the person is found', async () => {
    const match = await adapter.findResident({ ahvNumber: bruggMovedAway.ahvNumber }, context(4095));
    expect(match?.residentId).toBe(bruggMovedAway.id);
  });
});

describe('Dialog adapter: getResidence', () => {
  it('when an ordinary resident is asked for, then the main residence is returned', async () => {
    const residence = await adapter.getResidence(aarauMain.id, context(4001));
    expect(residence).toEqual(aarauMain.residence);
    expect(residence).toMatchObject({
      residenceType: 'main',
      since: '2015-06-01',
      movedOutOn: null,
      municipality: { bfsNumber: 4001, name: 'Aarau' },
      address: { street: 'Musterstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
      blocked: false,
    });
  });

  it('when the person has only a secondary residence there, then residenceType is secondary', async () => {
    const residence = await adapter.getResidence(lenzburgSecondary.id, context(4201));
    expect(residence?.residenceType).toBe('secondary');
    expect(residence).toEqual(lenzburgSecondary.residence);
  });

  it('when the record is blocked (Datensperre), then blocked is true', async () => {
    const residence = await adapter.getResidence(aarauBlocked.id, context(4001));
    expect(residence?.blocked).toBe(true);
  });

  it('when the person moved away, then movedOutOn carries the date of moving out', async () => {
    const residence = await adapter.getResidence(bruggMovedAway.id, context(4095));
    expect(residence?.movedOutOn).toBe('2023-08-31');
  });

  it('when the resident id is unknown, then null is returned', async () => {
    expect(await adapter.getResidence('P-4001-9999', context(4001))).toBeNull();
  });

  it('when the resident id belongs to another municipality, then null is returned', async () => {
    expect(await adapter.getResidence(aarauMain.id, context(4021))).toBeNull();
  });
});

describe('Dialog adapter: faults', () => {
  it('when the API key is wrong, then a non-retryable BackOfficeRejectedError with status 401 is thrown', async () => {
    const error = await adapterWith({ apiKey: 'wrong' }).getResidence(aarauMain.id, context(4001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error).toMatchObject({ status: 401, retryable: false, vendor: 'dialog', operation: 'getResidence' });
  });

  it('when the municipality is not served, then a BackOfficeRejectedError with status 404 is thrown, not null', async () => {
    await expect(adapter.getResidence(aarauMain.id, context(4999))).rejects.toMatchObject({
      name: 'BackOfficeRejectedError',
      status: 404,
    });
    await expect(adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4999))).rejects.toBeInstanceOf(
      BackOfficeRejectedError,
    );
  });

  it('when the back office answers 503, then a retryable BackOfficeUnavailableError carries Retry-After', async () => {
    await putFaults({ mode: 'error5xx' });
    const error = await adapter.getResidence(aarauMain.id, context(4001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackOfficeUnavailableError);
    expect(error).toMatchObject({ status: 503, retryable: true, retryAfterMs: 1_000 });
  });

  it.each([
    ['malformed', 'findResident'],
    ['malformed', 'getResidence'],
    ['wrongShape', 'findResident'],
    ['wrongShape', 'getResidence'],
  ] as const)('when the fault is %s and %s is called, then a non-retryable BackOfficeProtocolError is thrown', async (mode, operation) => {
    await putFaults({ mode });
    const call =
      operation === 'findResident'
        ? adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001))
        : adapter.getResidence(aarauMain.id, context(4001));
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error).toMatchObject({ retryable: false, status: 200, operation });
  });

  it('when the back office never answers, then the adapter gives up after its timeout with a retryable error', async () => {
    await putFaults({ mode: 'timeout' });
    const startedAt = performance.now();
    const error = await adapterWith({ timeoutMs: 250 })
      .findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackOfficeUnavailableError);
    expect(error).toMatchObject({ retryable: true, status: undefined });
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it('when the back office is slow but within the timeout, then the answer is correct', async () => {
    await putFaults({ mode: 'slow', delayMs: 300 });
    const startedAt = performance.now();
    expect(await adapter.getResidence(aarauMain.id, context(4001))).toEqual(aarauMain.residence);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(250);
  });

  it('when the back office is slower than the timeout, then a retryable BackOfficeUnavailableError is thrown', async () => {
    await putFaults({ mode: 'slow', delayMs: 1_000 });
    await expect(adapterWith({ timeoutMs: 200 }).getResidence(aarauMain.id, context(4001))).rejects.toBeInstanceOf(
      BackOfficeUnavailableError,
    );
  });

  it('when a fault is limited to one municipality, then the others answer normally', async () => {
    await putFaults({ mode: 'error5xx', municipality: 4021 });
    expect(await adapter.getResidence(aarauMain.id, context(4001))).toEqual(aarauMain.residence);
    await expect(adapter.getResidence(SEEDED_RESIDENTS.badenMain.id, context(4021))).rejects.toBeInstanceOf(
      BackOfficeUnavailableError,
    );
  });

  it('when the back office cannot be reached, then a retryable BackOfficeUnavailableError is thrown', async () => {
    const gone = await startBackOfficeSimulator({ port: 0, apiKey: API_KEY });
    await gone.close();
    const error = await adapterWith({ baseUrl: gone.url })
      .getResidence(aarauMain.id, context(4001))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackOfficeUnavailableError);
    expect(error).toMatchObject({ retryable: true });
  });

  it('when the caller aborts, then the call ends with the caller’s reason, not a back-office error', async () => {
    await putFaults({ mode: 'timeout' });
    const controller = new AbortController();
    const reason = new Error('job deadline passed');
    setTimeout(() => controller.abort(reason), 100);
    await expect(adapter.getResidence(aarauMain.id, context(4001, controller.signal))).rejects.toBe(reason);
  });

  it('when calls fail, then every adapter call is exactly one request, so retries are the engine’s to count', async () => {
    await putFaults({ mode: 'error5xx' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(adapter.getResidence(aarauMain.id, context(4001))).rejects.toBeInstanceOf(BackOfficeUnavailableError);
    }
    expect(await calls()).toEqual({ total: 3, byOperation: { getResidence: 3 } });
  });
});

describe('Dialog adapter: logging', () => {
  it('when calls succeed and fail, then logs carry correlation id, vendor, operation, status and duration and no personal data', async () => {
    await adapter.findResident({ firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' }, context(4001));
    await adapter.findResident({ ahvNumber: aarauMain.ahvNumber }, context(4001));
    await adapter.getResidence(aarauMain.id, context(4001));
    await putFaults({ mode: 'wrongShape' });
    await adapter.getResidence(aarauMain.id, context(4001)).catch(() => undefined);

    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(entry).toMatchObject({ correlationId: 'corr-test-1', vendor: 'dialog', municipalityBfs: 4001 });
      expect(typeof entry['durationMs']).toBe('number');
      expect(entry['status']).toBe(200);
    }
    expect(entries.map((entry) => entry['operation'])).toEqual([
      'findResident',
      'findResident',
      'getResidence',
      'getResidence',
    ]);
    expect(entries[3]).toMatchObject({ level: 40, errorCode: 'BACK_OFFICE_PROTOCOL' });

    const everything = logLines.join('\n');
    const digits = aarauMain.ahvNumber.replaceAll('.', '');
    for (const secret of ['Anna', 'Muster', '1985-03-14', aarauMain.ahvNumber, digits, aarauMain.id, 'Musterstrasse']) {
      expect(everything).not.toContain(secret);
    }
  });
});
