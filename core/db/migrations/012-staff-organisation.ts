import type { Knex } from 'knex';

/**
 * Staff work for a municipality or for an institution that serves several (a regional civil
 * registry office): the column names the organisation, not only a municipality.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('staff_members', (t) => {
    t.renameColumn('municipality_id', 'organisation_id');
    t.text('organisation_kind').notNullable().defaultTo('municipality');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('staff_members', (t) => {
    t.dropColumn('organisation_kind');
    t.renameColumn('organisation_id', 'municipality_id');
  });
}
