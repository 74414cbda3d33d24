import { Type } from '@sinclair/typebox';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { PaymentsRepository } from '../../core/db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({ caseId: Type.String({ title: 'Vorgang', description: 'Der Vorgang, dessen offene Zahlung storniert wird.' }) });

export const cancelPaymentTemplate = defineTemplate({
  jobType: 'cancel-payment',
  version: 1,
  category: 'payment',
  name: 'Zahlung stornieren',
  description: 'Schliesst die Payrexx-Zahlungsseite oder storniert die Rechnung einer unbezahlten Bestellung.',
  input: Input,
});

/**
 * The order stayed unpaid past its deadline: close the checkout or cancel the invoice. A payment
 * that arrives after this is refunded (online) or marked for repayment (invoice) by whoever
 * receives it, so no money is kept for a cancelled order.
 */
export function createCancelPaymentWorker(deps: { catalogue: CatalogueRepository; payments: PaymentsRepository; providers: OnlinePaymentProviders }) {
  return defineJobWorker({
    type: cancelPaymentTemplate.jobType,
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables }) {
      const payment = await deps.payments.findByCase(variables.caseId);
      if (!payment || payment.status !== 'open') return complete({});
      if (payment.method === 'online' && payment.gatewayId) {
        const municipality = await deps.catalogue.findMunicipality(payment.municipalityId);
        if (municipality?.payrexx) await deps.providers.forInstance(municipality.payrexx).cancelCheckout(payment.gatewayId);
      } else {
        await deps.payments.cancelInvoice(payment.id);
      }
      await deps.payments.transition(payment.id, ['open'], 'cancelled');
      await deps.payments.recordEvent(payment.id, { kind: 'cancelled', source: 'process', dedupKey: 'process:cancelled' });
      return complete({});
    },
  });
}
