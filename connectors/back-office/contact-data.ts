/**
 * Contact data (ADM-4) as every vendor carries it: phone numbers in E.164, e-mail addresses as
 * the citizen gave them. The patterns are the wire contract; each vendor's schema restates them
 * in its own schema language (TypeBox here, XSD in Hürlimann's and OBT's files).
 */
import type { ContactData, ContactDataChange } from './port.ts';

/** E.164: '+', a country code that does not start with 0, at most 15 digits in all. */
export const E164_PATTERN = '^\\+[1-9]\\d{1,14}$';
/** One '@' between non-blank parts; the register keeps the address as given, so no more is checked. */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+$';
/** RFC 5321's limit for a forward path. */
export const EMAIL_MAX_LENGTH = 254;

/** The contact data after `change`: a field left out stays, null removes it. */
export function applyContactDataChange(current: ContactData, change: ContactDataChange): ContactData {
  return {
    phone: change.phone === undefined ? current.phone : change.phone,
    email: change.email === undefined ? current.email : change.email,
  };
}

export const NO_CONTACT_DATA: ContactData = { phone: null, email: null };
