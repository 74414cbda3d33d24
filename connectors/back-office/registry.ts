import type { Logger } from 'pino';
import type { BackOfficeAdapterOptions, BackOfficePort } from './port.ts';
import { withCallLog } from './resilience/call-log.ts';
import { withCircuitBreaker, type CircuitBreakerSettings, type GuardedPort } from './resilience/circuit-breaker.ts';

/** How a municipality or institution reaches its back office: vendor, endpoint, and where its credential lives. */
export interface BackOfficeEndpoint {
  vendor: string;
  url: string;
  /** Name of the credential (environment variable, or `<name>_FILE` naming a secret file); never the credential itself. */
  credentialRef: string;
}

export type BackOfficeAdapterFactory = (options: BackOfficeAdapterOptions) => BackOfficePort;

export type BackOfficeRegistryOptions = {
  readonly adapters: Readonly<Record<string, BackOfficeAdapterFactory>>;
  readonly readCredential: (ref: string) => string | undefined;
  readonly timeoutMs: number;
  readonly breaker: CircuitBreakerSettings;
  readonly logger: Logger;
};

export interface BackOfficeRegistry {
  /** The adapter for an endpoint, logged and behind its circuit breaker; one per endpoint, created on first use. */
  forEndpoint(endpoint: BackOfficeEndpoint): GuardedPort;
}

/** The configuration names a vendor or credential that this installation does not have. */
export class UnknownBackOfficeError extends Error {
  override readonly name = 'UnknownBackOfficeError';
}

/** Resolves a configured endpoint to its vendor's adapter; adding a vendor adds one factory. */
export function createBackOfficeRegistry(options: BackOfficeRegistryOptions): BackOfficeRegistry {
  const ports = new Map<string, GuardedPort>();
  return {
    forEndpoint(endpoint) {
      const id = `${endpoint.vendor} ${endpoint.url} ${endpoint.credentialRef}`;
      const existing = ports.get(id);
      if (existing) return existing;
      const factory = Object.hasOwn(options.adapters, endpoint.vendor) ? options.adapters[endpoint.vendor] : undefined;
      if (!factory) throw new UnknownBackOfficeError(`no adapter for back-office vendor "${endpoint.vendor}"`);
      const credential = options.readCredential(endpoint.credentialRef);
      if (!credential) throw new UnknownBackOfficeError(`credential ${endpoint.credentialRef} is not set`);
      const logger = options.logger.child({ component: 'back-office' });
      const adapter = factory({ baseUrl: endpoint.url, credential, timeoutMs: options.timeoutMs, logger });
      const port = withCircuitBreaker(withCallLog(adapter, logger), options.breaker, { logger, endpoint: new URL(endpoint.url).host });
      ports.set(id, port);
      return port;
    },
  };
}
