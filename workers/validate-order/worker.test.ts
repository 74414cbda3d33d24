import { describe, expect, it } from 'vitest';
import { AARAU, RESIDENCE_CERTIFICATE, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeCaseRecords } from '../testing/fake-case-records.ts';
import { runJob } from '../testing/run-job.ts';
import { createValidateOrderWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const order = {
  caseId: CASE_ID,
  serviceId: RESIDENCE_CERTIFICATE.serviceId,
  municipalityId: AARAU.id,
  language: 'fr',
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
};
const worker = createValidateOrderWorker({ catalogue: fakeCatalogue(), caseRecords: fakeCaseRecords([CASE_ID]).caseRecords });

describe('validate-order', () => {
  it('when the case exists and the municipality still offers the service in a known language, then the order is valid', async () => {
    expect(await runJob(worker, order)).toEqual({ outcome: 'complete', variables: { orderValid: true } });
  });

  it.each([
    ['the language is not one the platform speaks', { language: 'es' }, 'unsupported language'],
    ['the case is unknown', { caseId: 'c5d0e4c1-0000-4000-8000-000000000000' }, 'unknown case'],
    ['the municipality no longer offers the service', { serviceId: 'dog-tax' }, 'service not offered by the municipality'],
    ['the municipality is not in the catalogue', { municipalityId: 'atlantis' }, 'service not offered by the municipality'],
  ])('when %s, then the BPMN error ORDER_INVALID says why', async (_situation, change, reason) => {
    expect(await runJob(worker, { ...order, ...change })).toEqual({ outcome: 'bpmn-error', code: 'ORDER_INVALID', message: reason });
  });
});
