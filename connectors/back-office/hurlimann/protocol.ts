/**
 * The Hürlimann portal interface, version 1, as this adapter uses it and the simulator serves it:
 * eCH XML over HTTP, validated against the schema set in `./xsd` in both directions. The vendor
 * schema `xsd/hurlimann-portal-1.xsd` (namespace `urn:x-hurlimann:portal:1`, prefix `hp`, made up
 * for this platform) is the wire description; this file documents the conventions around it.
 *
 * Endpoint: `POST {base}/ech/v1/messages`, `Content-Type: application/xml; charset=utf-8`,
 *   HTTP Basic authentication; the credential is the string `user:password`. The adapter sends
 *   `X-Correlation-Id`. Documents carry no DTD.
 *
 * Messages: every request and every answer is one `hp:message`: an `hp:header` of type eCH-0058 v5
 *   `headerType`, then one content element.
 *   - senderId / recipientId: participant ids. A municipality's installation is `T4-<BFS number>`
 *     (e.g. `T4-4001`); the platform is `T4-PORTAL`. A request names exactly one recipientId, the
 *     municipality whose data is meant; the answer swaps sender and recipient.
 *   - messageId: a fresh UUID per request and per answer; the answer's referenceMessageId repeats
 *     the request's messageId.
 *   - messageType: `urn:x-hurlimann:portal:1:<content element>`, e.g. `...:searchPersonRequest`.
 *   - action (eCH-0058 actionType): 5 request, 6 response, 8 negative report.
 *   - testDeliveryFlag: false from the platform; answers repeat the request's flag.
 *
 * Contents (request → answer; `EXCHANGES` below names them per port operation):
 *   searchPersonRequest (eCH-0044 vn, or officialName + firstName + dateOfBirth) →
 *     searchPersonResponse: every person of the register that matches, current and former
 *     residents, as eCH-0044 personIdentification (localPersonId category `LOC.HUERLIMANN` is the
 *     resident id); none when nobody matches. Names match case-insensitively.
 *   residenceRequest (localPersonId) → residenceResponse: the person, eCH-0011 hasMainResidence or
 *     hasSecondaryResidence (reportingMunicipality with the BFS number as eCH-0007 municipalityId,
 *     arrivalDate, dwellingAddress with an eCH-0010 address, departureDate after moving out),
 *     dataLock (0 none, 1 address lock, 2 disclosure lock, as eCH-0021) and the household's other
 *     members, ordered by person id (none after moving out). For a secondary residence whose main
 *     residence Hürlimann does not record, mainResidence names the municipality `unbekannt` and
 *     comesFrom is `unknown`.
 *   contactDataRequest (localPersonId) → contactDataResponse: phoneNumber (E.164) and emailAddress,
 *     each left out when the register holds none. Contact data is not part of eCH-0011/eCH-0044,
 *     so it lives in Hürlimann's namespace.
 *   contactDataChangeRequest (reference, localPersonId, then phoneNumber or deletePhoneNumber,
 *     emailAddress or deleteEmailAddress, at least one of the two; what is left out stays) →
 *     contactDataChangeResponse: the contact data after the change, and changedOn.
 *   feeBookingRequest → feeBookingResponse; openItemsRequest → openItemsResponse (oldest due date
 *   first); instalmentPlanRequest → instalmentPlanResponse (agreed with schedule, or refused with
 *   ITEM-NOT-OPEN, IN-DEBT-ENFORCEMENT or BELOW-MINIMUM); damageReportRequest →
 *   damageReportResponse; stockDeliveryRequest → stockDeliveryResponse (dispatched, outOfStock
 *   with the units available, or unknownArticle); debtRegisterExtractRequest →
 *   debtRegisterExtractResponse; birthRegisterExtractOrder → birthRegisterExtractResponse.
 *   Amounts are francs with two decimals ('1250.00'); dates are xs:date without time zone.
 *   Writing requests carry the platform's reference in `hp:reference`; Hürlimann answers a
 *   repeated reference with the first answer and writes nothing (eCH-0058's business reference
 *   fields hold at most 50 characters, the platform's references up to 64).
 *   Unknown person: HTTP 200 with an `hp:negativeReport` (action 8) of code PERSON-UNKNOWN, for
 *   residence, contact data and its change, fee booking, open items and debt-enforcement extract
 *   (the office cannot identify the person unambiguously).
 *
 * Errors: the gateway answers a request it refuses or cannot pass on with an `hp:error` document
 *   (code, optional text, referenceMessageId when it could read one) and an HTTP status:
 *   400 VALIDATION (not well-formed, not valid against the schema, not a request, no single
 *   recipient), 401 AUTH-INVALID or AUTH-EXPIRED (with `WWW-Authenticate: Basic`), 404
 *   MUNICIPALITY-UNKNOWN (recipient not served), 429 RATE-LIMITED (Retry-After), 503 UNAVAILABLE
 *   (Retry-After), 500 INTERNAL.
 *
 * Schemas: `xsd/eCH-*.xsd` restate the subset of the official eCH schemas these messages use,
 *   under the official file names; replace each by the official file from ech.ch (with the files
 *   the official ones import). `./schema.ts` resolves imports by file name from `./xsd`.
 */
import type { BackOfficeOperation, DamageCategory, InstalmentPlanRefusal } from '../port.ts';

export const HURLIMANN = 'Hürlimann';
export const HURLIMANN_NAMESPACE = 'urn:x-hurlimann:portal:1';

/** Namespace of each prefix the messages use; the prefixes are this adapter's, any are valid. */
export const NAMESPACES = {
  hp: HURLIMANN_NAMESPACE,
  'eCH-0058': 'http://www.ech.ch/xmlns/eCH-0058/5',
  'eCH-0044': 'http://www.ech.ch/xmlns/eCH-0044/4',
  'eCH-0011': 'http://www.ech.ch/xmlns/eCH-0011/8',
  'eCH-0010': 'http://www.ech.ch/xmlns/eCH-0010/5',
  'eCH-0007': 'http://www.ech.ch/xmlns/eCH-0007/5',
} as const;

export const MESSAGES_PATH = 'ech/v1/messages';
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const LOCAL_PERSON_ID_CATEGORY = 'LOC.HUERLIMANN';
export const PORTAL_PARTICIPANT_ID = 'T4-PORTAL';
/** What a secondary residence's mainResidence names when Hürlimann does not record it. */
export const UNRECORDED_MUNICIPALITY = 'unbekannt';

export function municipalityParticipantId(bfs: number): string {
  return `T4-${bfs}`;
}

/** The BFS number a participant id names, or undefined when it names no municipality. */
export function bfsOfParticipantId(id: string): number | undefined {
  const match = /^T4-([1-9]\d{0,3})$/.exec(id);
  return match === null ? undefined : Number(match[1]);
}

export const ACTION = { request: '5', response: '6', negativeReport: '8' } as const;

export function messageTypeOf(contentElement: string): string {
  return `${HURLIMANN_NAMESPACE}:${contentElement}`;
}

/** The request and answer content elements of each port operation. */
export const EXCHANGES = {
  findResident: { request: 'searchPersonRequest', answer: 'searchPersonResponse' },
  getResidence: { request: 'residenceRequest', answer: 'residenceResponse' },
  getContactData: { request: 'contactDataRequest', answer: 'contactDataResponse' },
  changeContactData: { request: 'contactDataChangeRequest', answer: 'contactDataChangeResponse' },
  bookFee: { request: 'feeBookingRequest', answer: 'feeBookingResponse' },
  listOpenItems: { request: 'openItemsRequest', answer: 'openItemsResponse' },
  requestInstalmentPlan: { request: 'instalmentPlanRequest', answer: 'instalmentPlanResponse' },
  forwardDamageReport: { request: 'damageReportRequest', answer: 'damageReportResponse' },
  deliverStock: { request: 'stockDeliveryRequest', answer: 'stockDeliveryResponse' },
  requestDebtRegisterExtract: { request: 'debtRegisterExtractRequest', answer: 'debtRegisterExtractResponse' },
  orderBirthRegisterExtract: { request: 'birthRegisterExtractOrder', answer: 'birthRegisterExtractResponse' },
} as const satisfies Record<BackOfficeOperation, { readonly request: string; readonly answer: string }>;

export const NEGATIVE_REPORT = 'negativeReport';

/** The port operation whose request `contentElement` is, if any. */
export function operationOfRequest(contentElement: string): BackOfficeOperation | undefined {
  const found = Object.entries(EXCHANGES).find(([, exchange]) => exchange.request === contentElement);
  return found?.[0] as BackOfficeOperation | undefined;
}

export const ErrorCode = {
  authInvalid: 'AUTH-INVALID',
  authExpired: 'AUTH-EXPIRED',
  municipalityUnknown: 'MUNICIPALITY-UNKNOWN',
  personUnknown: 'PERSON-UNKNOWN',
  validation: 'VALIDATION',
  rateLimited: 'RATE-LIMITED',
  unavailable: 'UNAVAILABLE',
  internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const DAMAGE_CATEGORY_CODES = {
  road: 'STRASSE',
  lighting: 'BELEUCHTUNG',
  waste: 'ABFALL',
  water: 'WASSER',
  'green-space': 'GRUENANLAGE',
  other: 'UEBRIGES',
} as const satisfies Record<DamageCategory, string>;

export const REFUSAL_CODES = {
  'item-not-open': 'ITEM-NOT-OPEN',
  'in-debt-enforcement': 'IN-DEBT-ENFORCEMENT',
  'below-minimum': 'BELOW-MINIMUM',
} as const satisfies Record<InstalmentPlanRefusal, string>;

/** The key of `codes` whose value is `code`; undefined for a code outside the table. */
export function keyOfCode<K extends string>(codes: Readonly<Record<K, string>>, code: string): K | undefined {
  return (Object.keys(codes) as K[]).find((key) => codes[key] === code);
}
