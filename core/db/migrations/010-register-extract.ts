import type { Knex } from 'knex';

/**
 * What the residents register said about the applicant (residence type, since when, data block),
 * kept on the case for the clerk's review form only while the case's process runs: the engine of
 * 8.6 cannot hand process variables to the tasklist, and the projector clears it when the process
 * ends (INT-3).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => {
    t.jsonb('register_extract');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => t.dropColumn('register_extract'));
}
