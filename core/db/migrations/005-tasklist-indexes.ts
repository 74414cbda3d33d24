import type { Knex } from 'knex';

/**
 * Indexes for the clerks' task list (measured by `npm run bench:tasklist`): without them every
 * list reads all cases and all user tasks. A clerk's list is "the municipality's open tasks that
 * are mine or offered to my groups".
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => t.index(['municipality_id'], 'cases_municipality_id_index'));
  await db.raw("create index user_tasks_open_assignee_index on user_tasks (assignee) where state = 'CREATED'");
  await db.raw("create index user_tasks_open_candidate_groups_index on user_tasks using gin (candidate_groups) where state = 'CREATED'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop index if exists user_tasks_open_candidate_groups_index');
  await db.raw('drop index if exists user_tasks_open_assignee_index');
  await db.schema.alterTable('cases', (t) => t.dropIndex(['municipality_id'], 'cases_municipality_id_index'));
}
