import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../../core/accounts/passwords.ts';
import { hashToken, newSecretToken } from '../../../../core/accounts/secret-tokens.ts';
import { acceptedTotpStep, newTotpSecret, totpCodeAt } from '../../../../core/accounts/totp.ts';

describe('link and session tokens', () => {
  it('when a token is made, then it carries 32 random bytes after its prefix, and no two are alike', () => {
    const tokens = Array.from({ length: 200 }, () => newSecretToken('gps'));
    for (const token of tokens) {
      expect(token).toMatch(/^gps_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('when a token is stored, then only its SHA-256 is: hex, fixed, and not the token', () => {
    const token = newSecretToken('gpl');
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(4));
  });
});

describe('password hashes', () => {
  it('when a password is hashed, then it is argon2id with a salt, and only the same password verifies', async () => {
    const first = await hashPassword('Passwort1');
    const second = await hashPassword('Passwort1');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'Passwort1')).toBe(true);
    expect(await verifyPassword(first, 'passwort1')).toBe(false);
  });

  it('when there is no stored hash (unknown address), then nothing verifies, not even the dummy\'s password', async () => {
    expect(await verifyPassword(undefined, 'dummy-password-for-timing-1A')).toBe(false);
  });
});

describe('TOTP codes', () => {
  it('when the app shows a code, then it is accepted in its step and the neighbours, not beyond', () => {
    const { secret, uri } = newTotpSecret('4821-7730-1594');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Gemeindeportal:4821-7730-1594\?.*secret=/);
    const at = new Date('2026-11-23T10:00:15Z');
    const step = Math.floor(at.getTime() / 30_000);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, at), at)).toBe(step);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 90_000)), at)).toBeUndefined();
    expect(acceptedTotpStep(secret, 'abcdef', at)).toBeUndefined();
  });
});
