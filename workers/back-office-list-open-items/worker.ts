import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';

const Input = Type.Object({ caseId: Type.String(), municipalityId: Type.String(), residentId: Type.String({ minLength: 1 }) });

/** Reads the resident's open items from the municipality's finance module. */
export function createListOpenItemsWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-list-open-items',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const openItems = await port.listOpenItems(v.residentId, context);
        return openItems ? complete({ openItems }) : bpmnError('RESIDENT_NOT_FOUND', 'the finance module does not know the resident');
      });
    },
  });
}
