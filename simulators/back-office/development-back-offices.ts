/**
 * The development and test back offices: one simulator per vendor, each with its own credential,
 * as `npm start` and the integration tests run them.
 */
import type { Logger } from 'pino';
import { developmentCredentialRef } from '../../connectors/back-office/credentials.ts';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';
import { protocolOf } from './vendor-protocols.ts';
import { startVendorSimulator, type BackOfficeSimulator } from './vendor-simulator.ts';

export type DevelopmentBackOffices = {
  readonly simulators: Readonly<Record<string, BackOfficeSimulator>>;
  /** Per vendor: where its simulator answers and the name of its credential. */
  readonly endpoints: Readonly<Record<string, { readonly url: string; readonly credentialRef: string }>>;
  close(): Promise<void>;
};

/**
 * Starts a simulator per vendor. With `firstPort` p they listen on p, p+1, ... in the order of
 * `BACK_OFFICE_VENDORS` (as `developmentBackOfficeEndpoints` in core's seed expects); with 0 on free ports. `credentials` maps each vendor to the credential its
 * simulator accepts; a missing one is generated.
 */
export async function startDevelopmentBackOffices(options: {
  readonly firstPort: number;
  /** Default '127.0.0.1'. */
  readonly host?: string;
  readonly credentials: Readonly<Record<string, string>>;
  readonly logger?: Logger;
}): Promise<DevelopmentBackOffices> {
  const simulators: Record<string, BackOfficeSimulator> = {};
  const endpoints: Record<string, { url: string; credentialRef: string }> = {};
  const close = () => Promise.all(Object.values(simulators).map((s) => s.close())).then(() => undefined);
  try {
    for (const [index, vendor] of Object.values(BACK_OFFICE_VENDORS).entries()) {
      const simulator = await startVendorSimulator(protocolOf(vendor.name), {
        port: options.firstPort === 0 ? 0 : options.firstPort + index,
        ...(options.host === undefined ? {} : { host: options.host }),
        credential: options.credentials[vendor.name] ?? vendor.generateCredential(),
        ...(options.logger === undefined ? {} : { logger: options.logger.child({ simulator: vendor.name }) }),
      });
      simulators[vendor.name] = simulator;
      endpoints[vendor.name] = { url: simulator.url, credentialRef: developmentCredentialRef(vendor.name) };
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { simulators, endpoints, close };
}
