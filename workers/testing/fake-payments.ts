// Support for the workers' unit tests: payments kept in memory, and a payment provider that records what it was asked.
import type { CheckoutRequest, OnlinePaymentProvider, OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import type { Invoice, Payment, PaymentsRepository } from '../../core/db/payments-repository.ts';
import { only } from './run-job.ts';

/** A payment as openForCase creates it, changed by `changes`. */
export const paymentOf = (changes: Partial<Payment> = {}): Payment => ({
  id: 'payment-1', caseId: 'case-1', municipalityId: 'aarau', method: 'online', amountRappen: 3_000, account: '4210.01', bookingText: 'Wohnsitzbestätigung',
  status: 'open', gatewayId: null, paymentUrl: null, transactionId: null, paidWith: null, paidAt: null, refundedRappen: 0, ...changes,
});

/** The payments the workers use, with the given ones stored; every write is kept to be read back. */
export function fakePayments(stored: Payment[] = [], storedInvoices: Invoice[] = []) {
  const payments = new Map(stored.map((payment) => [payment.id, { ...payment }]));
  const invoices = [...storedInvoices];
  const events: { paymentId: string; kind: string; source: string; dedupKey: string }[] = [];
  let invoiceNumber = 20260000122n;
  const repository = only<PaymentsRepository>('payments', {
    async openForCase(payment) {
      const existing = [...payments.values()].find((candidate) => candidate.caseId === payment.caseId);
      if (existing) return existing;
      const created = paymentOf({ ...payment, id: `payment-${payments.size + 1}` });
      payments.set(created.id, created);
      return created;
    },
    find: async (paymentId) => payments.get(paymentId),
    findByCase: async (caseId) => [...payments.values()].find((payment) => payment.caseId === caseId),
    async attachGateway(paymentId, gatewayId, paymentUrl) {
      Object.assign(payments.get(paymentId) ?? {}, { gatewayId, paymentUrl });
    },
    async recordEvent(paymentId, event) {
      if (events.some((recorded) => recorded.paymentId === paymentId && recorded.dedupKey === event.dedupKey)) return false;
      events.push({ paymentId, ...event });
      return true;
    },
    async transition(paymentId, from, to, refundedRappen) {
      const payment = payments.get(paymentId);
      if (!payment || !from.includes(payment.status)) return false;
      Object.assign(payment, { status: to, ...(refundedRappen === undefined ? {} : { refundedRappen }) });
      return true;
    },
    nextInvoiceNumber: async () => (invoiceNumber += 1n),
    async createInvoice(invoice) {
      const created: Invoice = { ...invoice, id: `invoice-${invoices.length + 1}`, status: 'open' };
      invoices.push(created);
      return created;
    },
    findInvoiceOfPayment: async (paymentId) => invoices.find((invoice) => invoice.paymentId === paymentId),
    async cancelInvoice(paymentId) {
      for (const invoice of invoices) if (invoice.paymentId === paymentId && invoice.status === 'open') invoice.status = 'cancelled';
    },
  });
  return { payments: repository, stored: payments, invoices, events };
}

/** Payrexx as the test wants it to answer; `calls` says which instance was asked what. */
export function fakeProviders(answers: Partial<OnlinePaymentProvider> = {}) {
  const calls: { instance: string; operation: string; argument: unknown }[] = [];
  const providers: OnlinePaymentProviders = {
    forInstance({ instance }) {
      const record = (operation: string, argument: unknown) => calls.push({ instance, operation, argument });
      return only<OnlinePaymentProvider>('payrexx', {
        async createCheckout(request: CheckoutRequest) {
          record('createCheckout', request);
          return answers.createCheckout ? answers.createCheckout(request) : { gatewayId: 'gw-1', paymentUrl: 'https://aarau.payrexx.example/pay/gw-1' };
        },
        async refund(transactionId, amountRappen) {
          record('refund', { transactionId, amountRappen });
          await answers.refund?.(transactionId, amountRappen);
        },
        async cancelCheckout(gatewayId) {
          record('cancelCheckout', gatewayId);
          await answers.cancelCheckout?.(gatewayId);
        },
      });
    },
  };
  return { providers, calls };
}
