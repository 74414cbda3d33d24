import type { Knex } from 'knex';

/**
 * What the generic intake needs of a service's package besides its start form (issue 15): which
 * account fields pre-fill which form fields, and which of the platform's sources give the form
 * its options (e.g. the person's open items for the instalment plan). A case keeps whether the
 * applicant's identity was confirmed (AGOV / e-ID) when they applied, for the clerk's review.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.jsonb('prefill').notNullable().defaultTo('{}');
    t.jsonb('form_data').notNullable().defaultTo('{}');
  });
  await db.schema.alterTable('cases', (t) => {
    t.boolean('identity_verified');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => {
    t.dropColumn('identity_verified');
  });
  await db.schema.alterTable('services', (t) => {
    t.dropColumn('form_data');
    t.dropColumn('prefill');
  });
}
