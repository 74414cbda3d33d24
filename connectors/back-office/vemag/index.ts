/** Vemag, the back-office vendor with the older in-house JSON API (see `./protocol.ts`). */
import { randomBytes } from 'node:crypto';
import type { BackOfficeVendor } from '../vendor.ts';
import { VEMAG_VENDOR, createVemagAdapter } from './adapter.ts';
import { VEMAG_DISPLAY_NAME } from './http.ts';

export const vemag: BackOfficeVendor = {
  name: VEMAG_VENDOR,
  displayName: VEMAG_DISPLAY_NAME,
  speaks:
    'In-house JSON over HTTP below /vemag/api/, `Authorization: VemagKey <key>` plus `X-Vemag-Mandant: <bfs>`; ' +
    'answers in ISO-8859-1, always HTTP 200 with an ok/fehler envelope and E-… codes; German fields, DD.MM.YYYY dates, amounts as "1250.00"',
  createAdapter: createVemagAdapter,
  // Vemag keys are 32 upper-case hexadecimal characters; the format is this platform's assumption.
  generateCredential: () => randomBytes(16).toString('hex').toUpperCase(),
};
