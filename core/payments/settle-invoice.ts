import type { PaymentsRepository } from '../db/payments-repository.ts';
import type { PublishPaymentReceived } from './payment-messages.ts';

export type SettlementOutcome = 'settled' | 'already-settled' | 'refund-due' | 'cancelled';

/**
 * An invoice is paid: by a bank credit carrying its reference, or marked paid by a finance
 * clerk. The payment becomes paid once and the process hears of it. Money for an order that
 * was already cancelled is not taken: the payment is marked for repayment by the finance
 * department.
 */
export function createInvoiceSettlement(deps: { payments: PaymentsRepository; publishPaymentReceived: PublishPaymentReceived }) {
  return async function settle(invoiceId: string, by: 'bank' | 'clerk', at: Date): Promise<SettlementOutcome> {
    const invoice = await deps.payments.findInvoice(invoiceId);
    if (!invoice) throw new Error(`no invoice ${invoiceId}`);
    const payment = await deps.payments.find(invoice.paymentId);
    if (!payment) throw new Error(`invoice ${invoiceId} has no payment`);
    if (payment.status === 'cancelled') {
      await deps.payments.transition(payment.id, ['cancelled'], 'refund-due');
      await deps.payments.recordEvent(payment.id, { kind: 'paid-after-cancellation', source: by, dedupKey: `invoice:${invoiceId}:late` });
      return 'refund-due';
    }
    if (invoice.status === 'cancelled') return 'cancelled';
    await deps.payments.settleInvoice(invoiceId, by, at);
    const paidNow = await deps.payments.markPaid(payment.id, {
      transactionId: null,
      paidWith: by === 'bank' ? 'bank-transfer' : 'marked-paid',
      paidAt: at,
    });
    await deps.payments.recordEvent(payment.id, { kind: 'settled', source: by, dedupKey: `invoice:${invoiceId}:settled` });
    if (paidNow || payment.status === 'paid') await deps.publishPaymentReceived(payment.id);
    return paidNow ? 'settled' : 'already-settled';
  };
}

export type SettleInvoice = ReturnType<typeof createInvoiceSettlement>;
