import type { BackOfficePort } from './port.ts';

/** How a municipality reaches its back office: vendor, endpoint, and where its credential lives. */
export interface BackOfficeEndpoint {
  vendor: string;
  url: string;
  /** Name of the environment variable holding the credential; the credential itself is never stored. */
  credentialRef: string;
}

export type BackOfficeAdapterFactory = (endpoint: { url: string; credential: string }) => BackOfficePort;

export interface BackOfficeRegistry {
  /** The adapter for an endpoint; one instance per endpoint, created on first use. */
  forEndpoint(endpoint: BackOfficeEndpoint): BackOfficePort;
}

export class UnknownBackOfficeError extends Error {}

/** Resolves a municipality's configured vendor to its adapter; adding a vendor adds one factory. */
export function createBackOfficeRegistry(
  factories: Record<string, BackOfficeAdapterFactory>,
  readCredential: (ref: string) => string | undefined = (ref) => process.env[ref],
): BackOfficeRegistry {
  const adapters = new Map<string, BackOfficePort>();
  return {
    forEndpoint(endpoint) {
      const id = `${endpoint.vendor} ${endpoint.url} ${endpoint.credentialRef}`;
      const existing = adapters.get(id);
      if (existing) return existing;
      const factory = Object.hasOwn(factories, endpoint.vendor) ? factories[endpoint.vendor] : undefined;
      if (!factory) throw new UnknownBackOfficeError(`no adapter for back-office vendor "${endpoint.vendor}"`);
      const credential = readCredential(endpoint.credentialRef);
      if (!credential) throw new UnknownBackOfficeError(`credential ${endpoint.credentialRef} is not set`);
      const adapter = factory({ url: endpoint.url, credential });
      adapters.set(id, adapter);
      return adapter;
    },
  };
}
