import type { Knex } from 'knex';

/**
 * Internal tasks (ADM-2): what a clerk writes down for a case or for themselves. The engine runs
 * each as an instance of the process `internal-task`, so it is claimed, handed over, dated and
 * completed like every other user task; its title and description stay here, not in the engine.
 * A task on a case goes with the case's retention (INT-3).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('internal_tasks', (t) => {
    t.uuid('id').primary();
    t.text('process_instance_key').unique();
    // Whose task it is: the case's municipality, or for a task of its own the writer's
    // organisation (a municipality or an institution).
    t.text('organisation_id').notNullable();
    t.uuid('case_id').references('cases.id').onDelete('CASCADE');
    t.text('title').notNullable();
    t.text('description').notNullable();
    t.text('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('internal_tasks');
}
