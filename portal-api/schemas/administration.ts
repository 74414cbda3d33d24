import { Type } from '@sinclair/typebox';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';
import { MunicipalityParams } from './finance.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });

export const OfferingParams = Type.Composite([MunicipalityParams, Type.Object({ serviceId: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }) })]);

const SettingValue = Type.Union([Type.Number(), Type.Boolean(), Type.String()]);

export const OfferingChangeBody = Type.Object({
  offered: Type.Boolean({ description: 'false withdraws the service (the other fields are not looked at); true offers it or changes how' }),
  feeRappen: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'In Rappen: CHF 20.00 is 2000; 0 for free of charge' })),
  paymentAccount: Type.Optional(Type.Union([
    Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z.\\-/]{0,39}$', description: 'The revenue account the fee is booked to, e.g. 4001-4260.01' }),
    Type.Null(),
  ])),
  bookingText: Type.Optional(Type.Union([Text(80, 'What the booking says, at most 80 characters'), Type.Null()])),
  invoiceAllowed: Type.Optional(Type.Boolean({ description: 'Whether citizens may pay by invoice (QR-bill): needs a creditor and a package that allows it' })),
  candidateGroup: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}-[a-z][a-z0-9-]{0,62}$', description: 'The group of the municipality\'s clerks that reviews, e.g. 4001-einwohnerkontrolle' })),
  // Any JSON value, checked against the package's declaration (settingProblems): a typed union would let the
  // request's type coercion turn `true` into 1 before the declaration sees it.
  settings: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][A-Za-z0-9]{0,62}$' }), Type.Unknown(), {
    maxProperties: 30, description: 'Values (number, true/false or text) for the settings the service\'s package declares; a setting left out keeps the package\'s default',
  })),
}, { additionalProperties: false });

const Creditor = Type.Object({
  name: Text(70, 'As on the QR-bill, e.g. Gemeinde Aarau'),
  street: Text(70),
  buildingNumber: Text(16),
  postalCode: Type.String({ pattern: '^[0-9]{4}$' }),
  town: Text(35),
  iban: Type.String({ minLength: 15, maxLength: 42, pattern: '^[A-Za-z0-9 ]+$', description: 'A Swiss IBAN or QR-IBAN; spaces are ignored, the check digits are checked' }),
}, { additionalProperties: false });

export const MunicipalityChangeBody = Type.Object({
  creditor: Type.Optional(Creditor),
  backOfficeVendor: Type.Optional(Type.Union(Object.keys(BACK_OFFICE_VENDORS).map((vendor) => Type.Literal(vendor)), {
    description: 'The software of the municipality\'s back office; its endpoint is the installation\'s for that vendor',
  })),
}, { additionalProperties: false, minProperties: 1 });

export const ChangesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

const LocalisedNames = Type.Ref('LocalisedText');
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const SettingConfiguration = Type.Object({
  name: Type.String(),
  type: Type.String(),
  names: LocalisedNames,
  default: SettingValue,
  minimum: Type.Optional(Type.Number()),
  maximum: Type.Optional(Type.Number()),
  maxLength: Type.Optional(Type.Integer()),
  value: Type.Union([SettingValue, Type.Null()], { description: 'The municipality\'s own value; null: the package\'s default' }),
  effective: SettingValue,
});

export const MunicipalConfigurationSchema = Type.Object({
  municipality: Type.Object({ id: Type.String(), name: Type.String(), bfsNumber: Type.Integer(), participates: Type.Boolean() }),
  payment: Type.Object({
    payrexxInstance: Nullable(Type.String({ description: 'The municipality\'s Payrexx instance (never its key); null: no online payment' })),
    creditor: Type.Union([Type.Object({
      name: Type.String(), street: Type.String(), buildingNumber: Type.String(), postalCode: Type.String(), town: Type.String(),
      iban: Type.String(), qrIban: Type.Boolean(),
    }), Type.Null()]),
  }),
  backOffice: Type.Object({
    vendor: Type.String(),
    vendors: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'The vendors the platform can talk to' }),
  }),
  offerings: Type.Array(Type.Object({
    serviceId: Type.String(),
    names: LocalisedNames,
    packagePaymentMethods: Type.Array(Type.String()),
    offered: Type.Boolean(),
    feeRappen: Type.Union([Type.Integer(), Type.Null()]),
    paymentAccount: Nullable(Type.String()),
    bookingText: Nullable(Type.String()),
    invoiceAllowed: Type.Boolean(),
    candidateGroup: Nullable(Type.String()),
    settings: Type.Array(SettingConfiguration),
    homepageLink: Nullable(Type.String({ description: 'The portal\'s address of the service in this municipality, for its homepage' })),
  })),
});

export const ConfigurationChanges = Type.Object({
  changes: Type.Array(Type.Object({
    id: Type.String(),
    changedAt: Type.String({ format: 'date-time' }),
    staffId: Type.String(),
    staffName: Type.String(),
    subject: Type.String({ description: 'offering:<service id>, creditor or back-office' }),
    before: Type.Unknown(),
    after: Type.Unknown(),
  })),
});
