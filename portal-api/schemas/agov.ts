import { Type } from '@sinclair/typebox';

export const AgovCodeBody = Type.Object({ code: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });
export const AgovSessionCreated = Type.Object({ token: Type.String(), accountId: Type.String(), session: Type.Ref('Session') });
export const LinkStartBody = Type.Optional(Type.Object({ next: Type.Optional(Type.String()) }, { additionalProperties: false }));
export const LinkStartAnswer = Type.Object({ location: Type.String() });
export const LinkedIdentity = Type.Object({ provider: Type.String(), linkedAt: Type.String({ format: 'date-time' }) });

export const PrefillSchema = Type.Object({
  serviceId: Type.Union([Type.String(), Type.Null()]),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'The service\'s start form pre-filled as its package says, ready for form-js (and for POST /applications as data); null without serviceId or for a service without a start form',
  }),
  applicant: Type.Object({
    firstName: Type.String(),
    lastName: Type.String(),
    dateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Only when AGOV gave it at this session\'s login' }),
    email: Type.String(),
    address: Type.Union([Type.Object({ street: Type.String(), postalCode: Type.String(), town: Type.String(), country: Type.String() }), Type.Null()]),
    language: Type.String(),
  }),
}, { description: 'What the account knows for a form; the front end pre-fills with it and the citizen may change everything' });
