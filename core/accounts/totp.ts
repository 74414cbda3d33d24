import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Gemeindeportal';
const PERIOD = 30;

const totpOf = (secret: string, label = 'Konto') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** A new TOTP secret (160 bits, base32) and its otpauth:// URI for an authenticator app. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, label).toString() };
}

/**
 * The time step of `code` if it is valid now (one step of clock drift either way), else undefined.
 * The caller keeps the last accepted step, so the same code cannot be used twice.
 */
export function acceptedTotpStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The code an authenticator app shows for `secret` at `at` (tests, and nothing else). */
export function totpCodeAt(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}
