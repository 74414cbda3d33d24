import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackOfficeSimulator, type BackOfficeSimulator } from '../../connectors/back-office/simulator/server.ts';
import { SEEDED_RESIDENTS, SIMULATED_MUNICIPALITIES } from '../../connectors/back-office/simulator/seed.ts';
import { isValidAhvNumber } from '../../connectors/back-office/ahv-number.ts';

const API_KEY = 'test-simulator-key';
let simulator: BackOfficeSimulator;

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${simulator.url}${path}`, { ...init, headers: { 'x-api-key': API_KEY, ...init.headers } });
}

beforeAll(async () => {
  simulator = await startBackOfficeSimulator({ port: 0, apiKey: API_KEY });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => {
  simulator.reset();
});

describe('back-office simulator', () => {
  it('when it starts on port 0, then it listens on a free local port and reports its URL', () => {
    expect(simulator.port).toBeGreaterThan(0);
    expect(simulator.url).toBe(`http://127.0.0.1:${simulator.port}`);
  });

  it('when faults are put, then GET returns them, and reset clears faults and calls', async () => {
    const put = await fetch(`${simulator.url}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'slow', delayMs: 10, municipality: 4001 }),
    });
    expect(put.status).toBe(200);
    expect(await (await fetch(`${simulator.url}/__sim/faults`)).json()).toEqual({
      mode: 'slow',
      delayMs: 10,
      municipality: 4001,
    });
    await api(`/api/v1/municipalities/4001/residents/${SEEDED_RESIDENTS.aarauMain.id}/residence`);
    expect(simulator.calls().total).toBe(1);

    expect((await fetch(`${simulator.url}/__sim/reset`, { method: 'POST' })).status).toBe(204);
    expect(await (await fetch(`${simulator.url}/__sim/faults`)).json()).toEqual({ mode: 'none' });
    expect(await (await fetch(`${simulator.url}/__sim/calls`)).json()).toEqual({ total: 0, byOperation: {} });
  });

  it('when an unknown fault mode is put, then it answers 400 and keeps the current faults', async () => {
    const put = await fetch(`${simulator.url}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'explode' }),
    });
    expect(put.status).toBe(400);
    expect(simulator.faults()).toEqual({ mode: 'none' });
  });

  it('when the API key is missing or wrong, then it answers 401 with a problem body and still counts the call', async () => {
    const path = `/api/v1/municipalities/4001/residents/${SEEDED_RESIDENTS.aarauMain.id}/residence`;
    const missing = await fetch(`${simulator.url}${path}`);
    const wrong = await fetch(`${simulator.url}${path}`, { headers: { 'x-api-key': 'nope' } });
    for (const response of [missing, wrong]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 401, type: 'urn:dialog:problem:unauthorized' });
    }
    expect(simulator.calls()).toEqual({ total: 2, byOperation: { getResidence: 2 } });
  });

  it('when a search body has neither a name nor a vn, then it answers 400', async () => {
    const response = await api('/api/v1/municipalities/4001/residents/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officialName: 'Muster' }),
    });
    expect(response.status).toBe(400);
  });

  it('when the timeout fault holds a request and the simulator closes, then close does not wait for the hold', async () => {
    const other = await startBackOfficeSimulator({ port: 0, apiKey: API_KEY });
    other.setFaults({ mode: 'timeout' });
    const pending = fetch(`${other.url}/api/v1/municipalities/4001/residents/x/residence`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = performance.now();
    await other.close();
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(TypeError);
  });

  it('when the seed is read, then every resident has a valid AHV number and lives in a simulated municipality', () => {
    const residents = Object.values(SEEDED_RESIDENTS);
    for (const resident of residents) {
      expect(isValidAhvNumber(resident.ahvNumber)).toBe(true);
      expect(Object.keys(SIMULATED_MUNICIPALITIES)).toContain(String(resident.residence.municipality.bfsNumber));
    }
    expect(new Set(residents.map((r) => r.ahvNumber)).size).toBe(residents.length);
    expect(new Set(residents.map((r) => r.id)).size).toBe(residents.length);
  });
});
