import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const readable = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
};

/**
 * The review form shows phone numbers as people read them ('+41 79 765 43 21'), while the case
 * and the register keep E.164 ('+41797654321'); form-js templates cannot format them.
 */
export function withReadablePhoneNumbers(formData: Record<string, unknown>): Record<string, unknown> {
  const request = formData.request as { changes?: { phone?: unknown } } | null | undefined;
  const resident = formData.resident as { contact?: { phone?: unknown } } | null | undefined;
  return {
    ...formData,
    ...(request?.changes && 'phone' in request.changes
      ? { request: { ...request, changes: { ...request.changes, phone: readable(request.changes.phone) } } } : {}),
    ...(resident?.contact ? { resident: { ...resident, contact: { ...resident.contact, phone: readable(resident.contact.phone) } } } : {}),
  };
}
