import { Type } from '@sinclair/typebox';
import { complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { Person, RecipientAddress } from '../back-office/inputs.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  person: Type.Composite([Person, Type.Object({ placeOfBirth: Type.String({ minLength: 1 }) })]),
  deliveryAddress: RecipientAddress,
});

/** Orders a birth register extract from the regional civil registry office that serves the municipality. */
export function createOrderBirthRegisterExtractWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-order-birth-register-extract',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'civil-registry-office', correlationId: v.caseId, signal }, async (port, context) => {
        const receipt = await port.orderBirthRegisterExtract(
          { reference: platformReference(v.caseId, elementId), person: v.person, deliveryAddress: v.deliveryAddress },
          context,
        );
        return complete({ birthRegisterExtractOrder: receipt });
      });
    },
  });
}
