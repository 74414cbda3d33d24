/**
 * The OBT Gemeinde-Service, version 3, as this adapter uses it and the simulator serves it: SOAP
 * 1.1, document/literal. `gemeinde-v3.wsdl` beside this file is its single description (messages,
 * portType, binding, service, and the XML Schema both sides validate against); this comment says
 * what a WSDL cannot.
 *
 * Endpoint: `POST {base}/soap/gemeinde/v3` with `Content-Type: text/xml; charset=utf-8` and
 *   `SOAPAction: "urn:x-obt:gemeinde:3#<Operation>"` (quoted, as SOAP 1.1 writes it). The action
 *   must name the operation of the body's element, else a soap:Client fault AKTION_UNGUELTIG.
 *   `GET {base}/soap/gemeinde/v3?wsdl` serves the WSDL with the installation's own address.
 *
 * Authentication: WS-Security 1.0 UsernameToken (OASIS WSS 1.0, Username Token Profile 1.0) in
 *   the SOAP header: `wsse:Security` (mustUnderstand="1") / `wsse:UsernameToken` /
 *   `wsse:Username` and `wsse:Password Type="…#PasswordText"` (a missing Type means PasswordText;
 *   PasswordDigest is not accepted). The platform's credential string is `user:password`, split
 *   at the first colon. Only over TLS in production: the password travels as text.
 *
 * Body elements live in the namespace `urn:x-obt:gemeinde:3`; every request carries `Gemeinde`,
 *   the BFS number of the municipality whose data is meant. Answers are `<Operation>Antwort`.
 *   Readers match elements by namespace and local name: OBT's prefixes (`soap:`, `SOAP-ENV:`,
 *   `s:`, `obt:`, `ns2:`, a default namespace) vary between releases and are not part of the
 *   contract. Dates are xs:date ('1985-03-14'; a time zone suffix is ignored), flags xs:boolean,
 *   amounts CHF as xs:decimal with at most two decimals ('1250.00'), coordinates WGS84 degrees.
 *   Writes carry the platform's reference as `Referenz`; OBT answers a repeated Referenz with the
 *   first answer and writes nothing.
 *
 * Operations (request → answer; faults that are business answers):
 *   SuchePerson (Name+Vorname+Geburtsdatum, or AHVN13) → every matching Person, former residents
 *     included; none when nobody matches.
 *   HoleWohnsitz (PersonId) → Wohnsitz with Haushalt; PERSON_UNBEKANNT.
 *   HoleKontaktdaten (PersonId) → Kontaktdaten with Telefon (E.164) and EMail, each left out
 *     when the register holds none; PERSON_UNBEKANNT.
 *   AendereKontaktdaten (Referenz, PersonId, Telefon and/or EMail) → Kontaktdaten after the
 *     change, Aenderungsdatum; PERSON_UNBEKANNT. An element left out stays as it is; one with
 *     xsi:nil="true" deletes the entry (the usual SOAP spelling of null).
 *   BucheGebuehr → BuchungsId, Buchungsdatum; PERSON_UNBEKANNT.
 *   HoleOffenePosten (PersonId) → Posten, oldest Faelligkeit first; PERSON_UNBEKANNT.
 *   BeantrageRatenplan → Vereinbart (with Rate…) or Abgelehnt/Grund.
 *   MeldeSchaden → TicketId.
 *   LiefereArtikel → Versandt, NichtAmLager/Verfuegbar or ArtikelUnbekannt.
 *   BestelleBetreibungsauszug → AuszugId, Ausstellungsdatum, AnzahlBetreibungen;
 *     PERSON_UNBEKANNT when the office cannot identify the person unambiguously.
 *   BestelleGeburtsregisterauszug → BestellungsId, VoraussichtlichAm.
 *
 * Errors are SOAP 1.1 faults with HTTP 500, as SOAP 1.1 prescribes, whatever their cause:
 *   `faultcode` soap:Client or soap:Server, `faultstring`, and `detail/obt:Fehler/obt:Code`:
 *     AUTH_UNGUELTIG (Client)      credential missing or wrong
 *     AUTH_ABGELAUFEN (Client)     password expired
 *     AKTION_UNGUELTIG (Client)    SOAPAction missing or not the body's operation
 *     VALIDIERUNG (Client)         not well-formed, not a SOAP 1.1 envelope, or against the schema
 *     GEMEINDE_UNBEKANNT (Client)  municipality not served by this installation
 *     PERSON_UNBEKANNT (Client)    see the operations above
 *     SYSTEM_NICHT_VERFUEGBAR (Server) the application is down; try again later
 *   SYSTEM_NICHT_VERFUEGBAR may carry a Retry-After header. A header block marked mustUnderstand
 *   that OBT does not process (anything but wsse:Security) is a soap:MustUnderstand fault.
 *   OBT's gateway answers in front of the SOAP service, without SOAP: 429 with Retry-After and a
 *   plain-text body when a client sends too much, 503 with Retry-After and a plain-text or HTML
 *   page when the service is down. The adapter treats any 5xx without a readable SOAP fault
 *   (gateway pages, an application server's error page) as an outage, not as a protocol fault:
 *   such answers come from the infrastructure and go away by themselves.
 *
 * How the adapter maps faults to the port (see `./call.ts`): AUTH_* → BackOfficeRejectedError
 * 401 (although HTTP said 500); GEMEINDE_UNBEKANNT → Rejected 404; PERSON_UNBEKANNT → null where
 * the port has null, else Rejected 404; VALIDIERUNG, AKTION_UNGUELTIG → Rejected 400;
 * SYSTEM_NICHT_VERFUEGBAR → BackOfficeUnavailableError (retryable). Unknown codes go by the fault
 * class: soap:Server → Unavailable, soap:Client (VersionMismatch, MustUnderstand) → Rejected 400.
 */

import type { BackOfficeOperation } from '../port.ts';

export const OBT = 'OBT';

export const OBT_ENDPOINT_PATH = 'soap/gemeinde/v3';
export const OBT_NAMESPACE = 'urn:x-obt:gemeinde:3';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const WSSE_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const WSSE_PASSWORD_TEXT =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** OBT's operations by the port operation they serve. */
export const OBT_OPERATIONS = {
  findResident: 'SuchePerson',
  getResidence: 'HoleWohnsitz',
  getContactData: 'HoleKontaktdaten',
  changeContactData: 'AendereKontaktdaten',
  bookFee: 'BucheGebuehr',
  listOpenItems: 'HoleOffenePosten',
  requestInstalmentPlan: 'BeantrageRatenplan',
  forwardDamageReport: 'MeldeSchaden',
  deliverStock: 'LiefereArtikel',
  requestDebtRegisterExtract: 'BestelleBetreibungsauszug',
  orderBirthRegisterExtract: 'BestelleGeburtsregisterauszug',
} as const satisfies Record<BackOfficeOperation, string>;

export type PortOperation = keyof typeof OBT_OPERATIONS;
export type ObtOperation = (typeof OBT_OPERATIONS)[PortOperation];

/** The SOAPAction header value of an operation, quotes included. */
export function soapActionOf(operation: ObtOperation): string {
  return `"${OBT_NAMESPACE}#${operation}"`;
}

/** The answer element of an operation. */
export function answerElementOf(operation: ObtOperation): string {
  return `${operation}Antwort`;
}

export const ObtFehlercode = {
  authUngueltig: 'AUTH_UNGUELTIG',
  authAbgelaufen: 'AUTH_ABGELAUFEN',
  aktionUngueltig: 'AKTION_UNGUELTIG',
  validierung: 'VALIDIERUNG',
  gemeindeUnbekannt: 'GEMEINDE_UNBEKANNT',
  personUnbekannt: 'PERSON_UNBEKANNT',
  systemNichtVerfuegbar: 'SYSTEM_NICHT_VERFUEGBAR',
} as const;

/** SOAP 1.1 fault code classes (local names in the envelope namespace). */
export type SoapFaultClass = 'Client' | 'Server' | 'VersionMismatch' | 'MustUnderstand';

/** Residence types, damage categories and refusal reasons as OBT spells them. */
export const OBT_RESIDENCE_TYPES = { main: 'Hauptwohnsitz', secondary: 'Nebenwohnsitz' } as const;
export const OBT_DAMAGE_CATEGORIES = {
  road: 'STRASSE',
  lighting: 'BELEUCHTUNG',
  waste: 'ABFALL',
  water: 'WASSER',
  'green-space': 'GRUENFLAECHE',
  other: 'ANDERE',
} as const;
export const OBT_REFUSAL_REASONS = {
  'item-not-open': 'POSTEN_NICHT_OFFEN',
  'in-debt-enforcement': 'IN_BETREIBUNG',
  'below-minimum': 'UNTER_MINDESTBETRAG',
} as const;

/** Inverts a small code table (port value → OBT value) for reading OBT's answers. */
export function invert<K extends string, V extends string>(table: Readonly<Record<K, V>>): ReadonlyMap<string, K> {
  return new Map(Object.entries(table).map(([key, value]) => [value as string, key as K]));
}
