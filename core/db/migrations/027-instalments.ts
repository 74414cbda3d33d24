import type { Knex } from 'knex';

/**
 * The instalments of an agreed instalment plan (issue 15): per case, each with its number, due
 * date, amount and its own QR reference (from the invoices' number sequence, so that a bank credit
 * names exactly one invoice or instalment), and its state: open, paid (by camt.054), reminded,
 * missed (unpaid after the reminder's grace period), cancelled (left open when the plan ended).
 * A bank credit that settles an instalment points to it.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('instalments', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().references('cases.id');
    t.text('municipality_id').notNullable().references('municipalities.id');
    t.integer('number').notNullable().checkPositive();
    // The finance module's id of the plan the instalment belongs to.
    t.text('plan_id').notNullable();
    t.date('due_on').notNullable();
    t.integer('amount_rappen').notNullable().checkPositive();
    t.text('reference').notNullable().unique();
    t.text('reference_type').notNullable().checkIn(['QRR', 'SCOR']);
    t.text('creditor_iban').notNullable();
    t.text('state').notNullable().checkIn(['open', 'paid', 'reminded', 'missed', 'cancelled']);
    t.timestamp('paid_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.unique(['case_id', 'number']);
  });
  await db.schema.alterTable('bank_credits', (t) => {
    t.uuid('instalment_id').references('instalments.id');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bank_credits', (t) => {
    t.dropColumn('instalment_id');
  });
  await db.schema.dropTableIfExists('instalments');
}
