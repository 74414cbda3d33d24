import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

export type PaymentMethodChoice = 'online' | 'invoice';
export type PaymentStatus = 'open' | 'paid' | 'cancelled' | 'refunded' | 'partially-refunded' | 'refund-due';
export type PaymentEventSource = 'webhook' | 'reconciliation' | 'bank' | 'clerk' | 'process';

export interface Payment {
  id: string;
  caseId: string;
  municipalityId: string;
  method: PaymentMethodChoice;
  amountRappen: number;
  account: string;
  bookingText: string;
  status: PaymentStatus;
  gatewayId: string | null;
  paymentUrl: string | null;
  transactionId: string | null;
  paidWith: string | null;
  paidAt: Date | null;
  refundedRappen: number;
}

export interface Invoice {
  id: string;
  paymentId: string;
  reference: string;
  referenceType: 'QRR' | 'SCOR';
  creditorIban: string;
  documentId: string | null;
  dueOn: string;
  status: 'open' | 'settled' | 'cancelled';
}

export interface NewBankCredit {
  municipalityId: string;
  bankReference: string;
  accountIban: string;
  amountRappen: number;
  creditorReference: string | null;
  bookedOn: string;
}

export interface PaidServiceRow {
  caseId: string;
  serviceId: string;
  paidAt: Date;
  amountRappen: number;
  paidWith: string;
  account: string;
  bookingText: string;
  reference: string | null;
}

/** Payments, their events, invoices and bank credits; every write is safe to repeat. */
export interface PaymentsRepository {
  /** The case's payment, created on first call; later calls return the first one unchanged. */
  openForCase(payment: Omit<Payment, 'id' | 'status' | 'gatewayId' | 'paymentUrl' | 'transactionId' | 'paidWith' | 'paidAt' | 'refundedRappen'>): Promise<Payment>;
  find(paymentId: string): Promise<Payment | undefined>;
  findByCase(caseId: string): Promise<Payment | undefined>;
  attachGateway(paymentId: string, gatewayId: string, paymentUrl: string): Promise<void>;
  /** Records an event once per (payment, dedupKey); false when it was already recorded. */
  recordEvent(paymentId: string, event: { kind: string; source: PaymentEventSource; dedupKey: string }): Promise<boolean>;
  /** open → paid; false when the payment was no longer open (paid already, cancelled, ...). */
  markPaid(paymentId: string, paid: { transactionId: string | null; paidWith: string; paidAt: Date }): Promise<boolean>;
  /** Moves from one of `from` to `to`; false when the payment was in none of them. */
  transition(paymentId: string, from: readonly PaymentStatus[], to: PaymentStatus, refundedRappen?: number): Promise<boolean>;
  /** Online payments still open, created before `before`, oldest first. */
  listOpenOnline(before: Date, limit: number): Promise<Payment[]>;
  /** Online payments cancelled with their order, for captures that came too late. */
  listCancelledOnline(since: Date, limit: number): Promise<Payment[]>;
  nextInvoiceNumber(): Promise<bigint>;
  createInvoice(invoice: Omit<Invoice, 'id' | 'status'>): Promise<Invoice>;
  findInvoiceOfPayment(paymentId: string): Promise<Invoice | undefined>;
  findInvoiceByReference(reference: string): Promise<(Invoice & { municipalityId: string; amountRappen: number }) | undefined>;
  findInvoice(invoiceId: string): Promise<(Invoice & { municipalityId: string; amountRappen: number }) | undefined>;
  settleInvoice(invoiceId: string, settledBy: 'bank' | 'clerk', at: Date): Promise<boolean>;
  cancelInvoice(paymentId: string): Promise<void>;
  /** Stores a bank credit once per (municipality, bank reference); undefined when it was imported before. */
  insertBankCredit(credit: NewBankCredit): Promise<string | undefined>;
  /** The invoice or instalment the credit paid, or null: left for the finance department. */
  matchBankCredit(creditId: string, paid: { invoiceId: string } | { instalmentId: string } | null): Promise<void>;
  listOpenInvoices(municipalityId: string): Promise<{ invoiceId: string; caseId: string; reference: string; amountRappen: number; dueOn: string }[]>;
  listUnmatchedCredits(municipalityId: string): Promise<(NewBankCredit & { id: string; importedAt: Date })[]>;
  listPaidServices(municipalityId: string, from: Date, to: Date): Promise<PaidServiceRow[]>;
}

const toPayment = (row: Record<string, unknown>): Payment => ({
  id: row.id as string,
  caseId: row.case_id as string,
  municipalityId: row.municipality_id as string,
  method: row.method as PaymentMethodChoice,
  amountRappen: row.amount_rappen as number,
  account: row.account as string,
  bookingText: row.booking_text as string,
  status: row.status as PaymentStatus,
  gatewayId: (row.gateway_id as string | null) ?? null,
  paymentUrl: (row.payment_url as string | null) ?? null,
  transactionId: (row.transaction_id as string | null) ?? null,
  paidWith: (row.paid_with as string | null) ?? null,
  paidAt: row.paid_at ? new Date(row.paid_at as string) : null,
  refundedRappen: row.refunded_rappen as number,
});

const toInvoice = (row: Record<string, unknown>): Invoice & { municipalityId: string; amountRappen: number } => ({
  id: row.id as string,
  paymentId: row.payment_id as string,
  reference: row.reference as string,
  referenceType: row.reference_type as 'QRR' | 'SCOR',
  creditorIban: row.creditor_iban as string,
  documentId: (row.document_id as string | null) ?? null,
  dueOn: typeof row.due_on === 'string' ? row.due_on.slice(0, 10) : isoDate(row.due_on as Date),
  status: row.status as Invoice['status'],
  municipalityId: row.municipality_id as string,
  amountRappen: row.amount_rappen as number,
});

function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function createPaymentsRepository(db: Knex): PaymentsRepository {
  const invoicesWithPayment = () =>
    db('invoices as i').join('payments as p', 'p.id', 'i.payment_id').select('i.*', 'p.municipality_id', 'p.amount_rappen');

  return {
    async openForCase(payment) {
      const now = new Date();
      await db('payments')
        .insert({
          id: randomUUID(),
          case_id: payment.caseId,
          municipality_id: payment.municipalityId,
          method: payment.method,
          amount_rappen: payment.amountRappen,
          account: payment.account,
          booking_text: payment.bookingText,
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .onConflict('case_id')
        .ignore();
      return toPayment(await db('payments').where({ case_id: payment.caseId }).first());
    },
    async find(paymentId) {
      const row = await db('payments').where({ id: paymentId }).first();
      return row ? toPayment(row) : undefined;
    },
    async findByCase(caseId) {
      const row = await db('payments').where({ case_id: caseId }).first();
      return row ? toPayment(row) : undefined;
    },
    async attachGateway(paymentId, gatewayId, paymentUrl) {
      await db('payments').where({ id: paymentId }).update({ gateway_id: gatewayId, payment_url: paymentUrl, updated_at: new Date() });
    },
    async recordEvent(paymentId, event) {
      const inserted = await db('payment_events')
        .insert({ payment_id: paymentId, kind: event.kind, source: event.source, dedup_key: event.dedupKey, at: new Date() })
        .onConflict(['payment_id', 'dedup_key'])
        .ignore()
        .returning('id');
      return inserted.length > 0;
    },
    async markPaid(paymentId, paid) {
      const updated = await db('payments')
        .where({ id: paymentId, status: 'open' })
        .update({ status: 'paid', transaction_id: paid.transactionId, paid_with: paid.paidWith, paid_at: paid.paidAt, updated_at: new Date() });
      return updated > 0;
    },
    async transition(paymentId, from, to, refundedRappen) {
      const updated = await db('payments')
        .where({ id: paymentId })
        .whereIn('status', [...from])
        .update({ status: to, ...(refundedRappen === undefined ? {} : { refunded_rappen: refundedRappen }), updated_at: new Date() });
      return updated > 0;
    },
    async listOpenOnline(before, limit) {
      const rows = await db('payments').where({ method: 'online', status: 'open' }).whereNotNull('gateway_id')
        .where('created_at', '<', before).orderBy('created_at').limit(limit);
      return rows.map(toPayment);
    },
    async listCancelledOnline(since, limit) {
      const rows = await db('payments').where({ method: 'online', status: 'cancelled' }).whereNotNull('gateway_id')
        .where('updated_at', '>=', since).orderBy('updated_at').limit(limit);
      return rows.map(toPayment);
    },
    async nextInvoiceNumber() {
      const result = await db.raw<{ rows: { value: string }[] }>("select nextval('invoice_number_seq')::text as value");
      return BigInt(result.rows[0]?.value ?? '0');
    },
    async createInvoice(invoice) {
      const id = randomUUID();
      await db('invoices')
        .insert({
          id,
          payment_id: invoice.paymentId,
          reference: invoice.reference,
          reference_type: invoice.referenceType,
          creditor_iban: invoice.creditorIban,
          document_id: invoice.documentId,
          due_on: invoice.dueOn,
          status: 'open',
        })
        .onConflict('payment_id')
        .ignore();
      return toInvoice(await invoicesWithPayment().where('i.payment_id', invoice.paymentId).first());
    },
    async findInvoiceOfPayment(paymentId) {
      const row = await invoicesWithPayment().where('i.payment_id', paymentId).first();
      return row ? toInvoice(row) : undefined;
    },
    async findInvoiceByReference(reference) {
      const row = await invoicesWithPayment().where('i.reference', reference).first();
      return row ? toInvoice(row) : undefined;
    },
    async findInvoice(invoiceId) {
      const row = await invoicesWithPayment().where('i.id', invoiceId).first();
      return row ? toInvoice(row) : undefined;
    },
    async settleInvoice(invoiceId, settledBy, at) {
      const updated = await db('invoices').where({ id: invoiceId, status: 'open' }).update({ status: 'settled', settled_by: settledBy, settled_at: at });
      return updated > 0;
    },
    async cancelInvoice(paymentId) {
      await db('invoices').where({ payment_id: paymentId, status: 'open' }).update({ status: 'cancelled' });
    },
    async insertBankCredit(credit) {
      const id = randomUUID();
      const inserted = await db('bank_credits')
        .insert({
          id,
          municipality_id: credit.municipalityId,
          bank_reference: credit.bankReference,
          account_iban: credit.accountIban,
          amount_rappen: credit.amountRappen,
          creditor_reference: credit.creditorReference,
          booked_on: credit.bookedOn,
          status: 'unmatched',
          imported_at: new Date(),
        })
        .onConflict(['municipality_id', 'bank_reference'])
        .ignore()
        .returning('id');
      return inserted.length > 0 ? id : undefined;
    },
    async matchBankCredit(creditId, paid) {
      await db('bank_credits').where({ id: creditId }).update({
        invoice_id: paid && 'invoiceId' in paid ? paid.invoiceId : null,
        instalment_id: paid && 'instalmentId' in paid ? paid.instalmentId : null,
        status: paid === null ? 'unmatched' : 'matched',
      });
    },
    async listOpenInvoices(municipalityId) {
      const rows = await db('invoices as i').join('payments as p', 'p.id', 'i.payment_id')
        .where({ 'p.municipality_id': municipalityId, 'i.status': 'open' })
        .orderBy('i.due_on')
        .select('i.id', 'p.case_id', 'i.reference', 'p.amount_rappen', 'i.due_on');
      return rows.map((row) => ({
        invoiceId: row.id,
        caseId: row.case_id,
        reference: row.reference,
        amountRappen: row.amount_rappen,
        dueOn: typeof row.due_on === 'string' ? row.due_on.slice(0, 10) : isoDate(row.due_on),
      }));
    },
    async listUnmatchedCredits(municipalityId) {
      const rows = await db('bank_credits').where({ municipality_id: municipalityId, status: 'unmatched' }).orderBy('booked_on');
      return rows.map((row) => ({
        id: row.id,
        municipalityId: row.municipality_id,
        bankReference: row.bank_reference,
        accountIban: row.account_iban,
        amountRappen: row.amount_rappen,
        creditorReference: row.creditor_reference,
        bookedOn: typeof row.booked_on === 'string' ? row.booked_on.slice(0, 10) : isoDate(row.booked_on),
        importedAt: new Date(row.imported_at),
      }));
    },
    async listPaidServices(municipalityId, from, to) {
      const rows = await db('payments as p')
        .join('cases as c', 'c.id', 'p.case_id')
        .leftJoin('invoices as i', 'i.payment_id', 'p.id')
        .where('p.municipality_id', municipalityId)
        .whereNotNull('p.paid_at')
        .where('p.paid_at', '>=', from)
        .where('p.paid_at', '<', to)
        .orderBy('p.paid_at')
        .select('p.case_id', 'c.service_id', 'p.paid_at', 'p.amount_rappen', 'p.paid_with', 'p.account', 'p.booking_text', 'i.reference');
      return rows.map((row) => ({
        caseId: row.case_id,
        serviceId: row.service_id,
        paidAt: new Date(row.paid_at),
        amountRappen: row.amount_rappen,
        paidWith: row.paid_with,
        account: row.account,
        bookingText: row.booking_text,
        reference: row.reference ?? null,
      }));
    },
  };
}
