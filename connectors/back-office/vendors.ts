/** Every back-office vendor the platform can talk to, by configuration key. */
import type { BackOfficeVendor } from './vendor.ts';
import { dialog } from './dialog/index.ts';
import { hurlimann } from './hurlimann/index.ts';
import { obt } from './obt/index.ts';
import { talus } from './talus/index.ts';
import { vemag } from './vemag/index.ts';

export const BACK_OFFICE_VENDORS: Readonly<Record<string, BackOfficeVendor>> = {
  dialog,
  hurlimann,
  obt,
  talus,
  vemag,
};
