import type { Knex } from 'knex';

/**
 * Settings a service package declares (name, type, default, bounds) and the values each
 * municipality sets for the services it offers (issue 15: per-municipality thresholds such as the
 * instalment plan's); a case runs with the defaults overridden by the municipality's values.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.jsonb('settings').notNullable().defaultTo('{}');
  });
  await db.schema.alterTable('municipality_services', (t) => {
    t.jsonb('settings').notNullable().defaultTo('{}');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('municipality_services', (t) => {
    t.dropColumn('settings');
  });
  await db.schema.alterTable('services', (t) => {
    t.dropColumn('settings');
  });
}
