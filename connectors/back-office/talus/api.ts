/**
 * The Talus portal API, version 2, as this adapter uses it and the simulator serves it. These
 * schemas are its single description.
 *
 * Authentication: OAuth2 client credentials (RFC 6749 §4.4).
 *   `POST {base}/oauth2/token`, `Content-Type: application/x-www-form-urlencoded`, body
 *   `grant_type=client_credentials&scope=portal`, client authenticated with HTTP Basic over the
 *   form-encoded client id and secret (§2.3.1); client credentials in the body are not accepted.
 *   200 `TalusTokenAnswer` (opaque token; the simulator's live 300 s), `Cache-Control: no-store`.
 *   401 `{"error":"invalid_client"}`; 400 `{"error":"invalid_request" | "unsupported_grant_type" |
 *   "invalid_scope"}`. The platform's credential string is `clientId:clientSecret`.
 * Every API call carries `Authorization: Bearer <token>`. A missing, unknown or expired token is
 *   401 with `WWW-Authenticate: Bearer realm="talus", error="invalid_token"` and no body; a
 *   client then fetches a new token and may repeat the call once.
 *
 * Resources live under `{base}/api/v2/tenants/{bfs}/`; a tenant is a municipality. JSON in
 * snake_case, UTF-8. Dates are RFC 3339 date-times at midnight UTC (`1985-03-14T00:00:00Z`), in
 * requests and answers alike; amounts are integer `amount_cents`. No personal data in URLs:
 * searches are POSTs with a JSON body, person ids are opaque.
 *
 * Lists are pages `{ items, next_page_token }`: ask with `page_size` (1–50; the installation's
 * default when absent, the simulator's is 1) and pass `next_page_token` back as `page_token`,
 * with the same query, until it is null. Page tokens are opaque.
 *
 * Writes carry `Idempotency-Key: <platform reference>` ([A-Za-z0-9._:-], 1–64): Talus answers
 * a repeated key with the first answer and writes nothing.
 *
 * Endpoints under the tenant (request → 2xx answer; business errors):
 *   POST persons:search           `TalusPersonSearch` → page of `TalusPerson`, current and former
 *                                 residents; names match case-insensitively. Next pages: the
 *                                 same body plus `page_token`.
 *   GET  persons/{id}/residence   → `TalusResidence`; PERSON_NOT_FOUND.
 *   GET  persons/{id}/contact-details → `TalusContactDetails`; PERSON_NOT_FOUND.
 *   POST persons/{id}/contact-details-changes `TalusContactDetailsChange` (at least one field;
 *                                 left out stays, null deletes) → 201 `TalusContactDetailsReceipt`;
 *                                 PERSON_NOT_FOUND.
 *   POST debtors/{id}/fees        `TalusFeeRequest` → 201 `TalusFeeReceipt`; PERSON_NOT_FOUND.
 *   GET  debtors/{id}/open-items  `?page_size&page_token` → page of `TalusOpenItem`, oldest
 *                                 due date first; PERSON_NOT_FOUND.
 *   POST debtors/{id}/instalment-plans `TalusPlanRequest` → 201 AGREED or 200 REFUSED
 *                                 (`TalusPlanAnswer`); PERSON_NOT_FOUND.
 *   POST work-orders              `TalusWorkOrderRequest` → 201 `TalusWorkOrder`.
 *   POST stock-deliveries         `TalusDeliveryRequest` → 201 DISPATCHED, or 200
 *                                 OUT_OF_STOCK / UNKNOWN_ARTICLE (`TalusDeliveryAnswer`).
 *   POST debt-register-extracts   `TalusDebtExtractRequest` → 201 `TalusDebtExtract`;
 *                                 PERSON_NOT_FOUND when the office cannot identify the person.
 *   POST birth-register-extracts  `TalusBirthExtractRequest` → 201 `TalusBirthExtractOrder`.
 *
 * Errors: `TalusError` `{ "error": { "code", "message" } }` with PERSON_NOT_FOUND (404),
 * TENANT_NOT_FOUND (404: municipality not served), VALIDATION_FAILED (400), RATE_LIMITED (429,
 * Retry-After) and SERVICE_UNAVAILABLE (503, Retry-After).
 * Phone numbers are E.164 strings, e-mail addresses as given.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { E164_PATTERN, EMAIL_MAX_LENGTH, EMAIL_PATTERN } from '../contact-data.ts';

export const TALUS = 'Talus';

export const TalusErrorCode = {
  personNotFound: 'PERSON_NOT_FOUND',
  tenantNotFound: 'TENANT_NOT_FOUND',
  validationFailed: 'VALIDATION_FAILED',
  serviceUnavailable: 'SERVICE_UNAVAILABLE',
  rateLimited: 'RATE_LIMITED',
} as const;

export const TALUS_MAX_PAGE_SIZE = 50;
export const TALUS_SCOPE = 'portal';
export const IDEMPOTENCY_KEY = 'idempotency-key';
export const INVALID_TOKEN = /\berror="invalid_token"/i;

/** Midnight UTC only: any other time of day would shift the calendar date somewhere. */
export const TalusDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T00:00:00Z$' });
const Timestamp = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Cents = Type.Integer({ minimum: 0 });
export const IdempotencyKey = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' });
const PageSize = Type.Integer({ minimum: 1, maximum: TALUS_MAX_PAGE_SIZE });
const PageToken = Type.String({ minLength: 1, maxLength: 200 });

export const TalusTokenAnswer = Type.Object({
  access_token: Type.String({ minLength: 1 }),
  token_type: Type.String({ pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' }),
  expires_in: Type.Integer({ minimum: 1 }),
});
export type TalusTokenAnswer = Static<typeof TalusTokenAnswer>;

export const TalusError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});
export type TalusError = Static<typeof TalusError>;

export const TalusPage = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), next_page_token: Type.Union([PageToken, Type.Null()]) });

const Paging = { page_size: Type.Optional(PageSize), page_token: Type.Optional(PageToken) };
export const TalusPersonSearch = Type.Union([
  Type.Object({ family_name: Name, given_name: Name, birth_date: TalusDate, ...Paging }, { additionalProperties: false }),
  Type.Object({ ahv_number: Type.String({ pattern: '^756\\d{10}$' }), ...Paging }, { additionalProperties: false }),
]);
export type TalusPersonSearch = Static<typeof TalusPersonSearch>;

export const TalusPerson = Type.Object({ person_id: Id, given_name: Name, family_name: Name, birth_date: TalusDate });
export type TalusPerson = Static<typeof TalusPerson>;

export const TalusAddress = Type.Object({
  street: Type.String({ minLength: 1, maxLength: 100 }),
  house_number: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
  postal_code: Type.String({ pattern: '^\\d{4}$' }),
  locality: Type.String({ minLength: 1, maxLength: 100 }),
});
export type TalusAddress = Static<typeof TalusAddress>;

const TalusRecipient = Type.Composite([Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }), TalusAddress]);
export type TalusRecipient = Static<typeof TalusRecipient>;

export const TalusResidence = Type.Object({
  person_id: Id,
  residence_type: Type.Union([Type.Literal('MAIN'), Type.Literal('SECONDARY')]),
  move_in_date: TalusDate,
  move_out_date: Type.Union([TalusDate, Type.Null()]),
  municipality: Type.Object({ bfs_number: Type.Integer({ minimum: 1, maximum: 9999 }), name: Type.String({ minLength: 1 }) }),
  address: TalusAddress,
  disclosure_lock: Type.Boolean(),
  household: Type.Array(TalusPerson),
});
export type TalusResidence = Static<typeof TalusResidence>;

const ContactDetailFields = {
  phone_number: Type.Union([Type.String({ pattern: E164_PATTERN }), Type.Null()]),
  email: Type.Union([Type.String({ pattern: EMAIL_PATTERN, maxLength: EMAIL_MAX_LENGTH }), Type.Null()]),
};
export const TalusContactDetails = Type.Object({ person_id: Id, ...ContactDetailFields });
export type TalusContactDetails = Static<typeof TalusContactDetails>;
export const TalusContactDetailsChange = Type.Object(
  { phone_number: Type.Optional(ContactDetailFields.phone_number), email: Type.Optional(ContactDetailFields.email) },
  { additionalProperties: false, minProperties: 1 },
);
export type TalusContactDetailsChange = Static<typeof TalusContactDetailsChange>;
export const TalusContactDetailsReceipt = Type.Object({
  contact_details: Type.Object(ContactDetailFields),
  change_date: TalusDate,
});

export const TalusFeeRequest = Type.Object(
  {
    amount_cents: Type.Integer({ minimum: 1 }),
    revenue_account: Type.String({ minLength: 1, maxLength: 20 }),
    booking_text: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);
export const TalusFeeReceipt = Type.Object({ booking_id: Id, booking_date: TalusDate });

export const TalusOpenItem = Type.Object({ item_id: Id, description: Type.String(), amount_cents: Cents, due_date: TalusDate });
export type TalusOpenItem = Static<typeof TalusOpenItem>;

export const TalusPlanRequest = Type.Object(
  {
    item_ids: Type.Array(Id, { maxItems: 100 }),
    instalment_count: Type.Integer({ minimum: 2, maximum: 12 }),
    first_due_date: TalusDate,
  },
  { additionalProperties: false },
);
export const TalusRefusalReason = Type.Union([
  Type.Literal('ITEM_NOT_OPEN'),
  Type.Literal('IN_DEBT_ENFORCEMENT'),
  Type.Literal('BELOW_MINIMUM'),
]);
export type TalusRefusalReason = Static<typeof TalusRefusalReason>;
export const TalusPlanAnswer = Type.Union([
  Type.Object({
    status: Type.Literal('AGREED'),
    plan_id: Id,
    total_cents: Cents,
    instalments: Type.Array(Type.Object({ due_date: TalusDate, amount_cents: Cents }), { minItems: 1 }),
  }),
  Type.Object({ status: Type.Literal('REFUSED'), refusal_reason: TalusRefusalReason }),
]);
export type TalusPlanAnswer = Static<typeof TalusPlanAnswer>;

export const TalusDamageCategory = Type.Union([
  Type.Literal('ROAD'),
  Type.Literal('LIGHTING'),
  Type.Literal('WASTE'),
  Type.Literal('WATER'),
  Type.Literal('GREEN_SPACE'),
  Type.Literal('OTHER'),
]);
export type TalusDamageCategory = Static<typeof TalusDamageCategory>;
export const TalusWorkOrderRequest = Type.Object(
  {
    category: TalusDamageCategory,
    description: Type.String({ maxLength: 2000 }),
    location: Type.Object(
      { latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) },
      { additionalProperties: false },
    ),
    reported_at: Timestamp,
  },
  { additionalProperties: false },
);
export const TalusWorkOrder = Type.Object({ ticket_id: Id });

export const TalusDeliveryRequest = Type.Object(
  { article_code: Type.String({ minLength: 1, maxLength: 40 }), quantity: Type.Integer({ minimum: 1, maximum: 100 }), recipient: TalusRecipient },
  { additionalProperties: false },
);
export const TalusDeliveryAnswer = Type.Union([
  Type.Object({ status: Type.Literal('DISPATCHED'), delivery_id: Id, expected_delivery_date: TalusDate }),
  Type.Object({ status: Type.Literal('OUT_OF_STOCK'), available_quantity: Type.Integer({ minimum: 0 }) }),
  Type.Object({ status: Type.Literal('UNKNOWN_ARTICLE') }),
]);
export type TalusDeliveryAnswer = Static<typeof TalusDeliveryAnswer>;

export const TalusDebtExtractRequest = Type.Object(
  { person: Type.Object({ given_name: Name, family_name: Name, birth_date: TalusDate, address: TalusAddress }) },
  { additionalProperties: false },
);
export const TalusDebtExtract = Type.Object({ extract_id: Id, issue_date: TalusDate, proceedings_count: Type.Integer({ minimum: 0 }) });

export const TalusBirthExtractRequest = Type.Object(
  {
    person: Type.Object({ given_name: Name, family_name: Name, birth_date: TalusDate, place_of_birth: Name }),
    delivery_address: TalusRecipient,
  },
  { additionalProperties: false },
);
export const TalusBirthExtractOrder = Type.Object({ order_id: Id, expected_delivery_date: TalusDate });

/** Paths relative to the installation's base URL (no leading slash, so a path prefix is kept). */
export const talusPaths = {
  token: 'oauth2/token',
  personSearch: (bfs: number) => `${tenant(bfs)}/persons:search`,
  residence: (bfs: number, id: string) => `${tenant(bfs)}/persons/${encodeURIComponent(id)}/residence`,
  contactDetails: (bfs: number, id: string) => `${tenant(bfs)}/persons/${encodeURIComponent(id)}/contact-details`,
  contactDetailsChanges: (bfs: number, id: string) => `${tenant(bfs)}/persons/${encodeURIComponent(id)}/contact-details-changes`,
  fees: (bfs: number, id: string) => `${tenant(bfs)}/debtors/${encodeURIComponent(id)}/fees`,
  openItems: (bfs: number, id: string) => `${tenant(bfs)}/debtors/${encodeURIComponent(id)}/open-items`,
  instalmentPlans: (bfs: number, id: string) => `${tenant(bfs)}/debtors/${encodeURIComponent(id)}/instalment-plans`,
  workOrders: (bfs: number) => `${tenant(bfs)}/work-orders`,
  stockDeliveries: (bfs: number) => `${tenant(bfs)}/stock-deliveries`,
  debtRegisterExtracts: (bfs: number) => `${tenant(bfs)}/debt-register-extracts`,
  birthRegisterExtracts: (bfs: number) => `${tenant(bfs)}/birth-register-extracts`,
} as const;

function tenant(bfs: number): string {
  return `api/v2/tenants/${bfs}`;
}
