import type { Knex } from 'knex';

/**
 * A new service made in the modeller (issue 15): its draft carries the package's manifest beside
 * the diagram and forms (the start form among them), and a registered service keeps the manifest
 * it was registered with, so that a service that exists only in the database can be written back
 * as a package (`npm run export-package`). Null for drafts of registered services and for services
 * registered before; the next start registers the packages of processes/ again with theirs.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('process_drafts', (t) => {
    t.jsonb('manifest');
  });
  await db.schema.alterTable('services', (t) => {
    t.jsonb('manifest');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.dropColumn('manifest');
  });
  await db.schema.alterTable('process_drafts', (t) => {
    t.dropColumn('manifest');
  });
}
