import type { Knex } from 'knex';

/**
 * The templates of the documents a service issues, registered with the service from its package
 * (issue 15): every worker instance renders them from the catalogue, whichever folder or modeller
 * the package came from.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.jsonb('document_templates').notNullable().defaultTo('[]');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('services', (t) => {
    t.dropColumn('document_templates');
  });
}
