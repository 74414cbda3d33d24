/** Talus: OAuth2-protected JSON REST with paged lists (see `./api.ts`). */
import { randomBytes } from 'node:crypto';
import type { BackOfficeVendor } from '../vendor.ts';
import { TALUS_VENDOR, createTalusAdapter } from './adapter.ts';
import { TALUS } from './api.ts';

export const talus: BackOfficeVendor = {
  name: TALUS_VENDOR,
  displayName: TALUS,
  speaks:
    'JSON REST (UTF-8, snake_case), OAuth2 client credentials with Basic client auth and cached bearer tokens, ' +
    'token-paged lists, dates as midnight-UTC date-times, amounts in cents, Idempotency-Key writes',
  createAdapter: createTalusAdapter,
  generateCredential: () => `talus-${randomBytes(6).toString('hex')}:${randomBytes(24).toString('base64url')}`,
};
