import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in every link and session token. */
export const TOKEN_BYTES = 32;

/**
 * A token for a link or a session: 32 random bytes, base64url, with a prefix naming its kind so a
 * secret scanner recognises one that leaked. Only its hash is stored.
 */
export function newSecretToken(prefix: 'gps' | 'gpl' | 'gpm'): string {
  return `${prefix}_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/** SHA-256 of the token, hex: what the database keeps; a stolen table gives no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
