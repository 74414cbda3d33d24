import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { developmentCredentialRef } from '../connectors/back-office/credentials.ts';
import { BACK_OFFICE_VENDORS } from '../connectors/back-office/vendors.ts';
import { DEVELOPMENT_STAFF } from '../simulators/identity/staff-accounts.ts';
import { DEVELOPMENT_AGOV_PERSONS } from '../simulators/identity/agov-persons.ts';
import { payrexxInstanceOf, seededPayrexxMunicipalities } from '../core/db/seed/catalogue.ts';

const SECRETS_FILE = resolve('.cache/dev-secrets.json');

export interface DevSecrets {
  /** Derives the passwords of `npm run token -- <name>`'s development citizens (never an environment variable). */
  citizenPasswordSeed: string;
  /** Per vendor, the credential its development simulator accepts. */
  backOfficeCredentials: Record<string, string>;
  /** Per credential reference (PAYREXX_<MUNICIPALITY>_API_KEY), the Payrexx simulator's instance key. */
  payrexxApiKeys: Record<string, string>;
  /** The tasklist's client secret at the development OpenID provider, and its session cookie's key. */
  OIDC_CLIENT_SECRET: string;
  SESSION_SECRET: string;
  /** Passwords of the development staff accounts, by username (see simulators/identity). */
  staffPasswords: Record<string, string>;
  /** The portal's client secret at the development AGOV stand-in, and its persons' passwords by username. */
  AGOV_CLIENT_SECRET: string;
  agovPasswords: Record<string, string>;
  /** Encrypts the accounts' TOTP secrets and pending mails (AES-256-GCM): 32 bytes, base64. Kept, or what the database holds no longer opens. */
  ACCOUNT_SECRETS_KEY: string;
}

/**
 * Secrets for a local installation, generated on first use and kept in the git-ignored cache.
 * An environment variable of the same name wins, as it must in production.
 */
export function loadDevSecrets(env: NodeJS.ProcessEnv = process.env): DevSecrets {
  let stored: Partial<DevSecrets> = {};
  if (existsSync(SECRETS_FILE)) stored = JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as Partial<DevSecrets>;
  const secrets: DevSecrets = {
    // The former token secret, where a cache has one: the development citizens made with it keep their passwords.
    citizenPasswordSeed: stored.citizenPasswordSeed ?? (stored as { PORTAL_TOKEN_SECRET?: string }).PORTAL_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    backOfficeCredentials: Object.fromEntries(
      Object.values(BACK_OFFICE_VENDORS).map((vendor) => [
        vendor.name,
        stored.backOfficeCredentials?.[vendor.name] ?? vendor.generateCredential(),
      ]),
    ),
    payrexxApiKeys: Object.fromEntries(
      seededPayrexxMunicipalities().map((municipalityId) => {
        const { credentialRef } = payrexxInstanceOf(municipalityId);
        return [credentialRef, stored.payrexxApiKeys?.[credentialRef] ?? randomBytes(24).toString('base64url')];
      }),
    ),
    OIDC_CLIENT_SECRET: stored.OIDC_CLIENT_SECRET ?? randomBytes(24).toString('base64url'),
    SESSION_SECRET: stored.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    staffPasswords: Object.fromEntries(
      DEVELOPMENT_STAFF.map((account) => [account.username, stored.staffPasswords?.[account.username] ?? randomBytes(9).toString('base64url')]),
    ),
    AGOV_CLIENT_SECRET: stored.AGOV_CLIENT_SECRET ?? randomBytes(24).toString('base64url'),
    agovPasswords: Object.fromEntries(
      DEVELOPMENT_AGOV_PERSONS.map((person) => [person.username, stored.agovPasswords?.[person.username] ?? randomBytes(9).toString('base64url')]),
    ),
    ACCOUNT_SECRETS_KEY: stored.ACCOUNT_SECRETS_KEY ?? randomBytes(32).toString('base64'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    mkdirSync(dirname(SECRETS_FILE), { recursive: true });
    writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    citizenPasswordSeed: secrets.citizenPasswordSeed,
    backOfficeCredentials: Object.fromEntries(
      Object.entries(secrets.backOfficeCredentials).map(([vendor, credential]) => [
        vendor,
        env[developmentCredentialRef(vendor)] || credential,
      ]),
    ),
    payrexxApiKeys: Object.fromEntries(Object.entries(secrets.payrexxApiKeys).map(([ref, key]) => [ref, env[ref] || key])),
    OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET || secrets.OIDC_CLIENT_SECRET,
    SESSION_SECRET: env.SESSION_SECRET || secrets.SESSION_SECRET,
    staffPasswords: secrets.staffPasswords,
    AGOV_CLIENT_SECRET: env.AGOV_CLIENT_SECRET || secrets.AGOV_CLIENT_SECRET,
    agovPasswords: secrets.agovPasswords,
    ACCOUNT_SECRETS_KEY: env.ACCOUNT_SECRETS_KEY || secrets.ACCOUNT_SECRETS_KEY,
  };
}

/** Puts the development back-office credentials where the workers read them: the environment. */
export function exportBackOfficeCredentials(credentials: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv = process.env): void {
  for (const [vendor, credential] of Object.entries(credentials)) env[developmentCredentialRef(vendor)] = credential;
}
