import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, keyIdOf, parseSecretsKey, SecretBoxError } from '../../../../core/db/secret-box.ts';

const newKey = () => randomBytes(32).toString('base64');
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The same sealed value with one byte of its ciphertext flipped. */
function flipped(sealed: string, at: number): string {
  const [prefix, keyId, payload] = sealed.split(':') as [string, string, string];
  const body = Buffer.from(payload, 'base64url');
  body[at]! ^= 0x01;
  return `${prefix}:${keyId}:${body.toString('base64url')}`;
}

describe('account secrets box (AES-256-GCM)', () => {
  it('when a secret is sealed, then it opens to the same text, names its key, and never reads as the secret', () => {
    const key = newKey();
    const box = createSecretBox([key]);
    const sealed = box.seal(SECRET, 'totp:account-1');
    expect(sealed).toMatch(new RegExp(`^gpe1:${keyIdOf(parseSecretsKey(key))}:[A-Za-z0-9_-]+$`));
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(box.open(sealed, 'totp:account-1')).toBe(SECRET);
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(box.seal(SECRET, 'totp:account-1')).not.toBe(sealed);
  });

  it('when a sealed value was altered anywhere (nonce, ciphertext or tag), then it is refused', () => {
    const box = createSecretBox([newKey()]);
    const sealed = box.seal(SECRET, 'totp:account-1');
    const length = Buffer.from(sealed.split(':')[2]!, 'base64url').length;
    for (const at of [0, 12, 20, length - 1]) {
      expect(() => box.open(flipped(sealed, at), 'totp:account-1'), `byte ${at}`).toThrow(SecretBoxError);
    }
    expect(() => box.open(sealed.slice(0, -4), 'totp:account-1')).toThrow(SecretBoxError);
  });

  it('when a sealed value is read for another account, then it is refused (a copied row does not open)', () => {
    const box = createSecretBox([newKey()]);
    expect(() => box.open(box.seal(SECRET, 'totp:account-1'), 'totp:account-2')).toThrow(/altered, or sealed for another context/);
  });

  it('when another key is configured, then the value is refused and the error names the missing key, not the secret', () => {
    const sealedKey = newKey();
    const sealed = createSecretBox([sealedKey]).seal(SECRET, 'totp:account-1');
    expect(() => createSecretBox([newKey()]).open(sealed, 'totp:account-1'))
      .toThrow(`sealed under key ${keyIdOf(parseSecretsKey(sealedKey))}, which is not configured`);
    // Even a forged key id of the configured key does not open it.
    const other = newKey();
    const forged = sealed.replace(/^gpe1:[^:]+:/, `gpe1:${keyIdOf(parseSecretsKey(other))}:`);
    expect(() => createSecretBox([other]).open(forged, 'totp:account-1')).toThrow(SecretBoxError);
  });

  it('when a key is rotated, then the new one seals and the old one still opens what it sealed', () => {
    const [oldKey, newerKey] = [newKey(), newKey()];
    const old = createSecretBox([oldKey]).seal(SECRET, 'totp:account-1');
    const rotated = createSecretBox([newerKey, oldKey]);
    expect(rotated.open(old, 'totp:account-1')).toBe(SECRET);
    expect(rotated.seal(SECRET, 'totp:account-1')).toMatch(new RegExp(`^gpe1:${keyIdOf(parseSecretsKey(newerKey))}:`));
  });

  it.each([
    { name: 'too short', key: randomBytes(31).toString('base64') },
    { name: 'too long', key: randomBytes(33).toString('base64') },
    { name: 'base64url', key: randomBytes(32).toString('base64url') },
    { name: 'hex', key: randomBytes(32).toString('hex') },
  ])('when the key is $name, then it is refused without being echoed', ({ key }) => {
    expect(() => createSecretBox([key])).toThrow(SecretBoxError);
    try {
      createSecretBox([key]);
    } catch (error) {
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('when a value is in clear (written before encryption), then it does not pass for a sealed one', () => {
    expect(isSealed(SECRET)).toBe(false);
    expect(() => createSecretBox([newKey()]).open(SECRET, 'totp:account-1')).toThrow('not a sealed value');
  });
});

describe('keyed pseudonyms (rate-limit counters)', () => {
  it('when two instances share the key, then a value has one pseudonym per purpose, which is neither the value nor its plain hash', () => {
    const key = newKey();
    const [first, second] = [createSecretBox([key]), createSecretBox([key, newKey()])];
    const pseudonym = first.pseudonym('192.0.2.7', 'rate-limit:client-address');
    expect(second.pseudonym('192.0.2.7', 'rate-limit:client-address')).toBe(pseudonym);
    expect(first.pseudonym('192.0.2.8', 'rate-limit:client-address')).not.toBe(pseudonym);
    expect(first.pseudonym('192.0.2.7', 'rate-limit:e-mail-address')).not.toBe(pseudonym);
    expect(pseudonym).not.toContain('192.0.2.7');
    expect(pseudonym).not.toBe(createHash('sha256').update('192.0.2.7').digest('base64url'));
  });

  it('when the key is another (or rotated), then the same value gets another pseudonym', () => {
    const key = newKey();
    const rotated = createSecretBox([newKey(), key]);
    expect(rotated.pseudonym('anna@example.ch', 'rate-limit:e-mail-address')).not.toBe(createSecretBox([key]).pseudonym('anna@example.ch', 'rate-limit:e-mail-address'));
  });
});
