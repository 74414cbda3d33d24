import { Type } from '@sinclair/typebox';

/** A Swiss postal address as process variables carry it (the port's PostalAddress). */
export const PostalAddress = Type.Object({
  street: Type.String({ minLength: 1 }),
  houseNumber: Type.Union([Type.String(), Type.Null()]),
  postalCode: Type.String({ pattern: '^\\d{4}$' }),
  town: Type.String({ minLength: 1 }),
});

/** Where an article or a paper extract is posted. */
export const DeliveryAddress = Type.Composite([Type.Object({ recipient: Type.String({ minLength: 1, maxLength: 100 }) }), PostalAddress], {
  title: 'Lieferadresse', description: 'Kontext mit recipient, street, houseNumber, postalCode, town.',
});

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** The person an institution is asked about. */
export const Person = Type.Object({
  firstName: Type.String({ minLength: 1 }),
  lastName: Type.String({ minLength: 1 }),
  dateOfBirth: IsoDate,
});

/** The register's id of the person, as find-resident returned it. */
export const ResidentId = Type.String({
  minLength: 1, title: 'Einwohner-Id', description: 'Aus «Person im Einwohnerregister suchen».', mapping: '=resident.residentId',
});
