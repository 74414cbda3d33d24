/**
 * NF-3: the portal runs behind a load balancer with several API instances, so no account state
 * may live in one instance's memory. Two API instances, composed as `npm start` composes one
 * (startApiServer in portal-api/server.ts), share a database of this file's own, with an AGOV stand-in of their own
 * (its persons open accounts here without touching the other files' database): attempts at one
 * count at the other, an AGOV code issued by one is used at the other and only once, and the
 * birth date AGOV gave is pre-filled at either.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEVELOPMENT_AGOV_PERSONS } from '../../simulators/identity/agov-persons.ts';
import { loadConfig } from '../../core/config.ts';
import { startApiServer } from '../../portal-api/server.ts';
import { openParts, type Parts } from '../../core/platform-parts.ts';
import { startDevelopmentAgov } from '../../scripts/development-agov.ts';
import { createFreshDatabase } from '../support/test-database.ts';
import { agovLoginCode } from './support/provider-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const PER_ADDRESS = 4;
const agovPasswords = Object.fromEntries(DEVELOPMENT_AGOV_PERSONS.map((person) => [person.username, randomBytes(9).toString('base64url')]));

interface Instance { parts: Parts; app: FastifyInstance; url: string }
let first: Instance;
let second: Instance;
let agov: Awaited<ReturnType<typeof startDevelopmentAgov>>;

/** A port free now, for the first instance: the AGOV stand-in must know its callback before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function call(instance: Instance, method: string, path: string, options: { token?: string; body?: unknown; ip?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, instance.url), { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: (type.includes('json') ? await response.json() : await response.text()) as Body };
}

beforeAll(async () => {
  const databaseUrl = await createFreshDatabase('portal_two_instances');
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const agovClientSecret = randomBytes(24).toString('hex');
  agov = await startDevelopmentAgov({ port: 0, publicUrl, clientId: 'gemeindeportal-agov', clientSecret: agovClientSecret, passwords: agovPasswords });
  const env = {
    DATABASE_URL: databaseUrl, API_HOST: '127.0.0.1', PORTAL_PUBLIC_URL: publicUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ZEEBE_GRPC_ADDRESS: inject('engineGrpcAddress'), ZEEBE_REST_ADDRESS: inject('engineRestUrl'),
    OIDC_CLIENT_SECRET: randomBytes(24).toString('hex'), SESSION_SECRET: randomBytes(32).toString('hex'),
    AGOV_ISSUER: agov.issuer, AGOV_CLIENT_ID: 'gemeindeportal-agov', AGOV_CLIENT_SECRET: agovClientSecret,
    ACCOUNT_SECRETS_KEY: randomBytes(32).toString('base64'),
    API_TRUST_PROXY: '127.0.0.1', RATE_LIMIT_WINDOW_MS: '60000', RATE_LIMIT_PER_IP: '50', RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
  };
  const start = async (apiPort: number): Promise<Instance> => {
    const config = loadConfig({ ...env, API_PORT: String(apiPort) });
    const parts = await openParts(config, pino({ level: config.LOG_LEVEL }));
    const { app, url } = await startApiServer(parts);
    return { parts, app, url };
  };
  // One after the other: the first migrates the fresh database.
  first = await start(port);
  second = await start(0);
});

afterAll(async () => {
  for (const instance of [first, second]) {
    if (!instance) continue;
    await instance.app.close();
    await instance.parts.zeebe.close();
    await instance.parts.db.destroy();
  }
  await agov?.close();
});

const agovCode = (username: string) => agovLoginCode(first.url, username, agovPasswords[username] ?? '');

describe('two API instances on one database (NF-3)', () => {
  it('when login attempts for one address go to both instances, then they count together and the next one gets 429 at either', async () => {
    const email = `rate.${randomUUID().slice(0, 8)}@buerger.example`;
    const statuses: number[] = [];
    // Another client address each time: the per-address limit is what stops this, across instances.
    for (let attempt = 0; attempt < PER_ADDRESS; attempt += 1) {
      const instance = attempt % 2 === 0 ? first : second;
      statuses.push((await call(instance, 'POST', '/sessions', { ip: `10.77.0.${attempt + 1}`, body: { email, password: `Raten-${attempt}-Aa1` } })).status);
    }
    expect(statuses).toEqual(Array(PER_ADDRESS).fill(401));
    for (const instance of [second, first]) {
      const limited = await call(instance, 'POST', '/sessions', { ip: '10.77.0.99', body: { email, password: 'Raten-x-Aa1' } });
      expect(limited.status).toBe(429);
      expect(limited.body.type).toBe('urn:gemeindeportal:problem:rate-limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The shared counters hold neither the e-mail address nor the client addresses, only their keyed pseudonyms.
    const keys = (await first.parts.db('rate_limit_hits').pluck('key')).join(' ');
    expect(keys).not.toContain(email);
    expect(keys).not.toContain('10.77.0.');
  });

  it('when an AGOV code is issued by one instance, then the other redeems it, once only; the birth date is pre-filled at both and goes with the session', async () => {
    // Unknown at first: the code opens an account at the second instance, and is used up at both.
    const openCode = await agovCode('anna.muster');
    expect((await call(second, 'POST', '/sessions/agov', { body: { code: openCode } })).status).toBe(404);
    const opened = await call(second, 'POST', '/accounts/agov', { body: { code: openCode } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    for (const instance of [first, second]) expect((await call(instance, 'POST', '/accounts/agov', { body: { code: openCode } })).status).toBe(400);

    // Known now: a login code of the first instance, used at the second; racing both with it gives one session.
    const loginCode = await agovCode('anna.muster');
    // What the hand-off carries is sealed in the table, never in clear.
    const bodies = await first.parts.db('agov_hand_offs').pluck('body');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(/^gpe1:/);
    expect(bodies[0]).not.toMatch(/Muster|1985-04-12|anna\.muster/);
    const raced = await Promise.all([first, second, second].map((instance) => call(instance, 'POST', '/sessions/agov', { body: { code: loginCode } })));
    expect(raced.map((response) => response.status).sort()).toEqual([201, 400, 400]);
    const login = raced.find((response) => response.status === 201)!;
    expect(login.body.accountId).toBe(opened.body.accountId);

    expect(await first.parts.db('agov_hand_offs').count({ n: '*' }).first()).toEqual({ n: '0' });

    for (const instance of [first, second]) {
      const prefill = await call(instance, 'GET', '/account/prefill', { token: login.body.token });
      expect(prefill.status).toBe(200);
      expect(prefill.body.applicant).toMatchObject({ firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' });
    }
    const stored = await first.parts.db('account_sessions').where({ id: login.body.session.id }).first('agov_birthdate');
    expect(stored.agov_birthdate).toMatch(/^gpe1:/);

    // Logging out at one instance ends the birth date's keeping for all.
    expect((await call(first, 'DELETE', '/sessions/current', { token: login.body.token })).status).toBe(204);
    expect((await first.parts.db('account_sessions').where({ id: login.body.session.id }).first('agov_birthdate')).agov_birthdate).toBeNull();
    expect((await call(second, 'GET', '/account/prefill', { token: login.body.token })).status).toBe(401);
    // The account's session from opening it still pre-fills.
    expect((await call(first, 'GET', '/account/prefill', { token: opened.body.token })).body.applicant.dateOfBirth).toBe('1985-04-12');
  });
});
