import { describe, expect, it } from 'vitest';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeReadContactData } from './worker.ts';

const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, residentId: 'R-1001' };

describe('back-office-read-contact-data', () => {
  it('when the register keeps contact data, then the job completes with it and the clerk\'s review gets it too', async () => {
    const contact = { phone: '+41791234567', email: null };
    const { deps, calls, contacts } = fakeConnectorDeps({ getContactData: async () => contact });
    expect(await runJob(backOfficeReadContactData.worker(deps), variables)).toEqual({ outcome: 'complete', variables: { registerContact: contact } });
    expect(calls.map((call) => [call.operation, call.request])).toEqual([['getContactData', 'R-1001']]);
    expect(contacts).toEqual([{ caseId: variables.caseId, contact }]);
  });

  it('when the register does not know the resident, then the BPMN error RESIDENT_NOT_FOUND is raised and nothing is noted', async () => {
    const { deps, contacts } = fakeConnectorDeps({ getContactData: async () => null });
    expect(await runJob(backOfficeReadContactData.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'RESIDENT_NOT_FOUND', message: 'the register does not know the resident',
    });
    expect(contacts).toEqual([]);
  });
});
