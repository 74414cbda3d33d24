import { randomBytes } from 'node:crypto';
import type { BackOfficeVendor } from '../vendor.ts';
import { createHurlimannAdapter, HURLIMANN_VENDOR } from './adapter.ts';
import { HURLIMANN } from './protocol.ts';

export const hurlimann: BackOfficeVendor = {
  name: HURLIMANN_VENDOR,
  displayName: HURLIMANN,
  speaks: 'eCH XML over HTTP (UTF-8), HTTP Basic auth, eCH-0058 v5 header, eCH-0044/0011/0010/0007 content, XSD-validated both ways',
  createAdapter: createHurlimannAdapter,
  generateCredential: () => `portal:${randomBytes(24).toString('base64url')}`,
};
