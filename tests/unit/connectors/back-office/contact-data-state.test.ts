/** The simulated register's contact data (ADM-4), without any vendor protocol in between. */
import { describe, expect, it } from 'vitest';
import { createBackOfficeState } from '../../../../simulators/back-office/back-office-state.ts';
import { SEEDED_RESIDENTS } from '../../../../simulators/back-office/seed.ts';

const { aarauMain, aarauPartner } = SEEDED_RESIDENTS;
const today = () => '2026-11-20';

describe('simulated contact data', () => {
  it('when nothing was changed, then the seed holds; a resident without contact data has null entries', () => {
    const state = createBackOfficeState({ today });
    expect(state.contactData(4001, aarauMain.id)).toEqual(aarauMain.contact);
    expect(state.contactData(4001, aarauPartner.id)).toEqual({ phone: null, email: null });
    expect(state.contactData(4021, aarauMain.id)).toBeUndefined();
  });

  it('when a change is repeated after a later one, then the first receipt comes back and the later change stays', () => {
    const state = createBackOfficeState({ today });
    const first = state.changeContactData(4001, { reference: 'c-1', residentId: aarauMain.id, phone: '+41795550101' });
    expect(first).toEqual({ contact: { phone: '+41795550101', email: aarauMain.contact.email }, changedOn: '2026-11-20' });
    state.changeContactData(4001, { reference: 'c-2', residentId: aarauMain.id, phone: null });
    expect(state.changeContactData(4001, { reference: 'c-1', residentId: aarauMain.id, phone: '+41795550101' })).toEqual(first);
    expect(state.contactData(4001, aarauMain.id)).toEqual({ phone: null, email: aarauMain.contact.email });
    expect(state.written().contactDataChanges).toBe(2);
  });

  it('when a reference is reused in another municipality, then it is another change', () => {
    const state = createBackOfficeState({ today });
    state.changeContactData(4001, { reference: 'c-1', residentId: aarauMain.id, email: null });
    const zofingen = SEEDED_RESIDENTS.zofingenMain;
    expect(state.changeContactData(4289, { reference: 'c-1', residentId: zofingen.id, email: null }))
      .toMatchObject({ contact: { phone: zofingen.contact.phone, email: null } });
    expect(state.written().contactDataChanges).toBe(2);
  });

  it('when the resident is unknown, then nothing is written; reset forgets every change', () => {
    const state = createBackOfficeState({ today });
    expect(state.changeContactData(4001, { reference: 'c-1', residentId: 'P-4001-9999', phone: null })).toBe('resident-not-found');
    expect(state.written().contactDataChanges).toBe(0);
    state.changeContactData(4001, { reference: 'c-2', residentId: aarauMain.id, phone: null, email: null });
    state.reset();
    expect(state.contactData(4001, aarauMain.id)).toEqual(aarauMain.contact);
    expect(state.written().contactDataChanges).toBe(0);
  });
});
