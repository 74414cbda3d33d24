/** Every back-office vendor the platform can talk to, by configuration key. */
import type { BackOfficeVendor } from './vendor.ts';
import { dialog } from './dialog/index.ts';
import { hurlimann } from './hurlimann/index.ts';
import { obt } from './obt/index.ts';
import { talus } from './talus/index.ts';
import { vemag } from './vemag/index.ts';
import { readCredentialFrom } from './credentials.ts';
import { createBackOfficeRegistry, type BackOfficeRegistry, type BackOfficeRegistryOptions } from './registry.ts';

export const BACK_OFFICE_VENDORS: Readonly<Record<string, BackOfficeVendor>> = {
  dialog,
  hurlimann,
  obt,
  talus,
  vemag,
};

/**
 * The registry of every vendor's adapter, with credentials from the environment: the worker
 * program and the portal API (which reads a few things at intake, e.g. a person's open items)
 * reach the back offices alike.
 */
export function createVendorRegistry(settings: Omit<BackOfficeRegistryOptions, 'adapters' | 'readCredential'>, env: NodeJS.ProcessEnv = process.env): BackOfficeRegistry {
  return createBackOfficeRegistry({
    ...settings,
    adapters: Object.fromEntries(Object.values(BACK_OFFICE_VENDORS).map((vendor) => [vendor.name, vendor.createAdapter])),
    readCredential: readCredentialFrom(env),
  });
}
