import { describe, expect, it } from 'vitest';
import { platformReference } from './platform-reference.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const FITS_THE_PORT = /^[A-Za-z0-9._:-]{1,64}$/;

describe('platformReference', () => {
  it('when the case and element id fit the port, then the reference is both, readable', () => {
    expect(platformReference(CASE_ID, 'Task_fee')).toBe(`${CASE_ID}:Task_fee`);
  });

  it.each([
    ['is long', 'Activity_book_the_fee_on_the_debtor_account_of_the_resident'],
    ['has characters the port does not carry', 'Gebühr buchen'],
  ])('when the element id %s, then the reference still fits the port, the same on every retry and apart from other elements\'', (_situation, elementId) => {
    const reference = platformReference(CASE_ID, elementId);
    expect(reference).toMatch(FITS_THE_PORT);
    expect(reference.startsWith(`${CASE_ID}:`)).toBe(true);
    expect(platformReference(CASE_ID, elementId)).toBe(reference);
    expect(platformReference(CASE_ID, `${elementId}_2`)).not.toBe(reference);
  });
});
