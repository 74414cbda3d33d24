// The job workers as a service of their own (docker-compose); scale them horizontally.
import { loadConfig } from '../core/config.ts';
import { openParts } from '../core/platform-parts.ts';
import { startWorkerPool } from './composition/worker-pool.ts';
import { closeOnSignal } from '../core/close-on-signal.ts';

const parts = await openParts(loadConfig());
const workers = await startWorkerPool(parts);
parts.logger.info('job workers running');
closeOnSignal(parts.logger, async () => {
  await workers.stop();
  await parts.zeebe.close();
  await parts.db.destroy();
});
