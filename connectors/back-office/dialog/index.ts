import { randomBytes } from 'node:crypto';
import type { BackOfficeVendor } from '../vendor.ts';
import { createDialogAdapter } from './adapter.ts';

export const dialog: BackOfficeVendor = {
  name: 'dialog',
  displayName: 'Dialog',
  speaks: 'JSON REST (UTF-8), API key header, ISO dates, RFC 9457 problem answers, idempotent PUT writes',
  createAdapter: createDialogAdapter,
  generateCredential: () => randomBytes(24).toString('base64url'),
};
