/**
 * Translations between the port's values and Vemag's wire values, both directions, so that
 * adapter and simulator share one table for each vocabulary (categories, refusals, addresses).
 * Answer readers expect data that passed its schema: dates and amounts are then known valid.
 */
import type {
  DamageCategory,
  InstalmentPlanRefusal,
  IsoDate,
  PostalAddress,
  Rappen,
  Residence,
  ResidentMatch,
} from '../port.ts';
import { fromFrancs, fromSwissDate } from './encoding.ts';
import { VemagFehlercode, type Person, type Schadenkategorie, type WohnsitzDaten } from './protocol.ts';

export const KATEGORIE_BY_CATEGORY = {
  road: 'STRASSE',
  lighting: 'BELEUCHTUNG',
  waste: 'ABFALL',
  water: 'WASSER',
  'green-space': 'GRUENANLAGE',
  other: 'DIVERSES',
} as const satisfies Record<DamageCategory, Schadenkategorie>;

export const CATEGORY_BY_KATEGORIE = Object.fromEntries(
  Object.entries(KATEGORIE_BY_CATEGORY).map(([category, kategorie]) => [kategorie, category]),
) as Record<Schadenkategorie, DamageCategory>;

export const CODE_BY_REFUSAL = {
  'item-not-open': VemagFehlercode.postenNichtOffen,
  'in-debt-enforcement': VemagFehlercode.postenInBetreibung,
  'below-minimum': VemagFehlercode.unterMinimum,
} as const satisfies Record<InstalmentPlanRefusal, VemagFehlercode>;

/** The refusal a Vemag code stands for, or undefined when the code is none. */
export function refusalOf(code: string): InstalmentPlanRefusal | undefined {
  const found = Object.entries(CODE_BY_REFUSAL).find(([, refusalCode]) => refusalCode === code);
  return found?.[0] as InstalmentPlanRefusal | undefined;
}

export type VemagAdresse = { strasse: string; hausnummer: string | null; plz: string; ort: string };

export function toAdresse(address: PostalAddress): VemagAdresse {
  return { strasse: address.street, hausnummer: address.houseNumber, plz: address.postalCode, ort: address.town };
}

export function fromAdresse(adresse: VemagAdresse): PostalAddress {
  return { street: adresse.strasse, houseNumber: adresse.hausnummer, postalCode: adresse.plz, town: adresse.ort };
}

export function toLieferadresse(address: PostalAddress & { readonly recipient: string }) {
  return { empfaenger: address.recipient, ...toAdresse(address) };
}

/** A date from a checked answer; the 'vemag-datum' format guarantees that it converts. */
export function checkedDate(value: string): IsoDate {
  return fromSwissDate(value) as IsoDate;
}

/** An amount from a checked answer; the schema's pattern guarantees that it converts. */
export function checkedAmount(value: string): Rappen {
  return fromFrancs(value) as Rappen;
}

export function toMatch(person: Person): ResidentMatch {
  return { residentId: person.id, firstName: person.vorname, lastName: person.name, dateOfBirth: checkedDate(person.geburtsdatum) };
}

export function toResidence(wohnsitz: WohnsitzDaten): Residence {
  return {
    residenceType: wohnsitz.wohnsitzart === 'HWS' ? 'main' : 'secondary',
    since: checkedDate(wohnsitz.zuzugsdatum),
    movedOutOn: wohnsitz.wegzugsdatum === null ? null : checkedDate(wohnsitz.wegzugsdatum),
    municipality: { bfsNumber: wohnsitz.gemeinde.bfsNr, name: wohnsitz.gemeinde.name },
    address: fromAdresse(wohnsitz.adresse),
    blocked: wohnsitz.sperre === 'J',
    household: wohnsitz.haushalt.map(toMatch),
  };
}
