/**
 * What is special about Talus, over real HTTP against its simulator: the OAuth2 token (cached,
 * fetched once for concurrent calls, renewed once when Talus calls it invalid), token-paged
 * lists, midnight-UTC date-times, and Talus's error answers. The shared behaviour of every
 * vendor is proved by back-office-contract.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BackOfficeError, BackOfficeProtocolError, BackOfficeRejectedError } from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import {
  startVendorSimulator,
  type BackOfficeSimulator,
  type VendorProtocol,
} from '../../simulators/back-office/vendor-simulator.ts';
import { createTalusAdapter, type TalusAdapterOptions } from '../../connectors/back-office/talus/adapter.ts';
import { TALUS_MAX_PAGES } from '../../connectors/back-office/talus/client.ts';
import { talus } from '../../connectors/back-office/talus/index.ts';
import { talusProtocol } from '../../simulators/back-office/talus/simulator.ts';

const { aarauMain, badenNamesakeA, bruggMovedAway } = SEEDED_RESIDENTS;
const credential = talus.generateCredential();
const annaByName = { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' };

let simulator: BackOfficeSimulator;
const extraSimulators: BackOfficeSimulator[] = [];

function adapterFor(target: BackOfficeSimulator, options: Partial<TalusAdapterOptions> = {}): BackOfficePort {
  return createTalusAdapter({
    baseUrl: target.url,
    credential,
    timeoutMs: 2_000,
    logger: pino({ level: 'silent' }),
    ...options,
  });
}

function context(municipalityBfs: number, signal = new AbortController().signal): BackOfficeCallContext {
  return { municipalityBfs, correlationId: 'talus-test', signal };
}

const count = (operation: string, target = simulator) => target.calls().byOperation[operation] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failure(promise: Promise<unknown>): Promise<BackOfficeError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BackOfficeError);
  return error as BackOfficeError;
}

/** A simulator whose API answers `intercept`'s reply instead, where it sends one. */
async function simulatorIntercepting(intercept: (request: FastifyRequest, reply: FastifyReply) => void): Promise<BackOfficeSimulator> {
  const protocol: VendorProtocol = {
    ...talusProtocol,
    async register(app, protocolContext) {
      app.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/api/')) intercept(request, reply);
      });
      await talusProtocol.register(app, protocolContext);
    },
  };
  const started = await startVendorSimulator(protocol, { port: 0, credential });
  extraSimulators.push(started);
  return started;
}

beforeAll(async () => {
  simulator = await startVendorSimulator(talusProtocol, { port: 0, credential });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => simulator.reset());
afterEach(async () => {
  await Promise.all(extraSimulators.splice(0).map((s) => s.close()));
});

describe('Talus adapter: OAuth2 token', () => {
  it('when several calls follow each other, then one token serves them all', async () => {
    const adapter = adapterFor(simulator);
    await adapter.findResident(annaByName, context(4001));
    await adapter.getResidence(aarauMain.id, context(4001));
    await adapter.listOpenItems(aarauMain.id, context(4001));
    expect(count('token')).toBe(1);
    expect(count('getResidence')).toBe(1);
  });

  it('when five calls start at once, then they share one token request', async () => {
    const adapter = adapterFor(simulator);
    const residences = await Promise.all(
      Array.from({ length: 5 }, () => adapter.getResidence(aarauMain.id, context(4001))),
    );
    expect(residences.every((residence) => residence?.residenceType === 'main')).toBe(true);
    expect(count('token')).toBe(1);
    expect(count('getResidence')).toBe(5);
  });

  it('when one caller gives up while the token is on its way, then the others still get it', async () => {
    simulator.setFaults({ mode: 'slow', delayMs: 300 });
    const adapter = adapterFor(simulator);
    const controller = new AbortController();
    const reason = new Error('job deadline');
    const leaving = adapter.getResidence(aarauMain.id, context(4001, controller.signal));
    const staying = adapter.getResidence(aarauMain.id, context(4001));
    setTimeout(() => controller.abort(reason), 50);
    await expect(leaving).rejects.toBe(reason);
    await expect(staying).resolves.toMatchObject({ residenceType: 'main' });
    expect(count('token')).toBe(1);
  });

  it('when the token is 30 s from expiry, then a new one is fetched before the call', async () => {
    let now = Date.parse('2026-05-04T08:00:00Z');
    const adapter = adapterFor(simulator, { now: () => now });
    await adapter.getResidence(aarauMain.id, context(4001));
    now += 269_000; // the simulator's tokens live 300 s
    await adapter.getResidence(aarauMain.id, context(4001));
    expect(count('token')).toBe(1);
    now += 1_000;
    await adapter.getResidence(aarauMain.id, context(4001));
    expect(count('token')).toBe(2);
  });

  it('when Talus calls the cached token invalid, then the adapter renews it once and repeats the call', async () => {
    const adapter = adapterFor(simulator);
    await adapter.getResidence(aarauMain.id, context(4001));
    await sleep(5); // tokens issued before the fault's start expire; make "before" unambiguous
    simulator.setFaults({ mode: 'expiredCredentials' });
    await expect(adapter.getResidence(aarauMain.id, context(4001))).resolves.toMatchObject({ residenceType: 'main' });
    expect(count('token')).toBe(2);
    expect(count('getResidence')).toBe(3);
    await adapter.getResidence(aarauMain.id, context(4001));
    expect(count('token')).toBe(2);
  });

  it('when Talus refuses the fresh token too, then the call is rejected with 401 after one renewal', async () => {
    let apiCalls = 0;
    const refusing = await simulatorIntercepting((_request, reply) => {
      apiCalls += 1;
      void reply.code(401).header('www-authenticate', 'Bearer realm="talus", error="invalid_token"').send();
    });
    const error = await failure(adapterFor(refusing).findResident(annaByName, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(401);
    expect(apiCalls).toBe(2);
    expect(count('token', refusing)).toBe(2);
  });

  it('when the client credentials are wrong, then the token request is rejected with 401 and the API is not asked', async () => {
    const error = await failure(
      adapterFor(simulator, { credential: talus.generateCredential() }).findResident(annaByName, context(4001)),
    );
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(401);
    expect(error.message).toBe('Talus findResident: token request rejected with 401');
    expect(count('findResident')).toBe(0);
  });

  it('when the credential is not clientId:clientSecret, then the adapter is not created', () => {
    expect(() => adapterFor(simulator, { credential: 'no-colon-here' })).toThrow(RangeError);
    expect(() => adapterFor(simulator, { credential: 'id-only:' })).toThrow(RangeError);
  });
});

describe('Talus adapter: paging', () => {
  it('when a name search finds two namesakes over two pages, then nobody is returned', async () => {
    await expect(adapterFor(simulator).findResident(
      { firstName: badenNamesakeA.firstName, lastName: badenNamesakeA.lastName, dateOfBirth: badenNamesakeA.dateOfBirth },
      context(4021),
    )).resolves.toBeNull();
    expect(count('findResident')).toBe(2);
  });

  it('when open items come one per page, then all pages are read, oldest due date first', async () => {
    const items = await adapterFor(simulator).listOpenItems(aarauMain.id, context(4001));
    expect(items?.map((item) => item.itemId)).toEqual(['OP-4001-1001', 'OP-4001-1002']);
    expect(count('listOpenItems')).toBe(2);
  });

  it('when the adapter asks for 50 per page, then one page holds the whole list', async () => {
    const adapter = adapterFor(simulator, { pageSize: 50 });
    await expect(adapter.listOpenItems(aarauMain.id, context(4001))).resolves.toHaveLength(2);
    expect(count('listOpenItems')).toBe(1);
  });

  it('when a page token belongs to another query, then Talus refuses it', async () => {
    const response = await fetch(`${simulator.url}/api/v2/tenants/4001/debtors/P-4001-0001/open-items?page_token=bm9wZQ`, {
      headers: { authorization: `Bearer ${await fetchToken()}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('when Talus never stops paging, then the adapter gives up after the page cap', async () => {
    let pages = 0;
    const endless = await simulatorIntercepting((_request, reply) => {
      pages += 1;
      void reply.code(200).type('application/json').send({ items: [], next_page_token: `page-${pages}` });
    });
    const error = await failure(adapterFor(endless).listOpenItems(aarauMain.id, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(pages).toBe(TALUS_MAX_PAGES);
  });
});

describe('Talus adapter: dates and error answers', () => {
  it('when Talus answers midnight-UTC date-times, then the port gets calendar dates', async () => {
    const residence = await adapterFor(simulator).getResidence(bruggMovedAway.id, context(4095));
    expect(residence).toMatchObject({ since: '1990-01-01', movedOutOn: '2023-08-31' });
  });

  it('when a date-time is not at midnight UTC, then it is a protocol fault naming the field, not the value', async () => {
    const shifted = await simulatorIntercepting((_request, reply) => {
      void reply.code(200).type('application/json').send({
        items: [{ person_id: 'P-4001-0001', given_name: 'Anna', family_name: 'Muster', birth_date: '1985-03-13T23:00:00Z' }],
        next_page_token: null,
      });
    });
    const error = await failure(adapterFor(shifted).findResident(annaByName, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeProtocolError);
    expect(error.message).toContain('/items/0/birth_date');
    expect(error.message).not.toContain('1985');
  });

  it('when a request carries a plain date, then Talus refuses it as invalid', async () => {
    const response = await fetch(`${simulator.url}/api/v2/tenants/4001/persons:search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await fetchToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ family_name: 'Muster', given_name: 'Anna', birth_date: '1985-03-14' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('when a write lacks its Idempotency-Key, then Talus refuses it', async () => {
    const response = await fetch(`${simulator.url}/api/v2/tenants/4001/work-orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await fetchToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'ROAD', description: 'Loch', location: { latitude: 47.39, longitude: 8.04 }, reported_at: '2026-11-20T18:45:00+01:00' }),
    });
    expect(response.status).toBe(400);
    expect(simulator.state.written().damageReports).toBe(0);
  });

  it('when Talus finds the request invalid, then the call is rejected with 400', async () => {
    const booking = { reference: 'case-1:fee', residentId: aarauMain.id, amountRappen: 3_000, account: '4210.01', bookingText: 'x'.repeat(81) };
    const error = await failure(adapterFor(simulator).bookFee(booking, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(400);
  });

  it('when a contact details change names no field or a phone number that is not E.164, then Talus refuses it and writes nothing', async () => {
    for (const fields of [{}, { phone: '0795550101' }]) {
      const error = await failure(adapterFor(simulator).changeContactData({ reference: 'case-3:contact', residentId: aarauMain.id, ...fields }, context(4001)));
      expect(error).toBeInstanceOf(BackOfficeRejectedError);
      expect(error.status).toBe(400);
    }
    expect(simulator.state.written().contactDataChanges).toBe(0);
  });

  it('when the tenant is not served, then the call is rejected with 404, not read as an unknown person', async () => {
    const error = await failure(adapterFor(simulator).getResidence(aarauMain.id, context(4002)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(404);
  });

  it('when a 404 carries no Talus error body, then it is a rejection, not an unknown person', async () => {
    const proxy = await simulatorIntercepting((_request, reply) => {
      void reply.code(404).type('text/html').send('<h1>Not Found</h1>');
    });
    const error = await failure(adapterFor(proxy).getResidence(aarauMain.id, context(4001)));
    expect(error).toBeInstanceOf(BackOfficeRejectedError);
    expect(error.status).toBe(404);
  });

  it('when the debtor of an instalment plan is unknown, then the plan is refused for items not open', async () => {
    const request = { reference: 'case-2:plan', residentId: 'P-4001-9999', itemIds: ['OP-4001-1001'], instalments: 2, firstDueDate: '2027-01-31' };
    await expect(adapterFor(simulator).requestInstalmentPlan(request, context(4001)))
      .resolves.toEqual({ outcome: 'refused', reason: 'item-not-open' });
  });
});

async function fetchToken(): Promise<string> {
  const response = await fetch(`${simulator.url}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(credential).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=portal',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}
