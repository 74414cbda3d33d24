/**
 * Runs the back-office simulator (Dialog API) for local development and demos:
 *   node connectors/back-office/simulator/main.ts
 * Environment: BACK_OFFICE_SIMULATOR_PORT (default 4101), BACK_OFFICE_SIMULATOR_HOST (default
 * 127.0.0.1), BACK_OFFICE_SIMULATOR_API_KEY (default 'simulator-dev-key'), LOG_LEVEL (default info).
 */
import { pino } from 'pino';
import { startBackOfficeSimulator } from './server.ts';

const DEFAULT_PORT = 4101;
const DEFAULT_API_KEY = 'simulator-dev-key';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', name: 'back-office-simulator' });

const rawPort = process.env.BACK_OFFICE_SIMULATOR_PORT;
const port = rawPort === undefined || rawPort === '' ? DEFAULT_PORT : Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  logger.fatal({ port: rawPort }, 'BACK_OFFICE_SIMULATOR_PORT is not a port number');
  process.exit(1);
}

const simulator = await startBackOfficeSimulator({
  port,
  host: process.env.BACK_OFFICE_SIMULATOR_HOST ?? '127.0.0.1',
  apiKey: process.env.BACK_OFFICE_SIMULATOR_API_KEY ?? DEFAULT_API_KEY,
  logger,
});
logger.info({ url: simulator.url }, 'back-office simulator (Dialog API) listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'stopping');
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  });
}
