import { Type, type Static } from '@sinclair/typebox';
import { LanguageSchema } from '../language.ts';

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^<>{}\\[\\]\\\\]*\\S[^<>{}\\[\\]\\\\]*$' });

export const ApplicationSchema = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100, examples: ['residence-certificate'] }),
  municipalityId: Type.String({ minLength: 1, maxLength: 100, examples: ['aarau'] }),
  language: LanguageSchema,
  data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
    maxProperties: 100,
    description: 'The fields of the service\'s start form (GET /services/{id}/form), checked on the server as the form asks; a refusal names /body/data/<field>.',
    examples: [{ applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' }, paymentMethod: 'online' }],
  })),
  applicant: Type.Optional(Type.Object({
    firstName: Name,
    lastName: Name,
    dateOfBirth: Type.String({ format: 'date', examples: ['1985-04-12'] }),
  }, { additionalProperties: false, deprecated: true, description: 'Deprecated: give it as data.applicant. Kept for clients written before the start forms.' })),
  paymentMethod: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('invoice')], {
    description: 'online: Payrexx payment page (TWINT, PostFinance, cards); invoice: QR-bill, where the municipality allows it. Default online.',
  })),
  organisationId: Type.Optional(Type.String({
    format: 'uuid',
    description: 'Apply on behalf of this organisation (ORG-4, ORG-5); the citizen must be a member. Left out: a personal application.',
  })),
}, { additionalProperties: false, $id: 'Application' });

export type Application = Static<typeof ApplicationSchema>;

