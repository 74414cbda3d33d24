import type { Knex } from 'knex';

/**
 * Citizen accounts ("Mein Konto", ACC-1…5) with what later parts need in mind:
 * - `accounts` is a person; organisations (ORG-*) get tables of their own that point at it.
 *   `last_login_at`, `inactivity_reminder_at` and `deletion_requested_at` are there for the
 *   automatic and requested deletion (ACC-6, ACC-7); deleting a row cascades to its tokens,
 *   sessions and identities, while cases keep their `citizen_id` text without a foreign key, so
 *   they are still processed after the account is gone (ACC-8).
 * - `account_identities` links an external login (AGOV / e-ID, INT-5) to an account.
 * - Link tokens and session tokens are stored only as SHA-256 hashes.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('accounts', (t) => {
    t.uuid('id').primary();
    // Konto-ID: 12 digits with a Damm check digit, shown as 4821-7730-1594.
    t.text('konto_id').notNullable().unique();
    t.text('email').notNullable();
    t.text('first_name').notNullable();
    t.text('last_name').notNullable();
    t.jsonb('address');
    t.text('language').notNullable().defaultTo('de');
    t.text('password_hash');
    t.text('state').notNullable().defaultTo('pending');
    t.text('totp_secret');
    t.text('totp_pending_secret');
    t.bigInteger('totp_last_step');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('activated_at', { useTz: true });
    t.timestamp('last_login_at', { useTz: true });
    t.timestamp('inactivity_reminder_at', { useTz: true });
    t.timestamp('deletion_requested_at', { useTz: true });
    t.check("?? in ('pending', 'active')", ['state'], 'accounts_state_known');
  });
  // One account per address, whatever its case; a deleted account frees it again (ACC-7).
  await db.raw('create unique index accounts_email_unique on accounts (lower(email))');
  await db.raw('create index accounts_last_login on accounts (state, coalesce(last_login_at, created_at))');

  await db.schema.createTable('account_tokens', (t) => {
    t.text('token_hash').primary();
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    t.text('purpose').notNullable();
    // The address an e-mail change will switch to once it is confirmed.
    t.text('new_email');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.check("?? in ('activation', 'password-reset', 'email-change')", ['purpose'], 'account_tokens_purpose_known');
    t.index(['account_id', 'purpose']);
  });

  await db.schema.createTable('account_sessions', (t) => {
    t.uuid('id').primary();
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.text('method').notNullable().defaultTo('password');
    t.text('user_agent');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('last_seen_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.index(['account_id', 'revoked_at']);
  });

  await db.schema.createTable('account_identities', (t) => {
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    t.text('provider').notNullable();
    t.text('subject').notNullable();
    t.timestamp('linked_at', { useTz: true }).notNullable();
    t.primary(['provider', 'subject']);
    t.index(['account_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('account_identities');
  await db.schema.dropTableIfExists('account_sessions');
  await db.schema.dropTableIfExists('account_tokens');
  await db.schema.dropTableIfExists('accounts');
}
