// `npm start`: the whole platform on one machine — engine, back-office simulator, database,
// deployed processes, job workers and the portal API.
import pino from 'pino';
import { startBackOfficeSimulator } from '../connectors/back-office/simulator/server.ts';
import { loadConfig } from '../portal-api/config.ts';
import { loadDevSecrets } from './dev-secrets.ts';
import { ensureEngineRunning, stopEngine } from './engine.ts';
import { startPlatform } from './platform.ts';
import { closeOnSignal } from './close-on-signal.ts';

const secrets = loadDevSecrets();
process.env.BACK_OFFICE_DIALOG_API_KEY = secrets.BACK_OFFICE_DIALOG_API_KEY;
const config = loadConfig({ ...process.env, PORTAL_TOKEN_SECRET: secrets.PORTAL_TOKEN_SECRET });
const logger = pino({ level: config.LOG_LEVEL });

const engine = await ensureEngineRunning();
const simulator = await startBackOfficeSimulator({
  port: Number(process.env.BACK_OFFICE_SIMULATOR_PORT ?? 4101),
  apiKey: secrets.BACK_OFFICE_DIALOG_API_KEY,
  logger: logger.child({ component: 'back-office-simulator' }),
});
const platform = await startPlatform({ config, backOfficeUrl: simulator.url, logger });

logger.info({
  api: platform.apiUrl,
  docs: `${platform.apiUrl}/docs`,
  backOfficeSimulator: simulator.url,
  engine: engine.startedByUs ? 'started' : 'reused',
  database: config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.EMBEDDED_DB_DIR}`,
}, 'platform is up — see README for the curl walk-through');

closeOnSignal(logger, async () => {
  await platform.stop();
  await simulator.close();
  if (engine.startedByUs) await stopEngine();
});
