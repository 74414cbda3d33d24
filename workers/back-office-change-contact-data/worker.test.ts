import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeChangeContactData } from './worker.ts';

const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, residentId: 'R-1001', changes: { phone: '+41791234567', email: null } };
const receipt = { contact: { phone: '+41791234567', email: null }, changedOn: '2026-11-22' };

describe('back-office-change-contact-data', () => {
  it('when the register takes the change, then the job completes with its receipt, written under the case and task as reference', async () => {
    const { deps, calls } = fakeConnectorDeps({ changeContactData: async () => receipt });
    const result = await runJob(backOfficeChangeContactData.worker(deps), variables, { elementId: 'Task_change' });
    expect(result).toEqual({ outcome: 'complete', variables: { contactDataChange: receipt } });
    // A field left out stays as it is, null removes it: the change goes to the register as the clerk approved it.
    expect(calls.map((call) => call.request)).toEqual([{ reference: `${variables.caseId}:Task_change`, residentId: 'R-1001', phone: '+41791234567', email: null }]);
  });

  it('when the register does not know the resident, then the BPMN error RESIDENT_NOT_FOUND is raised', async () => {
    const { deps } = fakeConnectorDeps({ changeContactData: async () => null });
    expect(await runJob(backOfficeChangeContactData.worker(deps), variables)).toMatchObject({ outcome: 'bpmn-error', code: 'RESIDENT_NOT_FOUND' });
  });

  it.each([
    ['changes nothing', {}],
    ['brings a field the register does not keep', { address: 'Bahnhofstrasse 1' }],
    ['brings a phone number that is not E.164', { phone: '079 123 45 67' }],
  ])('when the approved change %s, then the input is refused before any call', async (_situation, changes) => {
    const { deps, calls } = fakeConnectorDeps({});
    await expect(runJob(backOfficeChangeContactData.worker(deps), { ...variables, changes })).rejects.toThrow(/changes/);
    expect(calls).toEqual([]);
  });
});
