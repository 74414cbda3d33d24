import type { Knex } from 'knex';

/**
 * Institutions other than municipalities that services route to (INT-2): the district's
 * debt-enforcement office and the regional civil registry office. Each runs its own back office;
 * which one serves a municipality is configuration.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('institutions', (t) => {
    t.text('id').primary();
    t.text('kind').notNullable().checkIn(['debt-enforcement-office', 'civil-registry-office']);
    t.text('name').notNullable();
    t.text('back_office_vendor').notNullable();
    t.text('back_office_url').notNullable();
    // Name of the environment variable (or secret file) that holds the credential, never the credential.
    t.text('back_office_credential_ref').notNullable();
  });
  await db.schema.createTable('municipality_institutions', (t) => {
    t.text('municipality_id').notNullable().references('municipalities.id');
    t.text('kind').notNullable();
    t.text('institution_id').notNullable().references('institutions.id');
    t.primary(['municipality_id', 'kind']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('municipality_institutions');
  await db.schema.dropTableIfExists('institutions');
}
