/** The simulator that stands in for each vendor's installations, by the vendor's configuration key. */
import type { VendorProtocol } from './vendor-simulator.ts';
import { dialogProtocol } from './dialog/simulator.ts';
import { hurlimannProtocol } from './hurlimann/simulator.ts';
import { obtProtocol } from './obt/simulator.ts';
import { talusProtocol } from './talus/simulator.ts';
import { vemagProtocol } from './vemag/simulator.ts';

export const VENDOR_PROTOCOLS: Readonly<Record<string, VendorProtocol>> = {
  dialog: dialogProtocol,
  hurlimann: hurlimannProtocol,
  obt: obtProtocol,
  talus: talusProtocol,
  vemag: vemagProtocol,
};

/** The simulator protocol of a vendor; throws for a vendor without one, so a new vendor cannot be forgotten here. */
export function protocolOf(vendor: string): VendorProtocol {
  const protocol = Object.hasOwn(VENDOR_PROTOCOLS, vendor) ? VENDOR_PROTOCOLS[vendor] : undefined;
  if (!protocol) throw new Error(`no simulator for back-office vendor "${vendor}"`);
  return protocol;
}
