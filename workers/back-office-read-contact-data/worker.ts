import { backOfficeConnector } from '../back-office/connector.ts';
import { ResidentId } from '../back-office/inputs.ts';

/**
 * Reads the phone number and e-mail address the register keeps (ADM-4), so that the clerk's
 * review compares them with the requested ones: the tasklist cannot read process variables (8.6).
 */
export const backOfficeReadContactData = backOfficeConnector({
  jobType: 'back-office-read-contact-data',
  target: 'municipality',
  input: { residentId: ResidentId },
  async call({ port, context, caseRecords, variables: v, complete, raise }) {
    const contact = await port.getContactData(v.residentId, context);
    if (!contact) return raise('RESIDENT_NOT_FOUND');
    await caseRecords.noteRegisterContact(v.caseId, contact);
    return complete({ registerContact: contact });
  },
  outputs: { registerContact: { label: 'Kontaktdaten im Register', description: 'phone (E.164) und email; null, wo nichts geführt wird.' } },
  errors: { RESIDENT_NOT_FOUND: 'the register does not know the resident' },
  template: {
    version: 1,
    name: 'Kontaktdaten im Register lesen',
    description: 'Liest Telefonnummer und E-Mail-Adresse, welche die Gemeinde neben dem Datenstandard führt (ADM-4), und zeigt sie der Prüfung.',
  },
});
