import { describe, expect, it } from 'vitest';
import { AARAU, DEBT_ENFORCEMENT_OFFICE } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeRequestDebtRegisterExtract } from './worker.ts';

const person = {
  firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12', address: { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
};
const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, person };

describe('back-office-request-debt-register-extract', () => {
  it('when the debt-enforcement office serving the municipality issues the extract, then the job completes with it', async () => {
    const extract = { extractId: 'BA-31', issuedOn: '2026-11-22', proceedings: 0 };
    const { deps, calls } = fakeConnectorDeps({ requestDebtRegisterExtract: async () => extract });
    const result = await runJob(backOfficeRequestDebtRegisterExtract.worker(deps), variables, { elementId: 'Task_extract' });
    expect(result).toEqual({ outcome: 'complete', variables: { debtRegisterExtract: extract } });
    expect(calls).toMatchObject([{ url: DEBT_ENFORCEMENT_OFFICE.backOffice.url, request: { reference: `${variables.caseId}:Task_extract`, person } }]);
  });

  it('when the office cannot identify the person, then the BPMN error PERSON_NOT_IDENTIFIED is raised', async () => {
    const { deps } = fakeConnectorDeps({ requestDebtRegisterExtract: async () => null });
    expect(await runJob(backOfficeRequestDebtRegisterExtract.worker(deps), variables)).toEqual({
      outcome: 'bpmn-error', code: 'PERSON_NOT_IDENTIFIED', message: 'the office could not identify the person',
    });
  });
});
