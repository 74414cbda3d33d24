import { Type } from '@sinclair/typebox';
import { complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  category: Type.Union((['road', 'lighting', 'waste', 'water', 'green-space', 'other'] as const).map((c) => Type.Literal(c))),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  location: Type.Object({ latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) }),
  reportedAt: Type.String({ minLength: 20 }),
});

/** Forwards a damage report to the works department's ticket queue, once per case and task. */
export function createForwardDamageReportWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-forward-damage-report',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const receipt = await port.forwardDamageReport(
          { reference: platformReference(v.caseId, elementId), category: v.category, description: v.description, location: v.location, reportedAt: v.reportedAt },
          context,
        );
        return complete({ damageTicketId: receipt.ticketId });
      });
    },
  });
}
