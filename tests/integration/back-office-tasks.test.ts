/**
 * The connector tasks of the element templates, run by the real engine and workers against the
 * simulators: each call reaches the back office that configuration routes it to.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS, type SeededResident } from '../../simulators/back-office/seed.ts';
import { createZeebeClient } from '../../core/engine/engine-client.ts';

type Zeebe = ReturnType<typeof createZeebeClient>;
type Written = Record<string, number>;
/** The SDK's JSON type has no null; house numbers may be null, as in the port. */
type Variables = Parameters<Zeebe['createProcessInstanceWithResult']>[0]['variables'];

let zeebe: Zeebe;
beforeAll(async () => {
  zeebe = createZeebeClient({ grpcAddress: inject('engineGrpcAddress'), restAddress: inject('engineRestUrl') });
  await zeebe.deployResource({ processFilename: 'tests/integration/fixtures/back-office-tasks.bpmn' });
});
afterAll(() => zeebe.close());

async function written(vendor: string): Promise<Written> {
  const response = await fetch(`${inject('simulatorUrls')[vendor]}/__sim/written`);
  return (await response.json()) as Written;
}

function variablesFor(municipalityId: string, person: SeededResident, openItemIds: string[]): Variables {
  const address = person.residence.address;
  return {
    caseId: randomUUID(),
    municipalityId,
    residentId: person.id,
    amountRappen: 3_000,
    account: '4210.01',
    bookingText: 'Gebühr Testfall',
    itemIds: openItemIds,
    instalments: 2,
    firstDueDate: '2027-01-31',
    category: 'road',
    description: 'Schlagloch vor dem Haus',
    location: { latitude: 47.39, longitude: 8.04 },
    reportedAt: '2026-11-22T09:30:00+01:00',
    articleCode: 'KEHRICHT-17L',
    quantity: 2,
    deliveryAddress: { recipient: `${person.firstName} ${person.lastName}`, ...address },
    person: { firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth, address, placeOfBirth: 'Aarau' },
  } as unknown as Variables;
}

describe('connector tasks routed by configuration', () => {
  it('when Aarau runs every connector task, then its own back office (Dialog), its district office (Talus) and its civil registry (Dialog) are asked', async () => {
    const before = { dialog: await written('dialog'), talus: await written('talus') };
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'test-back-office-tasks',
      variables: variablesFor('aarau', SEEDED_RESIDENTS.aarauMain, ['OP-4001-1001']),
      requestTimeout: 60_000,
    });
    const out = result.variables as Record<string, unknown>;
    expect(out.feeBooking).toEqual({ bookingId: expect.any(String), bookedOn: expect.any(String) });
    expect(out.openItems).toHaveLength(2);
    expect(out.instalmentPlan).toMatchObject({ totalRappen: 125_000, schedule: [{ dueDate: '2027-01-31' }, { dueDate: '2027-02-28' }] });
    expect(out.damageTicketId).toEqual(expect.any(String));
    expect(out.delivery).toEqual({ deliveryId: expect.any(String), expectedOn: expect.any(String) });
    expect(out.debtRegisterExtract).toMatchObject({ proceedings: 0 });
    expect(out.birthRegisterExtractOrder).toEqual({ orderId: expect.any(String), expectedOn: expect.any(String) });

    const after = { dialog: await written('dialog'), talus: await written('talus') };
    const grew = (vendor: 'dialog' | 'talus', kind: string) => (after[vendor][kind] ?? 0) - (before[vendor][kind] ?? 0);
    expect([grew('dialog', 'feeBookings'), grew('dialog', 'instalmentPlans'), grew('dialog', 'damageReports'), grew('dialog', 'stockDeliveries')]).toEqual([1, 1, 1, 1]);
    expect(grew('dialog', 'birthRegisterExtractOrders')).toBe(1);
    expect(grew('talus', 'debtRegisterExtracts')).toBe(1);
    expect(grew('dialog', 'debtRegisterExtracts')).toBe(0);
  });

  it('when Zofingen runs them, then Vemag keeps its books, Hürlimann runs its debt-enforcement office and Aarau\'s civil registry (Dialog) serves it', async () => {
    const before = { vemag: await written('vemag'), hurlimann: await written('hurlimann'), dialog: await written('dialog') };
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'test-back-office-tasks',
      variables: variablesFor('zofingen', SEEDED_RESIDENTS.zofingenMain, ['OP-4289-1001']),
      requestTimeout: 60_000,
    });
    expect(result.variables).toMatchObject({ instalmentPlan: { totalRappen: 15_000 }, debtRegisterExtract: { proceedings: 0 } });
    const after = { vemag: await written('vemag'), hurlimann: await written('hurlimann'), dialog: await written('dialog') };
    const grew = (vendor: 'vemag' | 'hurlimann' | 'dialog', kind: string) => (after[vendor][kind] ?? 0) - (before[vendor][kind] ?? 0);
    expect([grew('vemag', 'feeBookings'), grew('vemag', 'instalmentPlans'), grew('vemag', 'damageReports'), grew('vemag', 'stockDeliveries')]).toEqual([1, 1, 1, 1]);
    expect(grew('hurlimann', 'debtRegisterExtracts')).toBe(1);
    expect(grew('dialog', 'birthRegisterExtractOrders')).toBe(1);
  });
});
