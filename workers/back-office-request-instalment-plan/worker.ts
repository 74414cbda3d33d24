import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { ResidentId } from '../back-office/inputs.ts';

/** Asks the finance module for an instalment plan; a refusal is the BPMN error INSTALMENT_PLAN_REFUSED with its reason. */
export const backOfficeRequestInstalmentPlan = backOfficeConnector({
  jobType: 'back-office-request-instalment-plan',
  target: 'municipality',
  input: {
    residentId: ResidentId,
    itemIds: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1, maxItems: 50, title: 'Offene Posten', description: 'Liste der Posten-Ids, die der Plan umfasst.',
    }),
    instalments: Type.Integer({ minimum: 2, maximum: 12, title: 'Raten', description: '2 bis 12 Monatsraten.' }),
    firstDueDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: 'Erste Fälligkeit', description: 'JJJJ-MM-TT.' }),
  },
  async call({ port, context, reference, variables: v, complete, raise }) {
    const result = await port.requestInstalmentPlan(
      { reference, residentId: v.residentId, itemIds: v.itemIds, instalments: v.instalments, firstDueDate: v.firstDueDate },
      context,
    );
    if (result.outcome === 'refused') return raise('INSTALMENT_PLAN_REFUSED', { refusalReason: result.reason });
    return complete({ instalmentPlan: { planId: result.planId, totalRappen: result.totalRappen, schedule: result.schedule } });
  },
  outputs: { instalmentPlan: { label: 'Ratenplan', description: 'planId, totalRappen und die Raten.' } },
  errors: { INSTALMENT_PLAN_REFUSED: 'the finance module refused the plan' },
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: { version: 2, name: 'Ratenplan beantragen', description: 'Vereinbart mit dem Finanzmodul monatliche Raten für offene Posten.' },
});
