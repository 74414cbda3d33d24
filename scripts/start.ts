// `npm start`: the whole platform on one machine — engine, back-office simulators (one per
// vendor), database, deployed processes, job workers and the portal API.
import pino from 'pino';
import { startDevelopmentBackOffices } from '../connectors/back-office/simulator/development-back-offices.ts';
import { loadConfig } from '../portal-api/config.ts';
import { exportBackOfficeCredentials, loadDevSecrets } from './dev-secrets.ts';
import { ensureEngineRunning, stopEngine } from './engine.ts';
import { startPlatform } from './platform.ts';
import { closeOnSignal } from './close-on-signal.ts';

const secrets = loadDevSecrets();
exportBackOfficeCredentials(secrets.backOfficeCredentials);
const config = loadConfig({ ...process.env, PORTAL_TOKEN_SECRET: secrets.PORTAL_TOKEN_SECRET });
const logger = pino({ level: config.LOG_LEVEL });

const engine = await ensureEngineRunning();
const backOffices = await startDevelopmentBackOffices({
  firstPort: Number(process.env.BACK_OFFICE_SIMULATOR_FIRST_PORT ?? 4101),
  credentials: secrets.backOfficeCredentials,
  logger: logger.child({ component: 'back-office-simulator' }),
});
const platform = await startPlatform({ config, backOffices: backOffices.endpoints, logger });

logger.info({
  api: platform.apiUrl,
  docs: `${platform.apiUrl}/docs`,
  backOfficeSimulators: Object.fromEntries(Object.entries(backOffices.endpoints).map(([vendor, { url }]) => [vendor, url])),
  engine: engine.startedByUs ? 'started' : 'reused',
  database: config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.EMBEDDED_DB_DIR}`,
}, 'platform is up — see README for the curl walk-through');

closeOnSignal(logger, async () => {
  await platform.stop();
  await backOffices.close();
  if (engine.startedByUs) await stopEngine();
});
