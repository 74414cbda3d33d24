import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { Person, PostalAddress } from '../back-office/inputs.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  person: Type.Composite([Person, Type.Object({ address: PostalAddress })]),
});

/** Asks the district's debt-enforcement office that serves the municipality for a register extract. */
export function createRequestDebtRegisterExtractWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-request-debt-register-extract',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'debt-enforcement-office', correlationId: v.caseId, signal }, async (port, context) => {
        const extract = await port.requestDebtRegisterExtract({ reference: platformReference(v.caseId, elementId), person: v.person }, context);
        return extract ? complete({ debtRegisterExtract: extract }) : bpmnError('PERSON_NOT_IDENTIFIED', 'the office could not identify the person');
      });
    },
  });
}
