// The portal API as a service of its own (docker-compose); `npm start` runs it with the workers.
import { seedCatalogue } from '../core/db/seed/catalogue.ts';
import { developmentBackOfficeEndpoints } from '../core/db/seed/development-back-offices.ts';
import { loadConfig } from '../core/config.ts';
import { deployAll, openParts } from '../core/platform-parts.ts';
import { startApiServer } from './composition/api-server.ts';
import { closeOnSignal } from '../core/close-on-signal.ts';

const parts = await openParts(loadConfig());
// docker-compose seeds the development catalogue against its simulators service.
if (process.env.SEED_BACK_OFFICE_HOST) {
  const firstPort = Number(process.env.BACK_OFFICE_SIMULATOR_FIRST_PORT ?? 4101);
  await seedCatalogue(parts.db, { backOffices: developmentBackOfficeEndpoints(process.env.SEED_BACK_OFFICE_HOST, firstPort) });
}
await deployAll(parts);
const api = await startApiServer(parts);
closeOnSignal(parts.logger, async () => {
  await api.app.close();
  await parts.zeebe.close();
  await parts.db.destroy();
});
