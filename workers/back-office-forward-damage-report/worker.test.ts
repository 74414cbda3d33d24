import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeForwardDamageReport } from './worker.ts';

const variables = {
  caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41',
  municipalityId: AARAU.id,
  category: 'lighting',
  description: 'Die Strassenlampe vor Nr. 12 brennt nicht.',
  location: { latitude: 47.3925, longitude: 8.0442 },
  reportedAt: '2026-11-22T18:30:00+01:00',
};

describe('back-office-forward-damage-report', () => {
  it('when the works department takes the report, then the job completes with its ticket id, filed under the case and task as reference', async () => {
    const { deps, calls } = fakeConnectorDeps({ forwardDamageReport: async () => ({ ticketId: 'WH-2026-118' }) });
    const result = await runJob(backOfficeForwardDamageReport.worker(deps), variables, { elementId: 'Task_report' });
    expect(result).toEqual({ outcome: 'complete', variables: { damageTicketId: 'WH-2026-118' } });
    const { caseId: _caseId, municipalityId: _municipalityId, ...report } = variables;
    expect(calls.map((call) => call.request)).toEqual([{ reference: `${variables.caseId}:Task_report`, ...report }]);
  });

  it('when the category is not one the works department sorts by, then the input is refused before any call', async () => {
    const { deps, calls } = fakeConnectorDeps({});
    await expect(runJob(backOfficeForwardDamageReport.worker(deps), { ...variables, category: 'graffiti' })).rejects.toThrow(/category/);
    expect(calls).toEqual([]);
  });
});
