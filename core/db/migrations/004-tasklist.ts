import type { Knex } from 'knex';

/**
 * What the clerks' tasklist needs besides the engine's user tasks: the application's data on the
 * case (clerks see who applied; purged with the case's retention, INT-3), the user tasks' dates
 * and priority, the deployed forms' schemas (the engine of 8.6 has no form endpoint), and the staff
 * members seen at login (to hand a task over to a colleague).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => {
    t.jsonb('applicant');
  });
  await db.schema.alterTable('user_tasks', (t) => {
    t.timestamp('due_date', { useTz: true });
    t.timestamp('follow_up_date', { useTz: true });
    t.integer('priority');
    t.index(['state', 'due_date']);
  });
  await db.schema.alterTable('process_definitions', (t) => {
    // User task names by element id: the engine's records carry ids only.
    t.jsonb('task_names').notNullable().defaultTo('{}');
  });
  await db.schema.createTable('forms', (t) => {
    t.text('form_key').primary();
    t.text('form_id').notNullable();
    t.integer('version').notNullable();
    t.jsonb('schema').notNullable();
  });
  await db.schema.createTable('staff_members', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('municipality_id').notNullable().index();
    t.jsonb('roles').notNullable();
    t.jsonb('groups').notNullable();
    t.timestamp('last_login_at', { useTz: true }).notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('staff_members');
  await db.schema.dropTableIfExists('forms');
  await db.schema.alterTable('process_definitions', (t) => t.dropColumn('task_names'));
  await db.schema.alterTable('user_tasks', (t) => {
    t.dropIndex(['state', 'due_date']);
    t.dropColumns('due_date', 'follow_up_date', 'priority');
  });
  await db.schema.alterTable('cases', (t) => t.dropColumn('applicant'));
}
