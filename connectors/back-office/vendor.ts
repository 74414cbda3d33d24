/**
 * What makes a vendor known to the platform: its adapter and the shape of its credential. Adding a
 * sixth vendor is one folder exporting a `BackOfficeVendor` and one entry in `./vendors.ts` (and,
 * for development and tests, its simulator in `simulators/back-office/vendor-protocols.ts`).
 */
import type { BackOfficeAdapterOptions, BackOfficePort } from './port.ts';

export type BackOfficeVendor = {
  /** Key in configuration (municipality_services.back_office_vendor), e.g. 'dialog'. */
  readonly name: string;
  /** Shown in logs, incidents and docs, e.g. 'Hürlimann'. */
  readonly displayName: string;
  /** One line: protocol, authentication and format, for connectors/README.md and the bench. */
  readonly speaks: string;
  createAdapter(options: BackOfficeAdapterOptions): BackOfficePort;
  /** A fresh random credential in the vendor's format, for simulators in development and tests. */
  generateCredential(): string;
};
