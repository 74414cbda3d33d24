// The portal API as a service of its own (docker-compose); `npm start` runs it with the workers.
import { seedCatalogue } from './db/seed/catalogue.ts';
import { loadConfig } from './config.ts';
import { deployAll, openParts, startApiServer } from '../scripts/platform.ts';
import { closeOnSignal } from '../scripts/close-on-signal.ts';

const parts = await openParts(loadConfig());
if (process.env.SEED_BACK_OFFICE_URL) await seedCatalogue(parts.db, { backOfficeUrl: process.env.SEED_BACK_OFFICE_URL });
await deployAll(parts);
const api = await startApiServer(parts);
closeOnSignal(parts.logger, async () => {
  await api.app.close();
  await parts.zeebe.close();
  await parts.db.destroy();
});
