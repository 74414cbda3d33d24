// The portal API's entry: `node portal-api/server.ts` (docker-compose, production) opens the
// platform's parts, listens, and closes gracefully on SIGINT or SIGTERM. `npm start` and the tests
// start the same server beside the workers (scripts/platform.ts) through startApiServer.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { seedCatalogue } from '../core/db/seed/catalogue.ts';
import { developmentBackOfficeEndpoints } from '../core/db/seed/development-back-offices.ts';
import { loadConfig } from '../core/config.ts';
import { deployAll, openParts, type Parts } from '../core/platform-parts.ts';
import { closeOnSignal } from '../core/close-on-signal.ts';
import { composeApi } from './composition/api.ts';

/** How the API logs (the platform's logger, as component `api`) and which proxy's X-Forwarded-For it believes. */
export function apiServerOptions({ config, logger }: Parts): FastifyServerOptions {
  return { loggerInstance: logger.child({ component: 'api' }), ...(config.API_TRUST_PROXY ? { trustProxy: config.API_TRUST_PROXY } : {}) };
}

/** The portal API listening where the configuration says (API_HOST, API_PORT). */
export async function startApiServer(parts: Parts): Promise<{ app: FastifyInstance; url: string }> {
  const app = await composeApi(parts, apiServerOptions(parts));
  const url = await app.listen({ host: parts.config.API_HOST, port: parts.config.API_PORT });
  return { app, url };
}

if (import.meta.main) {
  const parts = await openParts(loadConfig());
  await deployAll(parts);
  // docker-compose seeds the development catalogue against its simulators service.
  if (process.env.SEED_BACK_OFFICE_HOST) {
    const firstPort = Number(process.env.BACK_OFFICE_SIMULATOR_FIRST_PORT ?? 4101);
    await seedCatalogue(parts.db, { backOffices: developmentBackOfficeEndpoints(process.env.SEED_BACK_OFFICE_HOST, firstPort) });
  }
  const api = await startApiServer(parts);
  // Fastify's close answers requests in flight and refuses new ones (503) before the parts close.
  closeOnSignal(parts.logger, async () => {
    await api.app.close();
    await parts.zeebe.close();
    await parts.db.destroy();
  });
}
