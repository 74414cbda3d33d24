import type { Knex } from 'knex';

/**
 * CASE-3: a citizen is told by e-mail that a case has a new message. `notified_at` records that
 * the notice went out (or that none is due: the citizen's own answers, a deleted account), so that
 * each message is announced once, even across restarts. Messages from before are taken as told.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('case_messages', (t) => {
    t.timestamp('notified_at', { useTz: true });
  });
  await db('case_messages').update({ notified_at: db.ref('created_at') });
  await db.raw('create index case_messages_to_notify on case_messages (created_at) where notified_at is null');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop index if exists case_messages_to_notify');
  await db.schema.alterTable('case_messages', (t) => t.dropColumn('notified_at'));
}
