import { Type, type Static } from '@sinclair/typebox';
import { LanguageSchema } from '../language.ts';

/** The optional contact data a municipality holds beside the data standard (ADM-4). */
export const CONTACT_FIELDS = ['phone', 'email'] as const;

/**
 * Fields of the data standard (eCH-0011 person, eCH-0010 address, eCH-0044 identification): the
 * register owns them, so a citizen's request cannot change them (ADM-4). Named so that the answer
 * can say why, rather than only "unknown field".
 */
export const DATA_STANDARD_FIELDS = [
  'firstName', 'lastName', 'officialName', 'callName', 'dateOfBirth', 'sex', 'nationality', 'placeOfOrigin',
  'maritalStatus', 'religion', 'ahvNumber', 'vn', 'address', 'street', 'houseNumber', 'postalCode', 'town',
  'residenceType', 'arrivalDate', 'residentId',
] as const;

export const ContactDataChangeRequestSchema = Type.Object({
  municipalityId: Type.String({ minLength: 1, maxLength: 100, examples: ['aarau'] }),
  language: LanguageSchema,
  dateOfBirth: Type.String({
    format: 'date', examples: ['1985-03-14'],
    description: "With the account's name, identifies the person in the municipality's register; the name is always the account's own",
  }),
  changes: Type.Object({
    phone: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40, examples: ['079 123 45 67'] }), Type.Null()], {
      description: 'A Swiss or international phone number (stored as +41…); null asks to remove it',
    })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()], {
      description: 'The e-mail address the municipality keeps; null asks to remove it. Not the account\'s login address',
    })),
  }, { additionalProperties: false, minProperties: 1 }),
}, { additionalProperties: false, $id: 'ContactDataChangeRequest' });

export type ContactDataChangeRequest = Static<typeof ContactDataChangeRequestSchema>;
