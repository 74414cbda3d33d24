import { describe, expect, it } from 'vitest';
import type { Instalment } from '../../core/db/instalments-repository.ts';
import { fakeInstalments } from '../testing/fake-instalments.ts';
import { runJob } from '../testing/run-job.ts';
import { createRecordInstalmentStateWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const instalment = (number: number, state: Instalment['state']): Instalment => ({
  id: `instalment-${number}`, caseId: CASE_ID, municipalityId: 'aarau', number, planId: 'RP-7', dueOn: `2027-0${number}-06`, amountRappen: 20_000,
  reference: `00000000000000000000000012${number}`, referenceType: 'QRR', creditorIban: 'CH4431999123000889012', state, paidAt: null,
});

function recordState(stored: Instalment[]) {
  const instalments = fakeInstalments(stored);
  return { worker: createRecordInstalmentStateWorker({ instalments: instalments.instalments }), rows: instalments.rows };
}

const states = (rows: Instalment[]) => rows.map((row) => row.state);

describe('record-instalment-state', () => {
  it('when an open instalment is reminded, then it alone is marked reminded', async () => {
    const { worker, rows } = recordState([instalment(1, 'open'), instalment(2, 'open')]);
    expect(await runJob(worker, { caseId: CASE_ID, state: 'reminded', instalmentNumber: 1 })).toEqual({ outcome: 'complete', variables: {} });
    expect(states(rows)).toEqual(['reminded', 'open']);
  });

  it('when a reminded instalment is missed, then it is marked missed, and a repeat changes nothing', async () => {
    const { worker, rows } = recordState([instalment(1, 'reminded'), instalment(2, 'open')]);
    await runJob(worker, { caseId: CASE_ID, state: 'missed', instalmentNumber: 1 });
    await runJob(worker, { caseId: CASE_ID, state: 'missed', instalmentNumber: 1 });
    expect(states(rows)).toEqual(['missed', 'open']);
  });

  it('when the plan ends, then every unpaid instalment is cancelled, and the paid and missed ones keep their state', async () => {
    const { worker, rows } = recordState([instalment(1, 'paid'), instalment(2, 'missed'), instalment(3, 'reminded'), instalment(4, 'open')]);
    await runJob(worker, { caseId: CASE_ID, state: 'cancelled' });
    expect(states(rows)).toEqual(['paid', 'missed', 'cancelled', 'cancelled']);
  });

  it('when the bank paid an instalment before its reminder is recorded, then it stays paid', async () => {
    const { worker, rows } = recordState([instalment(1, 'paid')]);
    await runJob(worker, { caseId: CASE_ID, state: 'reminded', instalmentNumber: 1 });
    expect(states(rows)).toEqual(['paid']);
  });

  it('when the diagram names a state the process may not set, then the input is refused', async () => {
    const { worker } = recordState([instalment(1, 'open')]);
    await expect(runJob(worker, { caseId: CASE_ID, state: 'paid', instalmentNumber: 1 })).rejects.toThrow(/state/);
  });
});
