// The AGOV stand-in in docker-compose.yml (INT-5), read statically like docker-compose.test.ts:
// there is no Docker engine on our machines.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEVELOPMENT_AGOV_PERSONS } from '../../simulators/identity/agov-persons.ts';
import { loadConfig } from '../../core/config.ts';
import { passwordVariable } from '../../scripts/development-identity.ts';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service> };
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

describe('docker-compose.yml: the AGOV stand-in', () => {
  const agov = service('agov');
  const agovEnv = agov.environment ?? {};
  const api = service('portal-api').environment ?? {};

  it('when it starts, then it runs the same stand-in as `npm start`, as a program of its own', () => {
    const script = agov.command?.at(-1) ?? '';
    expect(script).toBe('scripts/development-agov.ts');
    expect(existsSync(script)).toBe(true);
    // Like development-identity.ts and development-mail.ts, it must start its provider when run directly.
    expect(readFileSync(script, 'utf8')).toMatch(/if \(import\.meta\.main\)/);
  });

  it('when a citizen logs in with AGOV, then the API knows the stand-in as its issuer and both share the client', () => {
    expect(api.AGOV_ISSUER).toBe(agovEnv.AGOV_PROVIDER_ISSUER);
    expect(new URL(agovEnv.AGOV_PROVIDER_ISSUER ?? '').port).toBe(agovEnv.AGOV_PROVIDER_PORT);
    expect(agov.ports).toContain(`${agovEnv.AGOV_PROVIDER_PORT}:${agovEnv.AGOV_PROVIDER_PORT}`);
    expect(api.AGOV_CLIENT_ID).toBe(agovEnv.AGOV_CLIENT_ID);
    expect(api.AGOV_CLIENT_SECRET).toBe(agovEnv.AGOV_CLIENT_SECRET);
    // The redirect URI the stand-in accepts lives under the API's public URL.
    expect(agovEnv.PORTAL_PUBLIC_URL).toBe(api.PORTAL_PUBLIC_URL);
    // Without a valid secret the API leaves AGOV login off.
    const config = loadConfig(api);
    expect(config.AGOV_CLIENT_SECRET).toBe(agovEnv.AGOV_CLIENT_SECRET);
    expect(config.AGOV_ISSUER).toBe(agovEnv.AGOV_PROVIDER_ISSUER);
  });

  it('when it lists its persons, then every development AGOV person has a password', () => {
    for (const person of DEVELOPMENT_AGOV_PERSONS) {
      expect(agovEnv[passwordVariable('AGOV_PASSWORD', person.username)], person.username).toBeTruthy();
    }
  });
});
