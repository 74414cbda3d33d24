import { Type } from '@sinclair/typebox';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import type { PaymentsRepository } from '../../core/db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import { formatFrancs } from '../../connectors/back-office/swiss-francs.ts';
import { caseInputs } from '../runtime/case-inputs.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object(caseInputs);

export const refundPaymentTemplate = defineTemplate({
  jobType: 'refund-payment',
  version: 1,
  category: 'payment',
  name: 'Zahlung zurückerstatten',
  description: 'Kompensation von «Gebühr einfordern»: erstattet eine Online-Zahlung über Payrexx zurück oder meldet eine bezahlte Rechnung der Finanzverwaltung zur Rückzahlung.',
  input: Input,
  outputs: { refund: { label: 'Rückerstattung', description: "'refunded', 'refund-due' oder 'nothing-paid'." } },
});

/**
 * Compensation of request-payment: an application rejected after payment gets its fee back.
 * Online payments are refunded through Payrexx; an invoice paid by bank transfer is marked for
 * repayment by the finance department (the platform does not hold the citizen's account).
 */
export function createRefundPaymentWorker(deps: {
  catalogue: CatalogueRepository;
  payments: PaymentsRepository;
  providers: OnlinePaymentProviders;
  caseRecords: CaseRecordsRepository;
}) {
  return defineJobWorker({
    type: refundPaymentTemplate.jobType,
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables }) {
      const payment = await deps.payments.findByCase(variables.caseId);
      if (!payment) return complete({ refund: 'nothing-paid' });
      if (payment.status === 'paid' && payment.method === 'online') {
        const municipality = await deps.catalogue.findMunicipality(payment.municipalityId);
        if (!municipality?.payrexx || !payment.transactionId) throw new NonRetryableError(`payment ${payment.id} cannot be refunded online`);
        // Payrexx refuses a second refund of the same transaction; the status change below makes a retry skip this.
        await deps.providers.forInstance(municipality.payrexx).refund(payment.transactionId, payment.amountRappen);
        await deps.payments.transition(payment.id, ['paid'], 'refunded', payment.amountRappen);
        await deps.payments.recordEvent(payment.id, { kind: 'refunded', source: 'process', dedupKey: 'process:refund' });
      } else if (payment.status === 'paid') {
        await deps.payments.transition(payment.id, ['paid'], 'refund-due');
        await deps.payments.recordEvent(payment.id, { kind: 'refund-due', source: 'process', dedupKey: 'process:refund' });
      }
      const after = await deps.payments.find(payment.id);
      if (after?.status === 'refunded' || after?.status === 'refund-due') {
        await deps.caseRecords.postMessage(variables.caseId, 'payment-refunded', { amount: formatFrancs(payment.amountRappen) ?? '' });
      }
      return complete({ refund: after?.status ?? payment.status });
    },
  });
}
