/**
 * Issue 15's proof that a service is a package and no code: a new service — diagram, start form,
 * manifest and one document template, no TypeScript — is put into a temporary folder, a platform
 * instance starts with that folder among its SERVICE_PACKAGE_DIRS (on the suite's database and
 * engine, as a second instance behind a load balancer would), the municipality's administrator
 * offers it, and a citizen orders it end to end: the form is served and checked, the process runs
 * on the real engine and the document comes from the package's template.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { deployAll, openParts, type Parts } from '../../core/platform-parts.ts';
import { startApiServer } from '../../portal-api/server.ts';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const SERVICE = 'dog-registration-confirmation';
let folder: string;
let instance: { parts: Parts; app: FastifyInstance; url: string };

/** Calls the instance that started with the new package. */
async function callInstance(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, instance.url), { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  return { status: response.status, body: (await response.json()) as Body };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'service-packages-'));
  cpSync(join(import.meta.dirname, 'fixtures/proof-package', SERVICE), join(folder, SERVICE), { recursive: true });
  const config = loadConfig({
    DATABASE_URL: inject('databaseUrl'), API_HOST: '127.0.0.1', API_PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ZEEBE_GRPC_ADDRESS: inject('engineGrpcAddress'), ZEEBE_REST_ADDRESS: inject('engineRestUrl'),
    OIDC_CLIENT_SECRET: randomBytes(24).toString('hex'), SESSION_SECRET: randomBytes(32).toString('hex'),
    ACCOUNT_SECRETS_KEY: inject('accountSecretsKey'),
    SERVICE_PACKAGE_DIRS: `processes,${folder}`,
  });
  // What `npm start` does at start: check, register and deploy every package folder, then listen.
  const parts = await openParts(config, pino({ level: config.LOG_LEVEL }));
  await deployAll(parts);
  const { app, url } = await startApiServer(parts);
  instance = { parts, app, url };
});

afterAll(async () => {
  // The service leaves Aarau's catalogue again; its registration stays, as a shipped package's would.
  const admin = await staffSessionCookie('anna.admin');
  await callApi('PUT', `/administration/municipalities/aarau/offerings/${SERVICE}`, { headers: staffHeaders(admin), body: { offered: false } });
  await instance?.app.close();
  await instance?.parts.zeebe.close();
  await instance?.parts.db.destroy();
  rmSync(folder, { recursive: true, force: true });
});

describe('a service added as a package without code', () => {
  it('when the platform starts with a folder holding the new package, then the service is registered with its form and found by the search', async () => {
    const form = await callInstance('GET', `/services/${SERVICE}/form`);
    expect(form.status).toBe(200);
    expect(form.body.components).toContainEqual(expect.objectContaining({ type: 'group', path: 'dog' }));
    // Other files of the suite may register services of their own meanwhile: the new one is among the hits, named from its manifest.
    const found = await callInstance('GET', '/services?q=Hundeanmeldung&language=de');
    expect(found.body.services).toContainEqual(expect.objectContaining({ id: SERVICE, name: 'Bestätigung der Hundeanmeldung' }));
  });

  it('when Aarau offers it and a citizen orders it through its start form, then the process runs and the document comes from the package\'s template', async () => {
    const admin = await staffSessionCookie('anna.admin');
    const offered = await callApi<Body>('PUT', `/administration/municipalities/aarau/offerings/${SERVICE}`, {
      headers: staffHeaders(admin), body: { offered: true, feeRappen: 0, candidateGroup: '4001-einwohnerkontrolle', invoiceAllowed: false },
    });
    expect(offered.status, JSON.stringify(offered.body)).toBeLessThan(300);

    const token = await citizenToken('proof-dog-keeper');
    const application = (dog: Body) => ({
      serviceId: SERVICE, municipalityId: 'aarau', language: 'fr',
      data: { applicant: { dateOfBirth: '1980-05-01' }, dog },
    });
    const dog = { name: 'Bello', chipNumber: '756098100123456', size: 'large', bornYear: 2021 };
    // The package's form rules hold on the server, though no code of the service says so.
    const refused = await callInstance('POST', '/applications', { token, body: application({ ...dog, chipNumber: '1234', size: 'huge', bornYear: 1980 }) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: Body) => e.pointer).sort()).toEqual(['/body/data/dog/bornYear', '/body/data/dog/chipNumber', '/body/data/dog/size']);

    const filed = await callInstance('POST', '/applications', { token, body: application(dog) });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${filed.body.id}`, { token });
      return body.state === 'completed' ? body : undefined;
    }, 'the new service\'s case to complete');
    expect(done).toMatchObject({ serviceId: SERVICE, outcome: 'issued', phaseLabel: 'Terminée', payment: null });
    expect(done.history.map((h: Body) => h.phase.de)).toEqual(['Eingegangen', 'In Bearbeitung', 'Abgeschlossen']);
    expect(done.documents).toHaveLength(1);

    const pdf = await callApi<Buffer>('GET', done.documents[0].href, { token });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(pdf.body), { mergePages: true });
    expect(text).toContain('Confirmation d\'enregistrement du chien');
    expect(text).toContain('Bello');
    expect(text).toContain('756098100123456');
    expect(text).toContain('proof-dog-keeper');
  });
});
