import type { Knex } from 'knex';

/**
 * Account mails (activation, reset, e-mail change, deletion link, organisation invitations and
 * role notices) wait here until the mail server has accepted them, so that neither a restart nor
 * a mail server down for hours loses them. `body` holds recipient, subject and text sealed with
 * ACCOUNT_SECRETS_KEY (the texts carry link tokens); `kind` is all that can be read and logged.
 * A row is deleted once delivered, or given up after a day of refusals. `next_attempt_at` is also
 * the lease of a delivery in progress, and `claim` names that delivery: two API instances never
 * send the same mail at once, and one whose lease lapsed cannot delete another's claim.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('account_mail_outbox', (t) => {
    t.uuid('id').primary();
    t.text('kind').notNullable();
    t.text('body').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('next_attempt_at', { useTz: true }).notNullable();
    t.uuid('claim');
  });
  await db.raw('create index account_mail_outbox_due on account_mail_outbox (next_attempt_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('account_mail_outbox');
}
