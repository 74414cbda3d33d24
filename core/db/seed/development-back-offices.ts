import { developmentCredentialRef } from '../../../connectors/back-office/credentials.ts';
import { BACK_OFFICE_VENDORS } from '../../../connectors/back-office/vendors.ts';

/**
 * Where the development back offices answer when they run on `host` from `firstPort` on, one vendor
 * per port in the order of `BACK_OFFICE_VENDORS` (as docker-compose runs the simulators).
 */
export function developmentBackOfficeEndpoints(host: string, firstPort: number): Record<string, { url: string; credentialRef: string }> {
  return Object.fromEntries(
    Object.values(BACK_OFFICE_VENDORS).map((vendor, index) => [
      vendor.name,
      { url: `http://${host}:${firstPort + index}`, credentialRef: developmentCredentialRef(vendor.name) },
    ]),
  );
}
