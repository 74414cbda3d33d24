import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeListOpenItems } from './worker.ts';

const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, residentId: 'R-1001' };
const openItems = [{ itemId: 'OP-1', description: 'Kehrichtgebühr 2026', amountRappen: 12_000, dueDate: '2026-09-30' }];

describe('back-office-list-open-items', () => {
  it('when the finance module lists the resident\'s open items, then the job completes with them', async () => {
    const { deps, calls } = fakeConnectorDeps({ listOpenItems: async () => openItems });
    expect(await runJob(backOfficeListOpenItems.worker(deps), variables)).toEqual({ outcome: 'complete', variables: { openItems } });
    expect(calls.map((call) => [call.operation, call.request])).toEqual([['listOpenItems', 'R-1001']]);
  });

  it('when the resident has no open items, then the job completes with an empty list', async () => {
    const { deps } = fakeConnectorDeps({ listOpenItems: async () => [] });
    expect(await runJob(backOfficeListOpenItems.worker(deps), variables)).toEqual({ outcome: 'complete', variables: { openItems: [] } });
  });

  it('when the finance module does not know the resident, then the BPMN error RESIDENT_NOT_FOUND is raised', async () => {
    const { deps } = fakeConnectorDeps({ listOpenItems: async () => null });
    expect(await runJob(backOfficeListOpenItems.worker(deps), variables)).toMatchObject({ outcome: 'bpmn-error', code: 'RESIDENT_NOT_FOUND' });
  });
});
