import { describe, expect, it } from 'vitest';
import { BackOfficeProtocolError, BackOfficeRejectedError, BackOfficeUnavailableError } from '../../connectors/back-office/errors.ts';
import { BACK_OFFICE_OPERATIONS } from '../../connectors/back-office/port.ts';
import { BACK_OFFICE_CONNECTORS } from '../composition/all-workers.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { AARAU, CIVIL_REGISTRY_OFFICE, DEBT_ENFORCEMENT_OFFICE, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeConnectorDeps, type PortAnswers } from '../testing/fake-back-office.ts';
import { runJob } from '../testing/run-job.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const address = { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' };

/** Variables that satisfy the input of every connector of the table, as a diagram would map them. */
const variables = {
  caseId: CASE_ID,
  municipalityId: AARAU.id,
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
  residentId: 'R-1001',
  amountRappen: 3_000,
  account: '4210.01',
  bookingText: 'Gebühr Wohnsitzbestätigung',
  itemIds: ['OP-1', 'OP-2'],
  instalments: 3,
  firstDueDate: '2027-01-31',
  category: 'road',
  description: 'Schlagloch vor dem Haus',
  location: { latitude: 47.39, longitude: 8.04 },
  reportedAt: '2026-11-22T10:00:00+01:00',
  articleCode: 'KEHRICHT-35L',
  quantity: 2,
  deliveryAddress: { recipient: 'Anna Muster', ...address },
  person: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12', placeOfBirth: 'Aarau', address },
  changes: { phone: '+41791234567' },
};

/** Every operation of the port fails as `fail` says. */
const failing = (fail: (operation: string) => Error): PortAnswers =>
  Object.fromEntries(BACK_OFFICE_OPERATIONS.map((operation) => [operation, async () => { throw fail(operation); }]));

/** Where each connector's calls go: the municipality's own back office unless named here. */
const INSTITUTION_OF: Record<string, typeof DEBT_ENFORCEMENT_OFFICE> = {
  'back-office-request-debt-register-extract': DEBT_ENFORCEMENT_OFFICE,
  'back-office-order-birth-register-extract': CIVIL_REGISTRY_OFFICE,
};

const connectors = BACK_OFFICE_CONNECTORS.map((connector) => [connector.jobType, connector] as const);

describe('the back-office connectors, all built by one factory', () => {
  it.each(connectors)('when %s runs, then it asks the back office that serves the municipality for the task, for the case', async (jobType, connector) => {
    const { deps, calls } = fakeConnectorDeps(failing(() => new BackOfficeUnavailableError('down', { vendor: 'dialog', operation: 'x' })));
    await expect(runJob(connector.worker(deps), variables)).rejects.toThrow('down');
    expect(calls[0]?.url).toBe((INSTITUTION_OF[jobType] ?? AARAU).backOffice.url);
    expect(calls[0]?.context).toMatchObject({ municipalityBfs: AARAU.bfsNumber, correlationId: CASE_ID });
  });

  it.each(connectors)('when the back office of %s is unavailable, then the job fails retryably and keeps the vendor\'s Retry-After', async (_jobType, connector) => {
    const outage = new BackOfficeUnavailableError('timeout', { vendor: 'dialog', operation: 'x', retryAfterMs: 30_000 });
    const { deps } = fakeConnectorDeps(failing(() => outage));
    const failure = await runJob(connector.worker(deps), variables).catch((error: unknown) => error);
    expect(failure).toBe(outage);
    expect(failure).not.toBeInstanceOf(NonRetryableError);
  });

  it.each(connectors)('when the back office of %s rejects the call or answers unreadably, then an incident is raised at once', async (_jobType, connector) => {
    for (const fault of [
      new BackOfficeRejectedError('401', { vendor: 'dialog', operation: 'x', status: 401 }),
      new BackOfficeProtocolError('invalid JSON', { vendor: 'dialog', operation: 'x' }),
    ]) {
      const { deps } = fakeConnectorDeps(failing(() => fault));
      const failure = await runJob(connector.worker(deps), variables).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(NonRetryableError);
      expect((failure as Error).cause).toBe(fault);
    }
  });

  it.each(connectors)('when the municipality of %s is not in the catalogue, then an incident is raised without calling anybody', async (_jobType, connector) => {
    const { deps, calls } = fakeConnectorDeps({});
    await expect(runJob(connector.worker(deps), { ...variables, municipalityId: 'atlantis' })).rejects.toThrow(NonRetryableError);
    expect(calls).toEqual([]);
  });

  it.each(connectors)('when the back office of %s names a vendor this installation has no adapter for, then an incident is raised', async (_jobType, connector) => {
    const catalogue = fakeCatalogue({
      municipalities: [{ ...AARAU, backOffice: { ...AARAU.backOffice, vendor: 'unknown' } }],
      institutions: [DEBT_ENFORCEMENT_OFFICE, CIVIL_REGISTRY_OFFICE].map((office) => ({ ...office, backOffice: { ...office.backOffice, vendor: 'unknown' } })),
    });
    const { deps, calls } = fakeConnectorDeps({}, catalogue);
    await expect(runJob(connector.worker(deps), variables)).rejects.toThrow(new NonRetryableError('no adapter for back-office vendor "unknown"'));
    expect(calls).toEqual([]);
  });

  it.each(connectors.filter(([jobType]) => jobType in INSTITUTION_OF))('when no office of the kind %s needs serves the municipality, then an incident is raised', async (_jobType, connector) => {
    const { deps, calls } = fakeConnectorDeps({}, fakeCatalogue({ institutions: [] }));
    await expect(runJob(connector.worker(deps), variables)).rejects.toThrow(NonRetryableError);
    expect(calls).toEqual([]);
  });
});
