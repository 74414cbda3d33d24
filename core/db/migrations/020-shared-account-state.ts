import type { Knex } from 'knex';

/**
 * Account state that lived in one API process's memory, so that several API instances behind a
 * load balancer share it (NF-3):
 * - `rate_limit_hits`: the login, registration and reset limits, one row per key and fixed window
 *   (`<kind>:ip:<client address>` or `<kind>:address:<SHA-256 of the e-mail address>`);
 * - `account_secret_failures`: wrong password and TOTP checks behind a session, per account and
 *   secret, in the window that began with the first wrong one;
 * - `agov_hand_offs`: the one-time codes of AGOV logins, by SHA-256 of the code; `body` holds what
 *   AGOV said about the person and the account sealed with ACCOUNT_SECRETS_KEY, `kind` is all that
 *   can be read;
 * - `account_sessions.agov_birthdate`: the birth date AGOV gave at the session's login, sealed and
 *   bound to the session, for pre-filling only; cleared when the session is revoked or has ended.
 * Rows whose window or expiry has passed mean nothing any more and are swept periodically.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('rate_limit_hits', (t) => {
    t.text('key').primary();
    t.integer('hits').notNullable();
    t.timestamp('window_ends_at', { useTz: true }).notNullable();
    t.index(['window_ends_at']);
  });

  await db.schema.createTable('account_secret_failures', (t) => {
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    t.text('secret').notNullable();
    t.integer('failures').notNullable();
    t.timestamp('window_ends_at', { useTz: true }).notNullable();
    t.primary(['account_id', 'secret']);
    t.index(['window_ends_at']);
  });

  await db.schema.createTable('agov_hand_offs', (t) => {
    t.text('code_hash').primary();
    t.text('kind').notNullable();
    t.text('body').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });

  await db.schema.alterTable('account_sessions', (t) => {
    t.text('agov_birthdate');
  });
  // Few sessions carry one, and the sweep looks only at those.
  await db.raw('create index account_sessions_agov_birthdate on account_sessions (expires_at) where agov_birthdate is not null');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop index if exists account_sessions_agov_birthdate');
  await db.schema.alterTable('account_sessions', (t) => {
    t.dropColumn('agov_birthdate');
  });
  await db.schema.dropTableIfExists('agov_hand_offs');
  await db.schema.dropTableIfExists('account_secret_failures');
  await db.schema.dropTableIfExists('rate_limit_hits');
}
