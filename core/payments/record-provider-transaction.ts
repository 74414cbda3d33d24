import type { Logger } from 'pino';
import type { CatalogueRepository } from '../db/catalogue-repository.ts';
import type { PaymentEventSource, PaymentsRepository } from '../db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import type { PublishPaymentReceived } from './payment-messages.ts';

export type TransactionOutcome = 'paid' | 'already-paid' | 'refunded-late-capture' | 'recorded' | 'unknown' | 'mismatch';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Acts on what Payrexx says about a transaction — never on what a webhook claims: the
 * transaction is read from the API with the municipality's own key, must belong to one of that
 * municipality's payments and carry its amount. Safe to repeat and to run in any order: each
 * (transaction, status) is recorded once, a payment is paid once, and the process hears of it
 * through an idempotent message. A capture that arrives after the order was cancelled is
 * refunded at once.
 */
export function createProviderTransactionRecorder(deps: {
  catalogue: CatalogueRepository;
  payments: PaymentsRepository;
  providers: OnlinePaymentProviders;
  publishPaymentReceived: PublishPaymentReceived;
  logger: Logger;
}) {
  return async function recordProviderTransaction(
    municipalityId: string,
    transactionId: string,
    source: PaymentEventSource,
  ): Promise<TransactionOutcome> {
    const municipality = await deps.catalogue.findMunicipality(municipalityId);
    if (!municipality?.payrexx) return 'unknown';
    const provider = deps.providers.forInstance(municipality.payrexx);
    const transaction = await provider.getTransaction(transactionId);
    if (!transaction || !UUID.test(transaction.referenceId)) return 'unknown';
    const payment = await deps.payments.find(transaction.referenceId);
    if (!payment || payment.municipalityId !== municipalityId || payment.method !== 'online') return 'unknown';
    const log = deps.logger.child({ paymentId: payment.id, transactionId, source });
    if (transaction.amountRappen !== payment.amountRappen) {
      await deps.payments.recordEvent(payment.id, { kind: 'amount-mismatch', source, dedupKey: `tx:${transactionId}:mismatch` });
      log.warn({ status: transaction.status }, 'transaction amount differs from the payment; not acted on');
      return 'mismatch';
    }
    await deps.payments.recordEvent(payment.id, { kind: transaction.status, source, dedupKey: `tx:${transactionId}:${transaction.status}` });
    if (transaction.status !== 'confirmed') return 'recorded';

    if (payment.status === 'cancelled') {
      // The order was cancelled for want of payment, and then the money came: give it back.
      await provider.refund(transactionId, payment.amountRappen);
      await deps.payments.transition(payment.id, ['cancelled'], 'refunded', payment.amountRappen);
      log.warn('capture after cancellation refunded');
      return 'refunded-late-capture';
    }
    const paidNow = await deps.payments.markPaid(payment.id, {
      transactionId,
      paidWith: transaction.paymentMethod ?? 'unknown',
      paidAt: new Date(),
    });
    // Published on every confirmation, not only the first: a crash between the two writes must heal.
    if (paidNow || payment.status === 'paid') await deps.publishPaymentReceived(payment.id);
    log.info({ paidNow }, 'payment confirmed');
    return paidNow ? 'paid' : 'already-paid';
  };
}

export type RecordProviderTransaction = ReturnType<typeof createProviderTransactionRecorder>;
