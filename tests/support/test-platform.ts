import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { startBackOfficeSimulator } from '../../connectors/back-office/simulator/server.ts';
import { loadConfig } from '../../portal-api/config.ts';
import { startPlatform } from '../../scripts/platform.ts';
import { createFreshDatabase } from './test-database.ts';

export interface TestPlatform {
  apiUrl: string;
  simulatorUrl: string;
  tokenSecret: string;
  databaseUrl: string;
  engineRestUrl: string;
  engineGrpcAddress: string;
  stop(): Promise<void>;
}

/**
 * The platform on a fresh PostgreSQL database with the back-office simulator on a free port and
 * fresh secrets. The API listens where the engine's exporter posts (PORTAL_RECORDS_URL, port 3000
 * by default), so only one such platform runs per engine.
 */
export async function startTestPlatform(options: { database: string; logLevel: string; env?: Record<string, string> }): Promise<TestPlatform> {
  const databaseUrl = await createFreshDatabase(options.database);
  const apiKey = randomBytes(16).toString('hex');
  const tokenSecret = randomBytes(32).toString('hex');
  process.env.BACK_OFFICE_DIALOG_API_KEY = apiKey;
  const logger = pino({ level: options.logLevel });
  const simulator = await startBackOfficeSimulator({ port: 0, apiKey });
  const recordsUrl = new URL(process.env.PORTAL_RECORDS_URL ?? 'http://127.0.0.1:3000/internal/engine-records');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    API_HOST: recordsUrl.hostname,
    API_PORT: recordsUrl.port || '80',
    PORTAL_TOKEN_SECRET: tokenSecret,
    ...options.env,
  });
  const platform = await startPlatform({ config, backOfficeUrl: simulator.url, logger });
  return {
    apiUrl: platform.apiUrl,
    simulatorUrl: simulator.url,
    tokenSecret,
    databaseUrl,
    engineRestUrl: config.ZEEBE_REST_ADDRESS,
    engineGrpcAddress: config.ZEEBE_GRPC_ADDRESS,
    async stop() {
      await platform.stop();
      await simulator.close();
    },
  };
}
