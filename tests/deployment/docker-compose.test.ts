import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pino } from 'pino';
import { readCamundaVersion } from '../../scripts/engine/paths.ts';
import { developmentCredentialRef } from '../../connectors/back-office/credentials.ts';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';
import { payrexxInstanceOf, seededPayrexxMunicipalities } from '../../core/db/seed/catalogue.ts';
import { DEVELOPMENT_STAFF } from '../../simulators/identity/staff-accounts.ts';
import { loadConfig } from '../../core/config.ts';
import { passwordVariable } from '../../scripts/development-identity.ts';

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}

// There is no Docker engine on our machines: this reads the file instead of running it.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service> };
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

describe('docker-compose.yml', () => {
  const version = readCamundaVersion();
  const engine = service('engine');

  it('when it runs the engine, then it is the official image of the version pinned in package.json', () => {
    expect(engine.image).toBe(`camunda/zeebe:${version}`);
  });

  it('when it configures the engine, then it mounts our engine/application.yaml and the exporter built for that version', () => {
    const mounts = engine.volumes ?? [];
    const config = mounts.find((m) => m.startsWith('./engine/application.yaml:'));
    expect(config).toBeDefined();
    const target = config?.split(':')[1];
    expect(engine.environment?.SPRING_CONFIG_ADDITIONAL_LOCATION).toBe(`file:${target}`);
    const jar = mounts.find((m) => m.startsWith('./engine/exporter/target/'));
    expect(jar?.split(':')[0]).toBe(`./engine/exporter/target/portal-exporter-${version}.jar`);
    expect(engine.environment?.ENGINE_EXPORTER_JAR).toBe(jar?.split(':')[1]);
  });

  it('when the engine exports records, then they reach the portal API service with the shared token', () => {
    const api = service('portal-api');
    expect(engine.environment?.PORTAL_RECORDS_URL).toBe(`http://portal-api:${api.environment?.API_PORT}/internal/engine-records`);
    expect(engine.environment?.PORTAL_RECORDS_TOKEN).toBe(api.environment?.PORTAL_RECORDS_TOKEN);
  });

  it('when API and workers start, then they use PostgreSQL and the engine service, each with its own entry point', () => {
    for (const name of ['portal-api', 'workers']) {
      const env = service(name).environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env.ZEEBE_GRPC_ADDRESS).toBe('grpc://engine:26500');
      const entry = service(name).command?.at(-1);
      expect(entry && existsSync(entry)).toBe(true);
    }
    expect(service('postgres').image).toMatch(/^postgres:\d+/);
  });

  it('when the workers call back offices, then every vendor\'s simulator accepts the credential they present', () => {
    const simulators = service('back-office-simulator').environment ?? {};
    const workers = service('workers').environment ?? {};
    expect(service('portal-api').environment?.SEED_BACK_OFFICE_HOST).toBe('back-office-simulator');
    expect(service('portal-api').environment?.BACK_OFFICE_SIMULATOR_FIRST_PORT).toBe(simulators.BACK_OFFICE_SIMULATOR_FIRST_PORT);
    for (const vendor of Object.keys(BACK_OFFICE_VENDORS)) {
      const ref = developmentCredentialRef(vendor);
      expect(workers[ref], ref).toBeTruthy();
      expect(simulators[ref]).toBe(workers[ref]);
      // In the vendor's format: adapters refuse a malformed credential when they are created.
      const adapter = () => BACK_OFFICE_VENDORS[vendor]?.createAdapter({ baseUrl: 'http://back-office-simulator:4101', credential: workers[ref] ?? '', timeoutMs: 1_000, logger: pino({ level: 'silent' }) });
      expect(adapter).not.toThrow();
    }
  });

  it('when citizens pay, then the workers reach the Payrexx simulator with the keys it accepts, and its webhooks reach the API', () => {
    const payrexx = service('payrexx-simulator').environment ?? {};
    const workers = service('workers').environment ?? {};
    expect(workers.PAYREXX_BASE_URL).toBe(`http://payrexx-simulator:${payrexx.PAYREXX_SIMULATOR_PORT}/v1.0/`);
    expect(payrexx.PORTAL_PUBLIC_URL).toBe(`http://portal-api:${service('portal-api').environment?.API_PORT}`);
    for (const municipalityId of seededPayrexxMunicipalities()) {
      const ref = payrexxInstanceOf(municipalityId).credentialRef;
      expect(workers[ref], ref).toBeTruthy();
      expect(payrexx[ref]).toBe(workers[ref]);
      expect(service('portal-api').environment?.[ref]).toBe(workers[ref]);
    }
    expect(existsSync(service('payrexx-simulator').command?.at(-1) ?? '')).toBe(true);
  });

  it('when clerks log in, then the API and the staff directory share the client secret, and every development account has a password', () => {
    const identity = service('identity-provider').environment ?? {};
    const api = service('portal-api').environment ?? {};
    expect(api.OIDC_ISSUER).toBe(identity.IDENTITY_PROVIDER_ISSUER);
    expect(api.OIDC_CLIENT_SECRET).toBe(identity.OIDC_CLIENT_SECRET);
    for (const account of DEVELOPMENT_STAFF) expect(identity[passwordVariable('STAFF_PASSWORD', account.username)], account.username).toBeTruthy();
    expect(loadConfig(service('workers').environment as Record<string, string>).SESSION_SECRET).toBe(api.SESSION_SECRET);
  });
});
