import type { Knex } from 'knex';

/**
 * E-mail digests of new and assigned tasks: the staff member's address (from the directory at
 * login) and since when they are told; who assigned a task and when; which tasks each member was
 * already told about, so a digest never repeats one and a failed delivery is simply tried again.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('staff_members', (t) => {
    t.text('email');
    t.timestamp('notify_since', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.schema.alterTable('user_tasks', (t) => {
    t.timestamp('assigned_at', { useTz: true });
    t.text('assigned_by');
  });
  await db.schema.createTable('task_digest_entries', (t) => {
    t.text('staff_id').notNullable();
    t.text('user_task_key').notNullable();
    t.text('reason').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable();
    t.primary(['staff_id', 'user_task_key', 'reason']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('task_digest_entries');
  await db.schema.alterTable('user_tasks', (t) => t.dropColumns('assigned_at', 'assigned_by'));
  await db.schema.alterTable('staff_members', (t) => t.dropColumns('email', 'notify_since'));
}
