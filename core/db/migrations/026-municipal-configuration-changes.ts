import type { Knex } from 'knex';

/**
 * Every change a municipality's administrator makes to its configuration (ADM-3: offerings, fees,
 * accounts, settings, invoice creditor, back-office vendor) is recorded in the change's own
 * transaction: who (the directory's subject and the name it gave), when, which municipality, what
 * (`offering:<service id>`, `creditor`, `back-office`), and the part's value before and after as
 * JSON (null where there was none, e.g. a service not offered). Never a credential.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('municipal_configuration_changes', (t) => {
    t.bigIncrements('id');
    t.text('municipality_id').notNullable().references('municipalities.id');
    t.text('subject').notNullable();
    t.text('staff_id').notNullable();
    t.text('staff_name').notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable();
    t.jsonb('before');
    t.jsonb('after');
    t.index(['municipality_id', 'id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('municipal_configuration_changes');
}
