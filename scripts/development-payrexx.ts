// The Payrexx of development and tests: one simulator with an instance per seeded municipality,
// each with its own API key and its webhook pointing at the portal API.
import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { closeOnSignal } from '../core/close-on-signal.ts';
import { startPayrexxSimulator, type PayrexxSimulator } from '../simulators/payrexx/simulator.ts';
import { payrexxInstanceOf, seededPayrexxMunicipalities } from '../core/db/seed/catalogue.ts';

export interface DevelopmentPayrexx {
  simulator: PayrexxSimulator;
  /** Environment the platform needs: PAYREXX_BASE_URL and each instance's API key. */
  environment: Record<string, string>;
}

/** Keys come from `apiKeys` (by credential reference) when given, else are generated. */
export async function startDevelopmentPayrexx(options: {
  port: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Where payers reach the simulator's payment pages; default its listen address. */
  simulatorPublicUrl?: string;
  /** The portal API's public URL, where webhooks go. */
  publicUrl: string;
  apiKeys?: Readonly<Record<string, string>>;
  logger?: Logger;
}): Promise<DevelopmentPayrexx> {
  const environment: Record<string, string> = {};
  const instances: Record<string, { apiKey: string; webhookUrl: string }> = {};
  for (const municipalityId of seededPayrexxMunicipalities()) {
    const { instance, credentialRef } = payrexxInstanceOf(municipalityId);
    const apiKey = options.apiKeys?.[credentialRef] ?? randomBytes(24).toString('base64url');
    instances[instance] = { apiKey, webhookUrl: `${options.publicUrl}/webhooks/payrexx/${municipalityId}` };
    environment[credentialRef] = apiKey;
  }
  const simulator = await startPayrexxSimulator({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.simulatorPublicUrl === undefined ? {} : { publicUrl: options.simulatorPublicUrl }),
    instances,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  environment.PAYREXX_BASE_URL = simulator.apiBaseUrl;
  return { simulator, environment };
}

/**
 * Runs the development Payrexx on its own (docker-compose): `node scripts/development-payrexx.ts`.
 * Environment: PAYREXX_SIMULATOR_HOST, PAYREXX_SIMULATOR_PORT (4201), PAYREXX_SIMULATOR_PUBLIC_URL
 * (links in payment pages), PORTAL_PUBLIC_URL (webhooks), PAYREXX_<MUNICIPALITY>_API_KEY (each
 * instance's key; generated when missing, which only suits a simulator nobody else calls).
 */
async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', name: 'payrexx-simulator' });
  const payrexx = await startDevelopmentPayrexx({
    port: Number(process.env.PAYREXX_SIMULATOR_PORT ?? 4201),
    host: process.env.PAYREXX_SIMULATOR_HOST ?? '127.0.0.1',
    ...(process.env.PAYREXX_SIMULATOR_PUBLIC_URL ? { simulatorPublicUrl: process.env.PAYREXX_SIMULATOR_PUBLIC_URL } : {}),
    publicUrl: process.env.PORTAL_PUBLIC_URL ?? 'http://127.0.0.1:3000',
    apiKeys: process.env as Record<string, string>,
    logger,
  });
  logger.info({ url: payrexx.simulator.url }, 'Payrexx simulator listening');
  closeOnSignal(logger, () => payrexx.simulator.close());
}

if (import.meta.main) await main();

