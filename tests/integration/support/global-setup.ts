import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startBackOfficeSimulator } from '../../../connectors/back-office/simulator/server.ts';
import { loadConfig } from '../../../portal-api/config.ts';
import { ensureEngineRunning, stopEngine } from '../../../scripts/engine.ts';
import { startPlatform } from '../../../scripts/platform.ts';
import { createFreshDatabase } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    tokenSecret: string;
    databaseUrl: string;
    simulatorUrl: string;
    engineRestUrl: string;
    engineGrpcAddress: string;
  }
}

/**
 * Starts the real engine (or reuses a running one), a fresh PostgreSQL database, the back-office
 * simulator and the platform. The API listens where the engine's exporter sends its records
 * (PORTAL_RECORDS_URL, port 3000 by default), so `npm start` must not run at the same time.
 */
export default async function setup(project: TestProject) {
  const engine = await ensureEngineRunning();
  const databaseUrl = await createFreshDatabase('portal_test');
  const apiKey = randomBytes(16).toString('hex');
  const tokenSecret = randomBytes(32).toString('hex');
  process.env.BACK_OFFICE_DIALOG_API_KEY = apiKey;
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' });
  const simulator = await startBackOfficeSimulator({ port: 0, apiKey });
  const recordsUrl = new URL(process.env.PORTAL_RECORDS_URL ?? 'http://127.0.0.1:3000/internal/engine-records');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    API_HOST: recordsUrl.hostname,
    API_PORT: recordsUrl.port || '80',
    PORTAL_TOKEN_SECRET: tokenSecret,
    // Short, so that retries and incidents happen within a test.
    JOB_RETRY_BASE_MS: '300',
    JOB_RETRY_MAX_MS: '2000',
    BACK_OFFICE_TIMEOUT_MS: '1500',
  });
  const platform = await startPlatform({ config, backOfficeUrl: simulator.url, logger });

  project.provide('apiUrl', platform.apiUrl);
  project.provide('tokenSecret', tokenSecret);
  project.provide('databaseUrl', databaseUrl);
  project.provide('simulatorUrl', simulator.url);
  project.provide('engineRestUrl', config.ZEEBE_REST_ADDRESS);
  project.provide('engineGrpcAddress', config.ZEEBE_GRPC_ADDRESS);

  return async () => {
    await platform.stop();
    await simulator.close();
    if (engine.startedByUs) await stopEngine();
  };
}
