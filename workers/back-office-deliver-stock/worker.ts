import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { RecipientAddress } from '../back-office/inputs.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  articleCode: Type.String({ minLength: 1, maxLength: 40 }),
  quantity: Type.Integer({ minimum: 1, maximum: 100 }),
  deliveryAddress: RecipientAddress,
});

/** Dispatches articles (e.g. waste stamps) from the municipality's stock; shortages are BPMN errors. */
export function createDeliverStockWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-deliver-stock',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const result = await port.deliverStock(
          { reference: platformReference(v.caseId, elementId), articleCode: v.articleCode, quantity: v.quantity, deliveryAddress: v.deliveryAddress },
          context,
        );
        switch (result.outcome) {
          case 'dispatched':
            return complete({ delivery: { deliveryId: result.deliveryId, expectedOn: result.expectedOn } });
          case 'out-of-stock':
            return bpmnError('OUT_OF_STOCK', 'not enough units in stock', { availableUnits: result.available });
          case 'unknown-article':
            return bpmnError('UNKNOWN_ARTICLE', 'the municipality does not keep this article');
        }
      });
    },
  });
}
