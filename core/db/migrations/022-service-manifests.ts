import type { Knex } from 'knex';

/**
 * What a service package's manifest says beyond name, audience and handling time (issue 15): its
 * description, the documents it issues, the payment methods it allows, who is responsible and its
 * search words, each in the manifest's shape. A service registered without a manifest allows both
 * payment methods, as every service did before.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.jsonb('descriptions');
    t.jsonb('documents').notNullable().defaultTo(db.raw("'[]'::jsonb"));
    t.jsonb('payment_methods').notNullable().defaultTo(db.raw(`'["online", "invoice"]'::jsonb`));
    t.jsonb('responsibility');
    t.jsonb('keywords');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.dropColumns('descriptions', 'documents', 'payment_methods', 'responsibility', 'keywords');
  });
}
