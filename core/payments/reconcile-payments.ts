import type { Logger } from 'pino';
import type { CatalogueRepository } from '../db/catalogue-repository.ts';
import type { PaymentsRepository } from '../db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import type { RecordProviderTransaction } from './record-provider-transaction.ts';

export interface ReconciliationSettings {
  /** Open payments younger than this are left to their webhooks. */
  graceMs: number;
  /** How far back cancelled orders are checked for late captures. */
  lookBackMs: number;
  batchSize: number;
}

/**
 * Compares what Payrexx holds with payments the platform still considers open, or cancelled
 * recently, and applies every transaction it finds as a webhook would: a lost or late webhook
 * cannot leave a paid order waiting, nor a late capture unrefunded.
 */
export function createPaymentReconciliation(deps: {
  catalogue: CatalogueRepository;
  payments: PaymentsRepository;
  providers: OnlinePaymentProviders;
  recordTransaction: RecordProviderTransaction;
  logger: Logger;
  now?: () => number;
}, settings: ReconciliationSettings) {
  const now = deps.now ?? Date.now;
  return async function reconcile(): Promise<{ checked: number; applied: number }> {
    const candidates = [
      ...(await deps.payments.listOpenOnline(new Date(now() - settings.graceMs), settings.batchSize)),
      ...(await deps.payments.listCancelledOnline(new Date(now() - settings.lookBackMs), settings.batchSize)),
    ];
    let applied = 0;
    for (const payment of candidates) {
      const municipality = await deps.catalogue.findMunicipality(payment.municipalityId);
      if (!municipality?.payrexx || !payment.gatewayId) continue;
      try {
        const transactions = await deps.providers.forInstance(municipality.payrexx).transactionsOfCheckout(payment.gatewayId);
        for (const transaction of transactions.filter((t) => t.status === 'confirmed')) {
          const outcome = await deps.recordTransaction(payment.municipalityId, transaction.transactionId, 'reconciliation');
          if (outcome === 'paid' || outcome === 'refunded-late-capture') applied += 1;
        }
      } catch (error) {
        deps.logger.warn({ paymentId: payment.id, error: error instanceof Error ? error.message : String(error) }, 'payment not reconciled this round');
      }
    }
    if (applied > 0) deps.logger.info({ checked: candidates.length, applied }, 'reconciliation healed payments');
    return { checked: candidates.length, applied };
  };
}
