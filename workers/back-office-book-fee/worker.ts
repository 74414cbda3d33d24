import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  residentId: Type.String({ minLength: 1 }),
  amountRappen: Type.Integer({ minimum: 1 }),
  account: Type.String({ minLength: 1 }),
  bookingText: Type.String({ minLength: 1, maxLength: 80 }),
});

/** Books a fee on the resident's debtor account in the municipality's finance module, once per case and task. */
export function createBookFeeWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-book-fee',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const receipt = await port.bookFee(
          { reference: platformReference(v.caseId, elementId), residentId: v.residentId, amountRappen: v.amountRappen, account: v.account, bookingText: v.bookingText },
          context,
        );
        return receipt ? complete({ feeBooking: receipt }) : bpmnError('RESIDENT_NOT_FOUND', 'the finance module does not know the resident');
      });
    },
  });
}
