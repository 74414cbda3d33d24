import type { Logger } from 'pino';
import type { Config } from '../core/config.ts';
import { seedCatalogue, type SeedBackOffice } from '../core/db/seed/catalogue.ts';
import { startApiServer } from '../portal-api/server.ts';
import { deployAll, openParts } from '../core/platform-parts.ts';
import { startWorkerPool } from '../workers/composition/worker-pool.ts';

export interface PlatformOptions {
  config: Config;
  /** Per vendor, where the seeded municipalities' back offices answer (the simulators in development and tests). */
  backOffices: Readonly<Record<string, SeedBackOffice>>;
  logger?: Logger;
}

export interface RunningPlatform {
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * API and workers in one process, as `npm start` and the tests run them (the embedded database
 * allows only one process). docker-compose runs the same parts as separate services.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const parts = await openParts(options.config, options.logger);
  await deployAll(parts);
  await seedCatalogue(parts.db, { backOffices: options.backOffices });
  const workers = await startWorkerPool(parts);
  const api = await startApiServer(parts);
  return {
    apiUrl: api.url,
    async stop() {
      await api.app.close();
      await workers.stop();
      await parts.zeebe.close();
      await parts.db.destroy();
    },
  };
}
