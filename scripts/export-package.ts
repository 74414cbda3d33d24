// `npm run export-package -- <serviceId>`: writes a deployed service as a whole package (service.yaml,
// the newest diagram, its forms and the start form) from the portal's database into
// processes/<serviceId>/, so that a service made in the modeller is committed like the shipped
// ones. Reads DATABASE_URL (or the embedded database, while `npm start` is not running).
import { createDatabase } from '../core/db/database.ts';
import { createProcessDraftsRepository } from '../core/db/process-drafts-repository.ts';
import { createServicesRepository } from '../core/db/services-repository.ts';
import { exportPackage } from '../core/modeller/export-process.ts';

const [serviceId, ...rest] = process.argv.slice(2);
if (!serviceId || rest.length > 0) {
  console.error('usage: npm run export-package -- <serviceId>');
  process.exit(2);
}
const db = createDatabase({ databaseUrl: process.env.DATABASE_URL, embeddedDir: process.env.EMBEDDED_DB_DIR ?? '.cache/pglite' });
try {
  const { version, files } = await exportPackage({ drafts: createProcessDraftsRepository(db), services: createServicesRepository(db) }, serviceId, process.cwd());
  console.log(`exported ${serviceId} (version ${version}): ${files.join(', ')}`);
} catch (error) {
  console.error(`export-package: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
