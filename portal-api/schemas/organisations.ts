import { Type } from '@sinclair/typebox';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const SwissPostalAddressSchema = Type.Object({
  street: Text(150),
  houseNumber: Type.Optional(Type.Union([Type.String({ maxLength: 20, pattern: '^[0-9A-Za-z /.-]*$' }), Type.Null()], { description: 'e.g. 12a' })),
  postalCode: Type.String({ pattern: '^[A-Za-z0-9 -]{3,10}$', description: 'Four digits in Switzerland, e.g. 5000' }),
  town: Text(100),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2; CH when left out' })),
}, { additionalProperties: false });

const AddressView = Type.Object({
  street: Type.String(), houseNumber: Type.Union([Type.String(), Type.Null()]), postalCode: Type.String(), town: Type.String(), country: Type.String(),
});

const Role = Type.Union([Type.Literal('manager'), Type.Literal('member')], { description: 'manager: "Organisationsverantwortliche(r)" (ORG-3)' });

export const NewOrganisationSchema = Type.Object({
  name: Text(200),
  additionalDesignation: Type.Optional(Type.Union([Text(200), Type.Null()], { description: 'Zusatzbezeichnung, e.g. a department' })),
  postalAddress: SwissPostalAddressSchema,
  billingAddress: Type.Optional(Type.Union([SwissPostalAddressSchema, Type.Null()], { description: 'Where invoices go, if not to the postal address' })),
}, { additionalProperties: false });

export const OrganisationChangesSchema = Type.Object({
  name: Type.Optional(Text(200)),
  additionalDesignation: Type.Optional(Type.Union([Text(200), Type.Null()])),
  postalAddress: Type.Optional(SwissPostalAddressSchema),
  billingAddress: Type.Optional(Type.Union([SwissPostalAddressSchema, Type.Null()])),
}, { additionalProperties: false, minProperties: 1 });

export const OrganisationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  additionalDesignation: Type.Union([Type.String(), Type.Null()]),
  postalAddress: AddressView,
  billingAddress: Type.Union([AddressView, Type.Null()]),
  role: Role,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}, { $id: 'Organisation' });

export const MemberSchema = Type.Object({
  accountId: Type.String({ format: 'uuid' }),
  firstName: Type.String(),
  lastName: Type.String(),
  kontoId: Type.String(),
  role: Role,
  joinedAt: Type.String({ format: 'date-time' }),
});

export const RoleChangeSchema = Type.Object({ role: Role }, { additionalProperties: false });

export const InvitationRequestSchema = Type.Object({
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  kontoId: Type.Optional(Type.String({ minLength: 12, maxLength: 20, pattern: '^[0-9][0-9 -]*[0-9]$', description: 'e.g. 4821-7730-1594' })),
}, { additionalProperties: false, description: 'Exactly one of email and kontoId' });

export const SentInvitationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  invitee: Type.Union([Type.Object({ email: Type.String() }), Type.Object({ kontoId: Type.String() })]),
  state: Type.Union([Type.Literal('pending'), Type.Literal('expired'), Type.Literal('declined')]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const ReceivedInvitationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisation: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), additionalDesignation: Type.Union([Type.String(), Type.Null()]) }),
  invitedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const InvitationTokenBody = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 200, pattern: '^gpl_[A-Za-z0-9_-]+$', description: 'From the link konto/einladung?token=…' }),
}, { additionalProperties: false });

export const OrganisationParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Type.String({ format: 'uuid' }), accountId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const OrganisationInvitationParams = Type.Object({ id: Type.String({ format: 'uuid' }), invitationId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const InvitationParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
