import { Type } from '@sinclair/typebox';
import { LanguageSchema } from '../../core/language.ts';

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Email = Type.String({ format: 'email', maxLength: 254 });
// The rule of ACC-2 is checked by the use case, so that the answer names every missing part.
const Password = Type.String({ minLength: 1, maxLength: 256 });
const LinkToken = Type.String({ minLength: 10, maxLength: 200, pattern: '^gpl_[A-Za-z0-9_-]+$' });
const TotpCode = Type.String({ pattern: '^\\d{6}$', description: 'The six digits the authenticator app shows' });

export const PostalAddressSchema = Type.Object({
  street: Type.String({ minLength: 1, maxLength: 150 }),
  postalCode: Type.String({ pattern: '^[A-Za-z0-9 -]{3,10}$' }),
  town: Type.String({ minLength: 1, maxLength: 100 }),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2; CH when left out' })),
}, { additionalProperties: false });

export const RegistrationSchema = Type.Object({
  firstName: Name,
  lastName: Name,
  email: Email,
  password: Password,
  language: Type.Optional(LanguageSchema),
}, { additionalProperties: false });

export const LinkTokenBody = Type.Object({ token: LinkToken }, { additionalProperties: false });
export const EmailBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetCompletion = Type.Object({ token: LinkToken, newPassword: Password }, { additionalProperties: false });

export const LoginSchema = Type.Object({
  email: Email,
  password: Password,
  code: Type.Optional(TotpCode),
}, { additionalProperties: false });

export const ProfileChanges = Type.Object({
  firstName: Type.Optional(Name),
  lastName: Type.Optional(Name),
  address: Type.Optional(Type.Union([PostalAddressSchema, Type.Null()])),
}, { additionalProperties: false, minProperties: 1 });

export const PasswordChange = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
// The password confirms; an account opened with AGOV has none and leaves it out (a fresh AGOV login confirms instead).
const ConfirmingPassword = Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Required for an account with a password; left out by an account without one (opened with AGOV), whose session must come from an AGOV login of the last 10 minutes' }));
export const EmailChange = Type.Object({ newEmail: Email, password: ConfirmingPassword }, { additionalProperties: false });
export const DeletionRequest = Type.Object({ password: ConfirmingPassword }, { additionalProperties: false });
export const TotpCodeBody = Type.Object({ code: TotpCode }, { additionalProperties: false });

export const AccountSchema = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The citizen id that cases carry' }),
  kontoId: Type.String({ description: 'Konto-ID, e.g. 4821-7730-1594 (12 digits, the last a check digit)' }),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  address: Type.Union([PostalAddressSchema, Type.Null()]),
  language: Type.String(),
  secondFactor: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  identities: Type.Optional(Type.Array(Type.Object({ provider: Type.String({ description: 'e.g. agov' }), linkedAt: Type.String({ format: 'date-time' }) }),
    { description: 'External logins linked to the account (AGOV / e-ID, INT-5); there when AGOV login is configured' })),
}, { $id: 'Account' });

export const SessionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time', description: 'When the session ends unless used again (idle or absolute limit)' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
}, { $id: 'Session' });

export const Accepted = Type.Object({ message: Type.String() });
export const SessionIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const LoginAnswer = Type.Object({ token: Type.String({ description: 'Bearer token; shown once, stored by us only as a hash' }), accountId: Type.String(), session: Type.Ref('Session') });
export const SecondFactorEnrolment = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });
