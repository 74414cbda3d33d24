// The Payrexx of development and tests: one simulator with an instance per seeded municipality,
// each with its own API key and its webhook pointing at the portal API.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { startPayrexxSimulator, type PayrexxSimulator } from '../connectors/payment/payrexx/simulator.ts';
import { payrexxInstanceOf, seededPayrexxMunicipalities } from '../portal-api/db/seed/catalogue.ts';

export interface DevelopmentPayrexx {
  simulator: PayrexxSimulator;
  /** Environment the platform needs: PAYREXX_BASE_URL and each instance's API key. */
  environment: Record<string, string>;
}

/** Keys come from `apiKeys` (by credential reference) when given, else are generated. */
export async function startDevelopmentPayrexx(options: {
  port: number;
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
    instances,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  environment.PAYREXX_BASE_URL = simulator.apiBaseUrl;
  return { simulator, environment };
}
