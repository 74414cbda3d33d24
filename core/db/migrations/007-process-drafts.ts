import type { Knex } from 'knex';

/**
 * The process modeller (SVC-6): the deployed XML of every version (the 8.6 engine cannot return
 * it), one shared draft per process with its forms, and who deployed which version from the
 * modeller with the forms deployed beside it.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('process_definitions', (t) => {
    // Null for versions remembered before this migration; the next start or PROCESS record fills it.
    t.text('bpmn_xml');
  });
  await db.schema.createTable('process_drafts', (t) => {
    t.text('bpmn_process_id').primary();
    t.text('bpmn_xml').notNullable();
    // Form-js schemas by form id: the forms the diagram links.
    t.jsonb('forms').notNullable();
    // Optimistic concurrency: a save names the revision it started from.
    t.integer('revision').notNullable();
    t.integer('based_on_version');
    t.text('author_id').notNullable();
    t.text('author_name').notNullable();
    t.timestamp('saved_at', { useTz: true }).notNullable();
  });
  await db.schema.createTable('process_deployments', (t) => {
    t.text('process_definition_key').primary();
    t.text('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.jsonb('forms').notNullable();
    t.text('deployed_by_id').notNullable();
    t.text('deployed_by_name').notNullable();
    t.timestamp('deployed_at', { useTz: true }).notNullable();
    t.index(['bpmn_process_id', 'version']);
  });
  await db.schema.alterTable('process_instances', (t) => t.index(['process_definition_key', 'state'], 'process_instances_definition_state_index'));
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('process_instances', (t) => t.dropIndex(['process_definition_key', 'state'], 'process_instances_definition_state_index'));
  await db.schema.dropTableIfExists('process_deployments');
  await db.schema.dropTableIfExists('process_drafts');
  await db.schema.alterTable('process_definitions', (t) => t.dropColumn('bpmn_xml'));
}
