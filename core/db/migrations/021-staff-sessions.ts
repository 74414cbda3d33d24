import type { Knex } from 'knex';

/**
 * Staff sessions on the server, revocable like the citizens' (they were a signed cookie that
 * stayed valid for 8 hours after logout, with the roles of the login):
 * - the cookie holds a random token; the table keeps only its SHA-256;
 * - `claims` is what the directory says of the member (name, organisation, municipalities,
 *   roles, groups), asked again every few minutes with the directory's refresh token, which is
 *   stored sealed with ACCOUNT_SECRETS_KEY and bound to the session; `checked_at` says when;
 * - a session ends at logout (`revoked_at`), when unused for the idle time, or at `expires_at`;
 *   ended sessions are swept.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('staff_sessions', (t) => {
    t.uuid('id').primary();
    t.text('token_hash').notNullable().unique();
    t.text('staff_id').notNullable().references('staff_members.id').onDelete('CASCADE');
    t.jsonb('claims').notNullable();
    t.text('refresh_token');
    t.text('user_agent');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('last_seen_at', { useTz: true }).notNullable();
    t.timestamp('checked_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.index(['staff_id', 'revoked_at']);
    t.index(['expires_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('staff_sessions');
}
