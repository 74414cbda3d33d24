import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  residentId: Type.String({ minLength: 1 }),
  itemIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 50 }),
  instalments: Type.Integer({ minimum: 2, maximum: 12 }),
  firstDueDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
});

/** Asks the finance module for an instalment plan; a refusal is the BPMN error INSTALMENT_PLAN_REFUSED with its reason. */
export function createRequestInstalmentPlanWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-request-instalment-plan',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const result = await port.requestInstalmentPlan(
          { reference: platformReference(v.caseId, elementId), residentId: v.residentId, itemIds: v.itemIds, instalments: v.instalments, firstDueDate: v.firstDueDate },
          context,
        );
        if (result.outcome === 'refused') {
          return bpmnError('INSTALMENT_PLAN_REFUSED', 'the finance module refused the plan', { refusalReason: result.reason });
        }
        return complete({ instalmentPlan: { planId: result.planId, totalRappen: result.totalRappen, schedule: result.schedule } });
      });
    },
  });
}
