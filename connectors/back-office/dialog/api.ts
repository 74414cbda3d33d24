/**
 * The Dialog API, version 1, as this adapter uses it. The simulator serves the same contract, so
 * these schemas are the single description of it.
 *
 * Authentication: header `X-Api-Key: <key>`; 401 with a problem body when missing, wrong or
 * expired (`unauthorized`, `credential-expired`).
 * Tracing: the adapter sends `X-Correlation-Id`; Dialog echoes it into its own logs.
 * Errors: `application/problem+json` bodies (RFC 9457) with a `type` URN from `DialogProblemType`.
 * Writes are `PUT` on a resource named by the platform's reference: repeating one returns the
 * first answer (200) and writes nothing.
 * Names, dates of birth and AHV numbers travel in bodies only, never in URLs (and so never in
 * access logs or proxies).
 *
 * Under `/api/v1/municipalities/{bfs}`:
 * - `POST residents/search` — body { officialName, firstName, dateOfBirth } or { vn }; 200
 *   { persons } with all matching current and former residents; names match case-insensitively.
 * - `GET residents/{id}/residence` — 200 `DialogResidence`; 404 `resident-not-found`.
 * - `GET residents/{id}/contact` — 200 `DialogContact`; 404 `resident-not-found`.
 * - `PUT residents/contact-changes/{reference}` — body `DialogContactChangeRequest`: `personId`
 *   and at least one of `phoneNumber`, `emailAddress` (JSON merge-patch semantics: a field left
 *   out stays, null deletes it); 201/200 { contact, changeDate }; 404 `resident-not-found`.
 * - `PUT finance/fee-bookings/{reference}` — 201/200 { bookingId, bookingDate }; 404 `resident-not-found`.
 * - `GET finance/debtors/{id}/open-items` — 200 { items }; 404 `resident-not-found`.
 * - `PUT finance/instalment-plans/{reference}` — 201/200 plan; 422 `instalment-plan-refused` with `reason`.
 * - `PUT works/damage-reports/{reference}` — 201/200 { ticketId }.
 * - `PUT stock/deliveries/{reference}` — 201/200 { deliveryId, expectedDeliveryDate };
 *   409 `out-of-stock` with `available`; 404 `article-not-found`.
 * - `PUT debt-enforcement/extracts/{reference}` — forwarded to the district's office; 201/200
 *   extract; 404 `person-not-identified`.
 * - `PUT civil-registry/birth-register-extracts/{reference}` — 201/200 { orderId, expectedDeliveryDate }.
 * Any path with a municipality Dialog does not serve: 404 `municipality-not-found`.
 *
 * Codes follow eCH-0011: `typeOfResidence` 1 = main (Hauptwohnsitz), 2 = secondary
 * (Nebenwohnsitz); `dataLock` 0 = none, 1 = address lock, 2 = disclosure lock. Money is
 * `amountRappen`, an integer. Phone numbers are E.164 ('+41791234567'); e-mail addresses as given.
 */
import { Type, type Static } from '@sinclair/typebox';
import { E164_PATTERN, EMAIL_MAX_LENGTH, EMAIL_PATTERN } from '../contact-data.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Rappen = Type.Integer({ minimum: 0 });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const DialogProblemType = {
  residentNotFound: 'urn:dialog:problem:resident-not-found',
  municipalityNotFound: 'urn:dialog:problem:municipality-not-found',
  articleNotFound: 'urn:dialog:problem:article-not-found',
  personNotIdentified: 'urn:dialog:problem:person-not-identified',
  outOfStock: 'urn:dialog:problem:out-of-stock',
  instalmentPlanRefused: 'urn:dialog:problem:instalment-plan-refused',
  unauthorized: 'urn:dialog:problem:unauthorized',
  credentialExpired: 'urn:dialog:problem:credential-expired',
  invalidRequest: 'urn:dialog:problem:invalid-request',
  unavailable: 'urn:dialog:problem:service-unavailable',
  rateLimited: 'urn:dialog:problem:rate-limited',
} as const;

export const DialogProblem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  /** With `instalment-plan-refused`. */
  reason: Type.Optional(Type.Union([Type.Literal('item-not-open'), Type.Literal('in-debt-enforcement'), Type.Literal('below-minimum')])),
  /** With `out-of-stock`. */
  available: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type DialogProblem = Static<typeof DialogProblem>;

export const DialogSearchRequest = Type.Union([
  Type.Object({ officialName: Name, firstName: Name, dateOfBirth: IsoDate }, { additionalProperties: false }),
  Type.Object({ vn: Type.String({ pattern: '^756\\d{10}$' }) }, { additionalProperties: false }),
]);
export type DialogSearchRequest = Static<typeof DialogSearchRequest>;

export const DialogPerson = Type.Object({ id: Id, officialName: Name, firstName: Name, dateOfBirth: IsoDate });
export type DialogPerson = Static<typeof DialogPerson>;

export const DialogSearchResponse = Type.Object({ persons: Type.Array(DialogPerson) });

const DialogAddress = Type.Object({
  street: Type.String({ minLength: 1 }),
  houseNumber: Type.Union([Type.String(), Type.Null()]),
  swissZipCode: Type.String({ pattern: '^\\d{4}$' }),
  town: Type.String({ minLength: 1 }),
});

export const DialogResidence = Type.Object({
  personId: Id,
  typeOfResidence: Type.Union([Type.Literal(1), Type.Literal(2)]),
  arrivalDate: IsoDate,
  departureDate: Type.Union([IsoDate, Type.Null()]),
  municipality: Type.Object({ bfsNumber: Type.Integer({ minimum: 1, maximum: 9999 }), name: Type.String({ minLength: 1 }) }),
  dwellingAddress: DialogAddress,
  dataLock: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]),
  household: Type.Array(DialogPerson),
});
export type DialogResidence = Static<typeof DialogResidence>;

const PhoneNumber = Type.String({ pattern: E164_PATTERN });
const EmailAddress = Type.String({ pattern: EMAIL_PATTERN, maxLength: EMAIL_MAX_LENGTH });
const DialogContactFields = {
  phoneNumber: Type.Union([PhoneNumber, Type.Null()]),
  emailAddress: Type.Union([EmailAddress, Type.Null()]),
};

export const DialogContact = Type.Object({ personId: Id, ...DialogContactFields });
export type DialogContact = Static<typeof DialogContact>;

/** `personId` plus at least one of the two fields. */
export const DialogContactChangeRequest = Type.Object(
  {
    personId: Id,
    phoneNumber: Type.Optional(DialogContactFields.phoneNumber),
    emailAddress: Type.Optional(DialogContactFields.emailAddress),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type DialogContactChangeRequest = Static<typeof DialogContactChangeRequest>;
export const DialogContactChange = Type.Object({
  contact: Type.Object(DialogContactFields),
  changeDate: IsoDate,
});

export const DialogFeeBookingRequest = Type.Object(
  { personId: Id, amountRappen: Type.Integer({ minimum: 1 }), account: Type.String({ minLength: 1, maxLength: 20 }), text: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export const DialogFeeBooking = Type.Object({ bookingId: Id, bookingDate: IsoDate });

export const DialogOpenItems = Type.Object({
  items: Type.Array(Type.Object({ itemId: Id, text: Type.String(), openAmountRappen: Rappen, dueDate: IsoDate })),
});

export const DialogInstalmentPlanRequest = Type.Object(
  {
    personId: Id,
    openItemIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
    numberOfInstalments: Type.Integer({ minimum: 2, maximum: 12 }),
    firstDueDate: IsoDate,
  },
  { additionalProperties: false },
);
export const DialogInstalmentPlan = Type.Object({
  planId: Id,
  totalRappen: Rappen,
  instalments: Type.Array(Type.Object({ dueDate: IsoDate, amountRappen: Rappen }), { minItems: 1 }),
});

const Category = Type.Union(
  (['road', 'lighting', 'waste', 'water', 'green-space', 'other'] as const).map((c) => Type.Literal(c)),
);
export const DialogDamageReportRequest = Type.Object(
  {
    category: Category,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    position: Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }),
    reportedAt: Type.String({ minLength: 20, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export const DialogDamageTicket = Type.Object({ ticketId: Id });

const DialogRecipientAddress = Type.Object({
  recipient: Type.String({ minLength: 1, maxLength: 100 }),
  street: Type.String({ minLength: 1 }),
  houseNumber: Type.Union([Type.String(), Type.Null()]),
  swissZipCode: Type.String({ pattern: '^\\d{4}$' }),
  town: Type.String({ minLength: 1 }),
});
export const DialogDeliveryRequest = Type.Object(
  { articleNumber: Type.String({ minLength: 1, maxLength: 40 }), quantity: Type.Integer({ minimum: 1, maximum: 100 }), deliverTo: DialogRecipientAddress },
  { additionalProperties: false },
);
export const DialogDelivery = Type.Object({ deliveryId: Id, expectedDeliveryDate: IsoDate });

export const DialogDebtExtractRequest = Type.Object(
  { officialName: Name, firstName: Name, dateOfBirth: IsoDate, address: DialogAddress },
  { additionalProperties: false },
);
export const DialogDebtExtract = Type.Object({ extractId: Id, issuedOn: IsoDate, proceedings: Type.Integer({ minimum: 0 }) });

export const DialogBirthExtractRequest = Type.Object(
  { officialName: Name, firstName: Name, dateOfBirth: IsoDate, placeOfBirth: Name, deliverTo: DialogRecipientAddress },
  { additionalProperties: false },
);
export const DialogBirthExtractOrder = Type.Object({ orderId: Id, expectedDeliveryDate: IsoDate });

const inMunicipality = (bfs: number, path: string) => `api/v1/municipalities/${bfs}/${path}`;
const segment = encodeURIComponent;

/** Paths relative to the installation's base URL. */
export const dialogPaths = {
  searchResidents: (bfs: number) => inMunicipality(bfs, 'residents/search'),
  residence: (bfs: number, personId: string) => inMunicipality(bfs, `residents/${segment(personId)}/residence`),
  contact: (bfs: number, personId: string) => inMunicipality(bfs, `residents/${segment(personId)}/contact`),
  contactChange: (bfs: number, reference: string) => inMunicipality(bfs, `residents/contact-changes/${segment(reference)}`),
  feeBooking: (bfs: number, reference: string) => inMunicipality(bfs, `finance/fee-bookings/${segment(reference)}`),
  openItems: (bfs: number, personId: string) => inMunicipality(bfs, `finance/debtors/${segment(personId)}/open-items`),
  instalmentPlan: (bfs: number, reference: string) => inMunicipality(bfs, `finance/instalment-plans/${segment(reference)}`),
  damageReport: (bfs: number, reference: string) => inMunicipality(bfs, `works/damage-reports/${segment(reference)}`),
  delivery: (bfs: number, reference: string) => inMunicipality(bfs, `stock/deliveries/${segment(reference)}`),
  debtExtract: (bfs: number, reference: string) => inMunicipality(bfs, `debt-enforcement/extracts/${segment(reference)}`),
  birthExtract: (bfs: number, reference: string) => inMunicipality(bfs, `civil-registry/birth-register-extracts/${segment(reference)}`),
} as const;
