import { Type, type TString } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { ResidentId } from '../back-office/inputs.ts';

const OptionalContact = (schema: TString) => Type.Optional(Type.Union([schema, Type.Null()]));

/** Writes an approved change of contact data into the register, once per case and task (ADM-4). */
export const backOfficeChangeContactData = backOfficeConnector({
  jobType: 'back-office-change-contact-data',
  target: 'municipality',
  input: {
    residentId: ResidentId,
    /** Left out: stays; null: removed (ADM-4). */
    changes: Type.Object({
      phone: OptionalContact(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
      email: OptionalContact(Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' })),
    }, {
      additionalProperties: false, minProperties: 1, title: 'Änderung',
      description: 'Kontext mit phone und/oder email; null löscht den Eintrag, was fehlt, bleibt.', mapping: '=request.changes',
    }),
  },
  async call({ port, context, reference, variables: v, complete, raise }) {
    const receipt = await port.changeContactData({ reference, residentId: v.residentId, ...v.changes }, context);
    return receipt ? complete({ contactDataChange: receipt }) : raise('RESIDENT_NOT_FOUND');
  },
  outputs: { contactDataChange: { label: 'Änderung', description: 'contact (nach der Änderung) und changedOn.' } },
  errors: { RESIDENT_NOT_FOUND: 'the register does not know the resident' },
  template: {
    version: 1,
    name: 'Kontaktdaten im Register ändern',
    description: 'Schreibt eine genehmigte Änderung von Telefonnummer oder E-Mail-Adresse ins Register (ADM-4), einmal je Vorgang und Aufgabe. Daten des Datenstandards ändert sie nie.',
  },
});
