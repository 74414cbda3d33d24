import { randomBytes } from 'node:crypto';
import type { BackOfficeVendor } from '../vendor.ts';
import { createObtAdapter } from './adapter.ts';

export const obt: BackOfficeVendor = {
  name: 'obt',
  displayName: 'OBT',
  speaks: 'SOAP 1.1 document/literal (WSDL gemeinde-v3), WS-Security UsernameToken PasswordText, xs:date, CHF decimals, faults with HTTP 500',
  createAdapter: createObtAdapter,
  // 'user:password'; the user name never contains a colon, the password may.
  generateCredential: () => `platform-${randomBytes(4).toString('hex')}:${randomBytes(18).toString('base64url')}`,
};
