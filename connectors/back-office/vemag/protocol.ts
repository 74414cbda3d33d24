/**
 * The Vemag API as this adapter uses it and the simulator serves it: an older in-house
 * JSON-over-HTTP interface with its own conventions. These schemas are its single description.
 *
 * Base: `{base}/vemag/api/`. Every request carries
 *   `Authorization: VemagKey <key>` (the credential is the key itself),
 *   `X-Vemag-Mandant: <bfs>` (the municipality, "Mandant", whose data is meant),
 *   `X-Correlation-Id` (traced into Vemag's logs); request bodies are UTF-8 JSON.
 *
 * Answers: `Content-Type: application/json; charset=iso-8859-1` — Latin-1 bytes, not UTF-8;
 * characters outside Latin-1 arrive as \uXXXX escapes. Readers decode by the declared charset
 * (ISO-8859-1 when none is declared). The application answers EVERYTHING with HTTP 200 and an
 * envelope (`VemagEnvelope`): `{"ok": true, "daten": {...}}` or
 * `{"ok": false, "fehler": {"code": "E-...", "text": "...", "bestand"?: n}}`. Only the gateway in
 * front of Vemag uses statuses: 503 with an HTML page and 429 with Retry-After when overloaded,
 * 404 for paths it does not know.
 *
 * Conventions: German field names; dates 'DD.MM.YYYY'; the damage report's time
 * 'DD.MM.YYYY HH:MM:SS' on the Zurich wall clock; amounts in francs as decimal strings with
 * exactly two decimals ('1250.00'); flags 'J'/'N'; residence type 'HWS' (Hauptwohnsitz) or 'NWS'
 * (Nebenwohnsitz); no house number is `null`; phone numbers E.164 ('+41791234567'), e-mail
 * addresses as given. Writes carry the platform's reference as
 * `referenz`; Vemag answers a repeated `referenz` with the first answer and writes nothing.
 *
 * Endpoints (path: request body → `daten` of the answer; business error codes):
 *   POST einwohner/suche: `SucheAnfrage` → `SucheDaten`, all persons of the register that match,
 *     former residents included, `treffer: []` when nobody does.
 *   GET  einwohner/{id}/wohnsitz: → `WohnsitzDaten`, with `haushalt` the other members of the
 *     household ordered by id (empty after moving out); E-PERSON-UNBEKANNT.
 *   GET  einwohner/{id}/kontakt: → `KontaktDaten`, null for what the register does not hold;
 *     E-PERSON-UNBEKANNT.
 *   POST einwohner/kontaktmutationen: `KontaktmutationAnfrage`, at least one of `telefon` and
 *     `email` (left out: unchanged; null: deleted) → `KontaktmutationDaten`, the contact data
 *     after the mutation; E-PERSON-UNBEKANNT.
 *   POST finanzen/buchungen: `BuchungAnfrage` → `BuchungDaten`; E-PERSON-UNBEKANNT.
 *   GET  finanzen/debitoren/{id}/offene-posten: → `OffenePostenDaten`, oldest due date first
 *     (the debtor number is the person id); E-PERSON-UNBEKANNT.
 *   POST finanzen/ratenplaene: `RatenplanAnfrage` → `RatenplanDaten`; E-POSTEN-NICHT-OFFEN,
 *     E-POSTEN-IN-BETREIBUNG, E-RATENPLAN-UNTER-MINIMUM.
 *   POST werkhof/schadenmeldungen: `SchadenmeldungAnfrage` → `SchadenmeldungDaten`.
 *   POST lager/auslieferungen: `AuslieferungAnfrage` → `AuslieferungDaten`; E-ARTIKEL-UNBEKANNT,
 *     E-BESTAND-UNGENUEGEND (with `bestand`, the units available).
 *   POST betreibungsamt/auszuege: `BetreibungsauszugAnfrage` → `BetreibungsauszugDaten`;
 *     E-PERSON-UNBEKANNT when the office cannot identify the person unambiguously.
 *   POST zivilstandsamt/geburtsregisterauszuege: `GeburtsregisterauszugAnfrage` →
 *     `GeburtsregisterauszugDaten`.
 *
 * Error codes every endpoint may answer: E-AUTH-UNGUELTIG (key missing or wrong),
 * E-AUTH-ABGELAUFEN (key expired), E-MANDANT-UNBEKANNT (Mandant not served by this
 * installation), E-VALIDIERUNG (request body, header or value invalid), E-SYSTEM (internal
 * error; try again later).
 */
import { FormatRegistry, Type, type Static, type TProperties } from '@sinclair/typebox';
import { E164_PATTERN, EMAIL_MAX_LENGTH, EMAIL_PATTERN } from '../contact-data.ts';
import { isSwissDate } from './encoding.ts';

export const VEMAG_API_ROOT = 'vemag/api/';
export const VEMAG_AUTH_SCHEME = 'VemagKey';
export const VEMAG_MANDANT_HEADER = 'x-vemag-mandant';
export const VEMAG_CONTENT_TYPE = 'application/json; charset=iso-8859-1';

export const VemagFehlercode = {
  authUngueltig: 'E-AUTH-UNGUELTIG',
  authAbgelaufen: 'E-AUTH-ABGELAUFEN',
  mandantUnbekannt: 'E-MANDANT-UNBEKANNT',
  validierung: 'E-VALIDIERUNG',
  system: 'E-SYSTEM',
  personUnbekannt: 'E-PERSON-UNBEKANNT',
  postenNichtOffen: 'E-POSTEN-NICHT-OFFEN',
  postenInBetreibung: 'E-POSTEN-IN-BETREIBUNG',
  unterMinimum: 'E-RATENPLAN-UNTER-MINIMUM',
  artikelUnbekannt: 'E-ARTIKEL-UNBEKANNT',
  bestandUngenuegend: 'E-BESTAND-UNGENUEGEND',
} as const;
export type VemagFehlercode = (typeof VemagFehlercode)[keyof typeof VemagFehlercode];

export const vemagPaths = {
  suche: 'einwohner/suche',
  wohnsitz: (personId: string) => `einwohner/${encodeURIComponent(personId)}/wohnsitz`,
  kontakt: (personId: string) => `einwohner/${encodeURIComponent(personId)}/kontakt`,
  kontaktmutationen: 'einwohner/kontaktmutationen',
  buchungen: 'finanzen/buchungen',
  offenePosten: (personId: string) => `finanzen/debitoren/${encodeURIComponent(personId)}/offene-posten`,
  ratenplaene: 'finanzen/ratenplaene',
  schadenmeldungen: 'werkhof/schadenmeldungen',
  auslieferungen: 'lager/auslieferungen',
  betreibungsauszuege: 'betreibungsamt/auszuege',
  geburtsregisterauszuege: 'zivilstandsamt/geburtsregisterauszuege',
} as const;

// A format rather than a pattern, so that 31.02.2024 fails the shape check and names its path.
FormatRegistry.Set('vemag-datum', isSwissDate);

const Datum = Type.String({ format: 'vemag-datum' });
const DatumZeit = Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}$' });
const Betrag = Type.String({ pattern: '^\\d{1,13}\\.\\d{2}$' });
const Referenz = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const strict = { additionalProperties: false } as const;

const adresse = {
  strasse: Text(100),
  hausnummer: Type.Union([Text(12), Type.Null()]),
  plz: Type.String({ pattern: '^\\d{4}$' }),
  ort: Text(100),
} satisfies TProperties;
const Lieferadresse = Type.Object({ empfaenger: Text(100), ...adresse }, strict);
const person = { name: Text(100), vorname: Text(100), geburtsdatum: Datum } satisfies TProperties;
const kontakt = {
  telefon: Type.Union([Type.String({ pattern: E164_PATTERN }), Type.Null()]),
  email: Type.Union([Type.String({ pattern: EMAIL_PATTERN, maxLength: EMAIL_MAX_LENGTH }), Type.Null()]),
} satisfies TProperties;

// ---------------------------------------------------------------------------------------------
// Requests (strict: Vemag answers E-VALIDIERUNG to unknown fields)

export const SucheAnfrage = Type.Union([
  Type.Object(person, strict),
  Type.Object({ ahvNr: Type.String({ pattern: '^756\\.\\d{4}\\.\\d{4}\\.\\d{2}$' }) }, strict),
]);
export type SucheAnfrage = Static<typeof SucheAnfrage>;

/** `referenz`, `personId` and at least one of `telefon` and `email`. */
export const KontaktmutationAnfrage = Type.Object(
  { referenz: Referenz, personId: Id, telefon: Type.Optional(kontakt.telefon), email: Type.Optional(kontakt.email) },
  { ...strict, minProperties: 3 },
);
export type KontaktmutationAnfrage = Static<typeof KontaktmutationAnfrage>;

export const BuchungAnfrage = Type.Object(
  { referenz: Referenz, personId: Id, betrag: Betrag, konto: Type.String({ pattern: '^[0-9A-Za-z.-]{1,20}$' }), text: Text(80) },
  strict,
);
export type BuchungAnfrage = Static<typeof BuchungAnfrage>;

export const RatenplanAnfrage = Type.Object(
  {
    referenz: Referenz,
    personId: Id,
    postenNr: Type.Array(Id, { minItems: 1, maxItems: 50 }),
    anzahlRaten: Type.Integer({ minimum: 2, maximum: 12 }),
    ersteFaelligkeit: Datum,
  },
  strict,
);
export type RatenplanAnfrage = Static<typeof RatenplanAnfrage>;

export const Schadenkategorie = Type.Union([
  Type.Literal('STRASSE'),
  Type.Literal('BELEUCHTUNG'),
  Type.Literal('ABFALL'),
  Type.Literal('WASSER'),
  Type.Literal('GRUENANLAGE'),
  Type.Literal('DIVERSES'),
]);
export type Schadenkategorie = Static<typeof Schadenkategorie>;

export const SchadenmeldungAnfrage = Type.Object(
  {
    referenz: Referenz,
    kategorie: Schadenkategorie,
    beschreibung: Text(2000),
    /** WGS84 degrees. */
    standort: Type.Object(
      { breite: Type.Number({ minimum: -90, maximum: 90 }), laenge: Type.Number({ minimum: -180, maximum: 180 }) },
      strict,
    ),
    gemeldetAm: DatumZeit,
  },
  strict,
);
export type SchadenmeldungAnfrage = Static<typeof SchadenmeldungAnfrage>;

export const AuslieferungAnfrage = Type.Object(
  { referenz: Referenz, artikelNr: Text(40), menge: Type.Integer({ minimum: 1, maximum: 100 }), lieferadresse: Lieferadresse },
  strict,
);
export type AuslieferungAnfrage = Static<typeof AuslieferungAnfrage>;

export const BetreibungsauszugAnfrage = Type.Object(
  { referenz: Referenz, person: Type.Object({ ...person, adresse: Type.Object(adresse, strict) }, strict) },
  strict,
);
export type BetreibungsauszugAnfrage = Static<typeof BetreibungsauszugAnfrage>;

export const GeburtsregisterauszugAnfrage = Type.Object(
  {
    referenz: Referenz,
    person: Type.Object({ ...person, geburtsort: Text(100) }, strict),
    lieferadresse: Lieferadresse,
  },
  strict,
);
export type GeburtsregisterauszugAnfrage = Static<typeof GeburtsregisterauszugAnfrage>;

// ---------------------------------------------------------------------------------------------
// Answers (lenient: fields Vemag adds later do not break the adapter)

export const VemagEnvelope = Type.Union([
  Type.Object({ ok: Type.Literal(true), daten: Type.Unknown() }),
  Type.Object({
    ok: Type.Literal(false),
    fehler: Type.Object({
      code: Type.String(),
      text: Type.String(),
      bestand: Type.Optional(Type.Integer({ minimum: 0 })),
    }),
  }),
]);
export type VemagEnvelope = Static<typeof VemagEnvelope>;
export type VemagFehler = Extract<VemagEnvelope, { ok: false }>['fehler'];

export const Person = Type.Object({ id: Id, ...person });
export type Person = Static<typeof Person>;

export const SucheDaten = Type.Object({ treffer: Type.Array(Person) });
export type SucheDaten = Static<typeof SucheDaten>;

export const WohnsitzDaten = Type.Object({
  id: Id,
  wohnsitzart: Type.Union([Type.Literal('HWS'), Type.Literal('NWS')]),
  zuzugsdatum: Datum,
  wegzugsdatum: Type.Union([Datum, Type.Null()]),
  gemeinde: Type.Object({ bfsNr: Type.Integer({ minimum: 1, maximum: 9999 }), name: Text(100) }),
  adresse: Type.Object(adresse),
  sperre: Type.Union([Type.Literal('J'), Type.Literal('N')]),
  haushalt: Type.Array(Person),
});
export type WohnsitzDaten = Static<typeof WohnsitzDaten>;

export const KontaktDaten = Type.Object({ id: Id, ...kontakt });
export type KontaktDaten = Static<typeof KontaktDaten>;

export const KontaktmutationDaten = Type.Object({ ...kontakt, mutiertAm: Datum });
export type KontaktmutationDaten = Static<typeof KontaktmutationDaten>;

export const BuchungDaten = Type.Object({ belegNr: Id, buchungsdatum: Datum });
export type BuchungDaten = Static<typeof BuchungDaten>;

export const OffenePostenDaten = Type.Object({
  posten: Type.Array(Type.Object({ postenNr: Id, bezeichnung: Type.String(), offenerBetrag: Betrag, faelligAm: Datum })),
});
export type OffenePostenDaten = Static<typeof OffenePostenDaten>;

export const RatenplanDaten = Type.Object({
  planNr: Id,
  total: Betrag,
  raten: Type.Array(Type.Object({ faelligAm: Datum, betrag: Betrag }), { minItems: 1 }),
});
export type RatenplanDaten = Static<typeof RatenplanDaten>;

export const SchadenmeldungDaten = Type.Object({ ticketNr: Id });
export type SchadenmeldungDaten = Static<typeof SchadenmeldungDaten>;

export const AuslieferungDaten = Type.Object({ lieferscheinNr: Id, lieferdatum: Datum });
export type AuslieferungDaten = Static<typeof AuslieferungDaten>;

export const BetreibungsauszugDaten = Type.Object({
  auszugNr: Id,
  ausgestelltAm: Datum,
  anzahlBetreibungen: Type.Integer({ minimum: 0 }),
});
export type BetreibungsauszugDaten = Static<typeof BetreibungsauszugDaten>;

export const GeburtsregisterauszugDaten = Type.Object({ bestellNr: Id, voraussichtlichAm: Datum });
export type GeburtsregisterauszugDaten = Static<typeof GeburtsregisterauszugDaten>;
