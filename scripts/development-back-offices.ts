/**
 * Runs one simulator per back-office vendor for local development and demos:
 *   node scripts/development-back-offices.ts
 * Environment: BACK_OFFICE_SIMULATOR_FIRST_PORT (default 4101; vendors take consecutive ports),
 * BACK_OFFICE_SIMULATOR_HOST (default 127.0.0.1),
 * BACK_OFFICE_<VENDOR>_CREDENTIAL (default: the development secrets in .cache), LOG_LEVEL.
 */
import { pino } from 'pino';
import { closeOnSignal } from '../core/close-on-signal.ts';
import { loadDevSecrets } from './dev-secrets.ts';
import { startDevelopmentBackOffices } from '../simulators/back-office/development-back-offices.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', name: 'back-office-simulators' });
const firstPort = Number(process.env.BACK_OFFICE_SIMULATOR_FIRST_PORT ?? 4101);
if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65_000) {
  logger.fatal('BACK_OFFICE_SIMULATOR_FIRST_PORT is not a port number');
  process.exit(1);
}

const backOffices = await startDevelopmentBackOffices({
  firstPort,
  host: process.env.BACK_OFFICE_SIMULATOR_HOST ?? '127.0.0.1',
  credentials: loadDevSecrets().backOfficeCredentials,
  logger,
});
for (const [vendor, endpoint] of Object.entries(backOffices.endpoints)) {
  logger.info({ vendor, url: endpoint.url, credential: endpoint.credentialRef }, 'back-office simulator listening');
}
closeOnSignal(logger, () => backOffices.close());
