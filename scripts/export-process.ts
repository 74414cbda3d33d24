// `npm run export-process -- <processId> [version]`: writes a deployed version (the newest by
// default) from the portal's database into processes/<service>/, for review in git. Reads
// DATABASE_URL (or the embedded database, while `npm start` is not running).
import { createDatabase } from '../core/db/database.ts';
import { createProcessDraftsRepository } from '../core/db/process-drafts-repository.ts';
import { exportProcess } from '../core/modeller/export-process.ts';

const [processId, versionText] = process.argv.slice(2);
if (!processId || (versionText !== undefined && !/^[1-9]\d*$/.test(versionText))) {
  console.error('usage: npm run export-process -- <processId> [version]');
  process.exit(2);
}
const db = createDatabase({ databaseUrl: process.env.DATABASE_URL, embeddedDir: process.env.EMBEDDED_DB_DIR ?? '.cache/pglite' });
try {
  const { version, files } = await exportProcess(createProcessDraftsRepository(db), processId, versionText ? Number(versionText) : undefined, process.cwd());
  console.log(`exported ${processId} version ${version}: ${files.join(', ')}`);
} catch (error) {
  console.error(`export-process: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
