import { Type, type Static } from '@sinclair/typebox';
import { LanguageSchema } from '../language.ts';

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^<>{}\\[\\]\\\\]*\\S[^<>{}\\[\\]\\\\]*$' });

export const ApplicationSchema = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100, examples: ['residence-certificate'] }),
  municipalityId: Type.String({ minLength: 1, maxLength: 100, examples: ['aarau'] }),
  language: LanguageSchema,
  applicant: Type.Object({
    firstName: Name,
    lastName: Name,
    dateOfBirth: Type.String({ format: 'date', examples: ['1985-04-12'] }),
  }, { additionalProperties: false }),
  paymentMethod: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('invoice')], {
    description: 'online: Payrexx payment page (TWINT, PostFinance, cards); invoice: QR-bill, where the municipality allows it. Default online.',
  })),
  organisationId: Type.Optional(Type.String({
    format: 'uuid',
    description: 'Apply on behalf of this organisation (ORG-4, ORG-5); the citizen must be a member. Left out: a personal application.',
  })),
}, { additionalProperties: false, $id: 'Application' });

export type Application = Static<typeof ApplicationSchema>;

