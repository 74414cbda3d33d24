import { invalidField } from '../errors/problem-error.ts';

/** A postal address as Swiss post writes it: street and house number apart, four-digit postcode in CH. */
export interface SwissPostalAddress {
  street: string;
  houseNumber: string | null;
  postalCode: string;
  town: string;
  /** ISO 3166-1 alpha-2; CH unless another country is given. */
  country: string;
}

export type PostalAddressInput = Omit<SwissPostalAddress, 'houseNumber' | 'country'> & { houseNumber?: string | null; country?: string };

const SWISS_POSTCODE = /^[1-9]\d{3}$/;
const squeeze = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * Trims the parts, fills in CH, and refuses what the schema cannot know: a Swiss (or
 * Liechtenstein) postcode has four digits. `pointer` names the address in the request body.
 */
export function normalisePostalAddress(input: PostalAddressInput, pointer: string): SwissPostalAddress {
  const country = (input.country ?? 'CH').toUpperCase();
  const postalCode = squeeze(input.postalCode);
  if ((country === 'CH' || country === 'LI') && !SWISS_POSTCODE.test(postalCode)) {
    throw invalidField(`${pointer}/postalCode`, 'a Swiss postcode has four digits, e.g. 5000');
  }
  const houseNumber = input.houseNumber == null ? null : squeeze(input.houseNumber) || null;
  return { street: squeeze(input.street), houseNumber, postalCode, town: squeeze(input.town), country };
}
