import type { Knex } from 'knex';

/**
 * Payments as first-class records (PAY-1 to PAY-4): one payment per case, online through the
 * municipality's Payrexx instance or by invoice with a Swiss QR-bill; what happened to it, the
 * invoices, and the bank's credit notifications. Amounts are integers in Rappen.
 */
export async function up(db: Knex): Promise<void> {
  // The booked-fee ledger that stood in for payment until now; payments replace it.
  await db.schema.dropTableIfExists('fees');
  await db.schema.alterTable('municipalities', (t) => {
    // The municipality's own Payrexx instance and the name of its API key's variable (PAY-3).
    t.text('payrexx_instance');
    t.text('payrexx_credential_ref');
    // Creditor of its invoices: QR-IBAN (QRR references) or IBAN (SCOR), structured address.
    t.text('creditor_name');
    t.text('creditor_street');
    t.text('creditor_building_number');
    t.text('creditor_postal_code');
    t.text('creditor_town');
    t.text('creditor_iban');
  });
  await db.schema.alterTable('municipality_services', (t) => {
    t.boolean('invoice_allowed').notNullable().defaultTo(false);
  });
  await db.schema.createTable('payments', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().unique().references('cases.id');
    t.text('municipality_id').notNullable().references('municipalities.id');
    t.text('method').notNullable().checkIn(['online', 'invoice']);
    t.integer('amount_rappen').notNullable().checkPositive();
    t.text('account').notNullable();
    t.text('booking_text').notNullable();
    t.text('status').notNullable().checkIn(['open', 'paid', 'cancelled', 'refunded', 'partially-refunded', 'refund-due']);
    t.text('gateway_id');
    t.text('payment_url');
    t.text('transaction_id');
    // How it was paid: Payrexx's method (twint, visa, ...), 'bank-transfer' or 'marked-paid'.
    t.text('paid_with');
    t.timestamp('paid_at', { useTz: true });
    t.integer('refunded_rappen').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['municipality_id', 'paid_at']);
    t.index(['status']);
  });
  await db.schema.createTable('payment_events', (t) => {
    t.increments('id');
    t.uuid('payment_id').notNullable().references('payments.id').index();
    t.text('kind').notNullable();
    // webhook, reconciliation, bank, clerk, process
    t.text('source').notNullable();
    // What makes a repeated event the same: the transaction and its status, a bank reference, ...
    t.text('dedup_key').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.unique(['payment_id', 'dedup_key']);
  });
  await db.raw('create sequence invoice_number_seq start 1000');
  await db.schema.createTable('invoices', (t) => {
    t.uuid('id').primary();
    t.uuid('payment_id').notNullable().unique().references('payments.id');
    t.text('reference').notNullable().unique();
    t.text('reference_type').notNullable().checkIn(['QRR', 'SCOR']);
    t.text('creditor_iban').notNullable();
    t.uuid('document_id').references('documents.id');
    t.date('due_on').notNullable();
    t.text('status').notNullable().checkIn(['open', 'settled', 'cancelled']);
    t.timestamp('settled_at', { useTz: true });
    t.text('settled_by');
  });
  await db.schema.createTable('bank_credits', (t) => {
    t.uuid('id').primary();
    t.text('municipality_id').notNullable().references('municipalities.id');
    // The bank's unique reference of the credit: importing the same file twice changes nothing.
    t.text('bank_reference').notNullable();
    t.text('account_iban').notNullable();
    t.integer('amount_rappen').notNullable();
    t.text('creditor_reference');
    t.date('booked_on').notNullable();
    t.uuid('invoice_id').references('invoices.id');
    t.text('status').notNullable().checkIn(['matched', 'unmatched', 'resolved']);
    t.timestamp('imported_at', { useTz: true }).notNullable();
    t.unique(['municipality_id', 'bank_reference']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.createTable('fees', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().unique().references('cases.id').onDelete('CASCADE');
    t.integer('amount_rappen').notNullable();
    t.text('payment_account').notNullable();
    t.text('booking_text').notNullable();
    t.text('status').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  for (const table of ['bank_credits', 'invoices', 'payment_events', 'payments']) await db.schema.dropTableIfExists(table);
  await db.raw('drop sequence if exists invoice_number_seq');
  await db.schema.alterTable('municipality_services', (t) => t.dropColumn('invoice_allowed'));
  await db.schema.alterTable('municipalities', (t) => {
    t.dropColumns('payrexx_instance', 'payrexx_credential_ref', 'creditor_name', 'creditor_street', 'creditor_building_number', 'creditor_postal_code', 'creditor_town', 'creditor_iban');
  });
}
