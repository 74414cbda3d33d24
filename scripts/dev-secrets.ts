import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SECRETS_FILE = resolve('.cache/dev-secrets.json');

export interface DevSecrets {
  PORTAL_TOKEN_SECRET: string;
  BACK_OFFICE_DIALOG_API_KEY: string;
}

/**
 * Secrets for a local installation, generated on first use and kept in the git-ignored cache.
 * An environment variable of the same name wins, as it must in production.
 */
export function loadDevSecrets(env: NodeJS.ProcessEnv = process.env): DevSecrets {
  let stored: Partial<DevSecrets> = {};
  if (existsSync(SECRETS_FILE)) stored = JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as Partial<DevSecrets>;
  const secrets: DevSecrets = {
    PORTAL_TOKEN_SECRET: stored.PORTAL_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    BACK_OFFICE_DIALOG_API_KEY: stored.BACK_OFFICE_DIALOG_API_KEY ?? randomBytes(24).toString('base64url'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    mkdirSync(dirname(SECRETS_FILE), { recursive: true });
    writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    PORTAL_TOKEN_SECRET: env.PORTAL_TOKEN_SECRET || secrets.PORTAL_TOKEN_SECRET,
    BACK_OFFICE_DIALOG_API_KEY: env.BACK_OFFICE_DIALOG_API_KEY || secrets.BACK_OFFICE_DIALOG_API_KEY,
  };
}
