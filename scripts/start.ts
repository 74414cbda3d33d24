// `npm start`: the whole platform on one machine — engine, back-office simulators (one per
// vendor), the Payrexx simulator, a mail catcher, database, deployed processes, job workers and the portal API.
import pino from 'pino';
import { startDevelopmentBackOffices } from '../simulators/back-office/development-back-offices.ts';
import { loadConfig } from '../core/config.ts';
import { exportBackOfficeCredentials, loadDevSecrets } from './dev-secrets.ts';
import { ensureEngineRunning, stopEngine } from './engine.ts';
import { startPlatform } from './platform.ts';
import { closeOnSignal } from '../core/close-on-signal.ts';
import { startDevelopmentIdentity } from './development-identity.ts';
import { startDevelopmentAgov } from './development-agov.ts';
import { startDevelopmentPayrexx } from './development-payrexx.ts';
import { startMailCatcher } from '../simulators/mail/mail-catcher.ts';

const secrets = loadDevSecrets();
exportBackOfficeCredentials(secrets.backOfficeCredentials);
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const publicUrl = process.env.PORTAL_PUBLIC_URL ?? 'http://127.0.0.1:3000';
const payrexx = await startDevelopmentPayrexx({
  port: Number(process.env.PAYREXX_SIMULATOR_PORT ?? 4201),
  publicUrl,
  apiKeys: secrets.payrexxApiKeys,
  logger: logger.child({ component: 'payrexx-simulator' }),
});
Object.assign(process.env, payrexx.environment);
// Mail goes to the catcher unless a real server is configured.
const mailCatcher = process.env.SMTP_URL ? undefined : await startMailCatcher({
  smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 4025),
  httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 4402),
});
const config = loadConfig({
  ...process.env,
  ...(mailCatcher ? { SMTP_URL: mailCatcher.smtpUrl } : {}),
  OIDC_CLIENT_SECRET: secrets.OIDC_CLIENT_SECRET,
  AGOV_CLIENT_SECRET: secrets.AGOV_CLIENT_SECRET,
  SESSION_SECRET: secrets.SESSION_SECRET,
  ACCOUNT_SECRETS_KEY: secrets.ACCOUNT_SECRETS_KEY,
});
const identity = await startDevelopmentIdentity({
  port: Number(new URL(config.OIDC_ISSUER).port || 4300),
  publicUrl,
  clientId: config.OIDC_CLIENT_ID,
  clientSecret: config.OIDC_CLIENT_SECRET,
  passwords: secrets.staffPasswords,
  logger: logger.child({ component: 'identity-provider' }),
});
const agov = await startDevelopmentAgov({
  port: Number(new URL(config.AGOV_ISSUER).port || 4310),
  publicUrl,
  clientId: config.AGOV_CLIENT_ID,
  clientSecret: secrets.AGOV_CLIENT_SECRET,
  passwords: secrets.agovPasswords,
  logger: logger.child({ component: 'agov-stand-in' }),
});

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
  payrexxSimulator: payrexx.simulator.url,
  mails: mailCatcher ? `${mailCatcher.url}/__sim/mails` : 'SMTP_URL',
  tasklist: `${platform.apiUrl}/tasklist/`,
  staffDirectory: `${identity.issuer} (development accounts and passwords: .cache/dev-secrets.json)`,
  agov: `${agov.issuer} (AGOV stand-in; persons' passwords: .cache/dev-secrets.json agovPasswords; login at ${platform.apiUrl}/login/agov)`,
  backOfficeSimulators: Object.fromEntries(Object.entries(backOffices.endpoints).map(([vendor, { url }]) => [vendor, url])),
  engine: engine.startedByUs ? 'started' : 'reused',
  database: config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.EMBEDDED_DB_DIR}`,
}, 'platform is up — see README for the curl walk-through');

closeOnSignal(logger, async () => {
  await platform.stop();
  await backOffices.close();
  await payrexx.simulator.close();
  await identity.close();
  await agov.close();
  await mailCatcher?.close();
  if (engine.startedByUs) await stopEngine();
});
