import type { Knex } from 'knex';

/** The form-js form a citizen fills in to order a service, from its package (issue 15); null where the package has none yet. */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.jsonb('start_form');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.dropColumn('start_form');
  });
}
