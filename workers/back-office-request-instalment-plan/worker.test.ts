import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeRequestInstalmentPlan } from './worker.ts';

const variables = {
  caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, residentId: 'R-1001', itemIds: ['OP-1', 'OP-2'], instalments: 2, firstDueDate: '2027-01-31',
};
const schedule = [{ dueDate: '2027-01-31', amountRappen: 6_000 }, { dueDate: '2027-02-28', amountRappen: 6_001 }];

describe('back-office-request-instalment-plan', () => {
  it('when the finance module agrees, then the job completes with the plan, requested under the case and task as reference', async () => {
    const { deps, calls } = fakeConnectorDeps({ requestInstalmentPlan: async () => ({ outcome: 'agreed', planId: 'P-9', totalRappen: 12_001, schedule }) });
    const result = await runJob(backOfficeRequestInstalmentPlan.worker(deps), variables, { elementId: 'Task_plan' });
    expect(result).toEqual({ outcome: 'complete', variables: { instalmentPlan: { planId: 'P-9', totalRappen: 12_001, schedule } } });
    expect(calls.map((call) => call.request)).toEqual([{
      reference: `${variables.caseId}:Task_plan`, residentId: 'R-1001', itemIds: ['OP-1', 'OP-2'], instalments: 2, firstDueDate: '2027-01-31',
    }]);
  });

  it('when the finance module refuses, then the BPMN error INSTALMENT_PLAN_REFUSED carries the reason for the diagram', async () => {
    const { deps } = fakeConnectorDeps({ requestInstalmentPlan: async () => ({ outcome: 'refused', reason: 'in-debt-enforcement' }) });
    expect(await runJob(backOfficeRequestInstalmentPlan.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'INSTALMENT_PLAN_REFUSED', message: 'the finance module refused the plan', variables: { refusalReason: 'in-debt-enforcement' },
    });
  });

  it('when the diagram asks for more than twelve instalments, then the input is refused before any call', async () => {
    const { deps, calls } = fakeConnectorDeps({});
    await expect(runJob(backOfficeRequestInstalmentPlan.worker(deps), { ...variables, instalments: 13 })).rejects.toThrow(/instalments/);
    expect(calls).toEqual([]);
  });
});
