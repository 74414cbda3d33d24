import { describe, expect, it } from 'vitest';
import { AARAU, CIVIL_REGISTRY_OFFICE } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';
import { backOfficeOrderBirthRegisterExtract } from './worker.ts';

const person = { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12', placeOfBirth: 'Baden' };
const deliveryAddress = { recipient: 'Anna Muster', street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' };
const variables = { caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41', municipalityId: AARAU.id, person, deliveryAddress };

describe('back-office-order-birth-register-extract', () => {
  it('when the civil registry office serving the municipality takes the order, then the job completes with its receipt', async () => {
    const { deps, calls } = fakeConnectorDeps({ orderBirthRegisterExtract: async () => ({ orderId: 'ZS-4', expectedOn: '2026-11-29' }) });
    const result = await runJob(backOfficeOrderBirthRegisterExtract.worker(deps), variables, { elementId: 'Task_order' });
    expect(result).toEqual({ outcome: 'complete', variables: { birthRegisterExtractOrder: { orderId: 'ZS-4', expectedOn: '2026-11-29' } } });
    expect(calls).toMatchObject([{ url: CIVIL_REGISTRY_OFFICE.backOffice.url, request: { reference: `${variables.caseId}:Task_order`, person, deliveryAddress } }]);
  });

  it('when the place of birth is missing, then the input is refused before any call', async () => {
    const { deps, calls } = fakeConnectorDeps({});
    const { placeOfBirth: _placeOfBirth, ...withoutPlace } = person;
    await expect(runJob(backOfficeOrderBirthRegisterExtract.worker(deps), { ...variables, person: withoutPlace })).rejects.toThrow(/placeOfBirth/);
    expect(calls).toEqual([]);
  });
});
