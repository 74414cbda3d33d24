import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeBookFee } from './worker.ts';

const variables = {
  caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, residentId: 'R-1001', amountRappen: 3_000, account: '4210.01', bookingText: 'Gebühr',
};

describe('back-office-book-fee', () => {
  it('when the finance module books the fee, then the job completes with the receipt, booked under the case and task as reference', async () => {
    const { deps, calls } = fakeConnectorDeps({ bookFee: async () => ({ bookingId: 'B-77', bookedOn: '2026-11-22' }) });
    const result = await runJob(backOfficeBookFee.worker(deps), variables, { elementId: 'Task_fee' });
    expect(result).toEqual({ outcome: 'complete', variables: { feeBooking: { bookingId: 'B-77', bookedOn: '2026-11-22' } } });
    expect(calls.map((call) => call.request)).toEqual([{
      reference: `${variables.caseId}:Task_fee`, residentId: 'R-1001', amountRappen: 3_000, account: '4210.01', bookingText: 'Gebühr',
    }]);
  });

  it('when a retry of the job books again, then it carries the same reference', async () => {
    const { deps, calls } = fakeConnectorDeps({ bookFee: async () => ({ bookingId: 'B-77', bookedOn: '2026-11-22' }) });
    const worker = backOfficeBookFee.worker(deps);
    await runJob(worker, variables, { elementId: 'Task_fee', retries: 3 });
    await runJob(worker, variables, { elementId: 'Task_fee', retries: 2 });
    const [first, second] = calls.map((call) => (call.request as { reference: string }).reference);
    expect(second).toBe(first);
  });

  it('when the finance module does not know the resident, then the BPMN error RESIDENT_NOT_FOUND is raised', async () => {
    const { deps } = fakeConnectorDeps({ bookFee: async () => null });
    expect(await runJob(backOfficeBookFee.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'RESIDENT_NOT_FOUND', message: 'the finance module does not know the resident',
    });
  });
});
