import type { Knex } from 'knex';

/**
 * Account deletion and drafts (ACC-6…9):
 * - `account_tokens.purpose` gains `deletion`: the link that confirms a self-deletion (ACC-6).
 * - `application_drafts`: an application saved before it is sent (ACC-9), the account's alone.
 *   Deleting the account deletes its drafts (ACC-8); the lifecycle job deletes drafts untouched
 *   for a configurable time (INT-3). `organisation_id` has no foreign key on purpose: a draft is
 *   loose data, checked fully only when it is submitted.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('alter table account_tokens drop constraint account_tokens_purpose_known');
  await db.raw("alter table account_tokens add constraint account_tokens_purpose_known check (purpose in ('activation', 'password-reset', 'email-change', 'deletion'))");

  await db.schema.createTable('application_drafts', (t) => {
    t.uuid('id').primary();
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    t.text('service_id').notNullable();
    t.text('municipality_id').notNullable();
    t.uuid('organisation_id');
    t.jsonb('data').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['account_id', 'updated_at']);
    t.index(['updated_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('application_drafts');
  await db.raw("delete from account_tokens where purpose = 'deletion'");
  await db.raw('alter table account_tokens drop constraint account_tokens_purpose_known');
  await db.raw("alter table account_tokens add constraint account_tokens_purpose_known check (purpose in ('activation', 'password-reset', 'email-change'))");
}
