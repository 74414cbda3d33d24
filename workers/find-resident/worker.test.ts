import { describe, expect, it } from 'vitest';
import type { Residence } from '../../connectors/back-office/port.ts';
import { AARAU } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { findResident } from './worker.ts';

const applicant = { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' };
const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, applicant };
const match = { residentId: 'R-1001', ...applicant };
const residence: Residence = {
  residenceType: 'main',
  since: '2015-03-01',
  movedOutOn: null,
  municipality: { bfsNumber: AARAU.bfsNumber, name: 'Aarau' },
  address: { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
  blocked: false,
  household: [],
};

describe('find-resident', () => {
  it('when the register knows the applicant with a main residence here, then the job completes with the resident, assessed as entitled', async () => {
    const { deps, calls, extracts } = fakeConnectorDeps({ findResident: async () => match, getResidence: async () => residence });
    expect(await runJob(findResident.worker(deps), variables)).toEqual({
      outcome: 'complete',
      variables: {
        residenceAssessment: 'entitled',
        resident: { residentId: 'R-1001', residenceType: 'main', since: '2015-03-01', blocked: false, address: residence.address },
      },
    });
    expect(calls.map((call) => [call.operation, call.request])).toEqual([['findResident', applicant], ['getResidence', 'R-1001']]);
    expect(extracts).toEqual([{ caseId: variables.caseId, extract: { residenceType: 'main', since: '2015-03-01', blocked: false } }]);
  });

  it('when the record is blocked, then the assessment sends it to a clerk\'s review', async () => {
    const { deps } = fakeConnectorDeps({ findResident: async () => match, getResidence: async () => ({ ...residence, blocked: true }) });
    expect(await runJob(findResident.worker(deps), variables)).toMatchObject({ outcome: 'complete', variables: { residenceAssessment: 'review' } });
  });

  it('when the register finds the person but no residence, then the job completes with no resident, assessed as not resident, and notes nothing', async () => {
    const { deps, extracts } = fakeConnectorDeps({ findResident: async () => match, getResidence: async () => null });
    expect(await runJob(findResident.worker(deps), variables)).toEqual({ outcome: 'complete', variables: { residenceAssessment: 'not-resident', resident: null } });
    expect(extracts).toEqual([]);
  });

  it('when nobody or more than one person matches, then the BPMN error PERSON_NOT_FOUND is raised without asking for a residence', async () => {
    const { deps, calls } = fakeConnectorDeps({ findResident: async () => null });
    expect(await runJob(findResident.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'PERSON_NOT_FOUND', message: 'no unambiguous match in the residents register',
    });
    expect(calls.map((call) => call.operation)).toEqual(['findResident']);
  });
});
