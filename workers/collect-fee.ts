import { Type } from '@sinclair/typebox';
import type { PaymentPort } from '../connectors/payment/port.ts';
import type { CatalogueRepository } from '../portal-api/db/catalogue-repository.ts';
import { NonRetryableError, complete, defineJobWorker } from './job-worker.ts';

const Input = Type.Object({
  caseId: Type.String(),
  serviceId: Type.String(),
  municipalityId: Type.String(),
  feeRappen: Type.Integer({ minimum: 0 }),
});

/** Takes the fee through the payment port, on the municipality's account and booking text (PAY-3). */
export function createCollectFeeWorker(deps: { catalogue: CatalogueRepository; payment: PaymentPort }) {
  return defineJobWorker({
    type: 'collect-fee',
    input: Input,
    timeoutMs: 30_000,
    async handle({ variables }) {
      const offering = await deps.catalogue.findOffering(variables.municipalityId, variables.serviceId);
      if (!offering) throw new NonRetryableError(`no offering configured for ${variables.municipalityId}`);
      const receipt = await deps.payment.collectFee({
        caseId: variables.caseId,
        amountRappen: variables.feeRappen,
        paymentAccount: offering.paymentAccount,
        bookingText: offering.bookingText,
      });
      return complete({ fee: receipt });
    },
  });
}
