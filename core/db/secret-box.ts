import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts the account secrets the platform must read back (TOTP secrets, pending account mails)
 * with AES-256-GCM. A sealed value is `gpe1:<key id>:<base64url(iv | ciphertext | tag)>`: the key
 * id is a fingerprint of the key, so that a later rotation can keep old keys for reading while
 * sealing with the new one. Each value is bound to its context (e.g. `totp:<account id>`), so a
 * sealed value copied into another account's row does not open there.
 */
export interface SecretBox {
  /** `plain` sealed under the current key for `context`. */
  seal(plain: string, context: string): string;
  /** The plain text of a sealed value; throws SecretBoxError when it was altered, sealed for another context or under a key not configured. */
  open(sealed: string, context: string): string;
  /**
   * A stable, keyed name of `value` for `purpose`, for state that must count or match a value
   * without holding it (rate limits per client or e-mail address). Unlike a plain hash, it cannot
   * be traced back by trying every IPv4 address or a list of known e-mail addresses without the
   * key; it changes when the key does.
   */
  pseudonym(value: string, purpose: string): string;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

const PREFIX = 'gpe1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** How every sealed value begins (for a query looking for values still in clear). */
export const SEALED_PREFIX = `${PREFIX}:`;

/** Whether a stored value is sealed, as opposed to one written before encryption (in clear). */
export const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

/** The 32 bytes of a key written as standard base64 (`openssl rand -base64 32`); throws, without echoing it, for anything else. */
export function parseSecretsKey(base64: string): Buffer {
  const key = BASE64_KEY.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) throw new SecretBoxError('an account secrets key is 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

/** A short public name of a key: enough to tell keys apart, nothing to learn the key from. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('gemeindeportal account secrets key\0').update(key).digest('base64url').slice(0, 8);
}

/** A box sealing with the first key and opening with any of them (base64, 32 bytes each). */
export function createSecretBox(keys: readonly string[]): SecretBox {
  if (keys.length === 0) throw new SecretBoxError('no account secrets key');
  const byId = new Map(keys.map((text) => {
    const key = parseSecretsKey(text);
    return [keyIdOf(key), key] as const;
  }));
  const [currentId, currentKey] = [...byId][0]!;
  const aad = (context: string) => Buffer.from(`${PREFIX}:${context}`, 'utf8');
  // A KeyObject, made once: an HMAC over a raw buffer imports the key again each call (about 6 times slower).
  const pseudonymKey = createSecretKey(Buffer.from(hkdfSync('sha256', currentKey, Buffer.alloc(0), 'gemeindeportal pseudonyms', KEY_BYTES)));
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv).setAAD(aad(context));
      const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}:${currentId}:${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const [prefix, keyId, payload, ...rest] = sealed.split(':');
      if (prefix !== PREFIX || keyId === undefined || payload === undefined || rest.length > 0) throw new SecretBoxError('not a sealed value');
      const key = byId.get(keyId);
      if (!key) throw new SecretBoxError(`sealed under key ${keyId}, which is not configured`);
      const body = Buffer.from(payload, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('sealed value cut short');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES }).setAAD(aad(context));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('sealed value altered, or sealed for another context');
      }
    },
    pseudonym(value, purpose) {
      return createHmac('sha256', pseudonymKey).update(purpose, 'utf8').update('\0').update(value, 'utf8').digest('base64url');
    },
  };
}
