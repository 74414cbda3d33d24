import type { Knex } from 'knex';

/**
 * The letterhead a municipality's documents carry (issue 15): its address and how to reach it
 * (phone, e-mail, website), in the shape of `Letterhead` (catalogue-repository.ts). Null where it
 * is not configured: the documents then name the municipality alone.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('municipalities', (t) => {
    t.jsonb('letterhead');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('municipalities', (t) => {
    t.dropColumn('letterhead');
  });
}
