import { Type } from '@sinclair/typebox';

/** A Swiss postal address as process variables carry it (the port's PostalAddress). */
export const PostalAddress = Type.Object({
  street: Type.String({ minLength: 1 }),
  houseNumber: Type.Union([Type.String(), Type.Null()]),
  postalCode: Type.String({ pattern: '^\\d{4}$' }),
  town: Type.String({ minLength: 1 }),
});

export const RecipientAddress = Type.Composite([Type.Object({ recipient: Type.String({ minLength: 1, maxLength: 100 }) }), PostalAddress]);

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** The person an institution is asked about. */
export const Person = Type.Object({
  firstName: Type.String({ minLength: 1 }),
  lastName: Type.String({ minLength: 1 }),
  dateOfBirth: IsoDate,
});
