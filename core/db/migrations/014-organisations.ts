import type { Knex } from 'knex';

/**
 * Organisations (ORG-1…5):
 * - `organisations` with a structured Swiss postal address and an optional billing address.
 * - `organisation_members` links accounts to organisations with a role; deleting an account
 *   removes its memberships (the account's owner is gone, ACC-6/7).
 * - `organisation_invitations` name their invitee by e-mail address or by Konto-ID, exactly one;
 *   `invitee_account_id` is set only for a Konto-ID that belongs to an account. The link token
 *   in the mail is stored as a SHA-256 hash only.
 * - `cases.organisation_id`: the organisation a case concerns (null: a personal case).
 * - `services.audience`: whether a service is for persons, organisations or both (ORG-5).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('organisations', (t) => {
    t.uuid('id').primary();
    t.text('name').notNullable();
    t.text('additional_designation');
    t.jsonb('postal_address').notNullable();
    t.jsonb('billing_address');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await db.schema.createTable('organisation_members', (t) => {
    t.uuid('organisation_id').notNullable().references('organisations.id').onDelete('CASCADE');
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    t.text('role').notNullable();
    t.timestamp('joined_at', { useTz: true }).notNullable();
    t.primary(['organisation_id', 'account_id']);
    t.index(['account_id']);
    t.check("?? in ('manager', 'member')", ['role'], 'organisation_members_role_known');
  });

  await db.schema.createTable('organisation_invitations', (t) => {
    t.uuid('id').primary();
    t.uuid('organisation_id').notNullable().references('organisations.id').onDelete('CASCADE');
    t.uuid('invited_by').references('accounts.id').onDelete('SET NULL');
    t.text('invitee_email');
    t.text('invitee_konto_id');
    t.uuid('invitee_account_id').references('accounts.id').onDelete('CASCADE');
    t.text('token_hash').unique();
    t.text('state').notNullable().defaultTo('pending');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('answered_at', { useTz: true });
    t.uuid('answered_by').references('accounts.id').onDelete('SET NULL');
    t.check("?? in ('pending', 'accepted', 'declined', 'revoked')", ['state'], 'organisation_invitations_state_known');
    t.check('(?? is null) <> (?? is null)', ['invitee_email', 'invitee_konto_id'], 'organisation_invitations_one_invitee');
    t.index(['organisation_id', 'state']);
    t.index(['invitee_account_id']);
  });
  await db.raw("create index organisation_invitations_pending_email on organisation_invitations (lower(invitee_email)) where state = 'pending'");

  await db.schema.alterTable('cases', (t) => {
    t.uuid('organisation_id').references('organisations.id');
    t.index(['organisation_id', 'created_at']);
  });

  await db.schema.alterTable('services', (t) => {
    t.text('audience').notNullable().defaultTo('both');
  });
  // knex's check() has no column bindings in ALTER TABLE.
  await db.raw("alter table services add constraint services_audience_known check (audience in ('personal', 'organisation', 'both'))");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('alter table services drop constraint services_audience_known');
  await db.schema.alterTable('services', (t) => {
    t.dropColumn('audience');
  });
  await db.schema.alterTable('cases', (t) => {
    t.dropIndex(['organisation_id', 'created_at']);
    t.dropColumn('organisation_id');
  });
  await db.schema.dropTableIfExists('organisation_invitations');
  await db.schema.dropTableIfExists('organisation_members');
  await db.schema.dropTableIfExists('organisations');
}
