/** The simulator's renderings of the simulated back office's domain values in Vemag's wire format. */
import type { Residence, StockDeliveryResult, InstalmentPlanResult } from '../../../connectors/back-office/port.ts';
import type { SeededResident } from '../seed.ts';
import { toFrancs, toSwissDate } from '../../../connectors/back-office/vemag/encoding.ts';
import { toAdresse } from '../../../connectors/back-office/vemag/mapping.ts';
import { VemagFehlercode, type AuslieferungDaten, type Person, type RatenplanDaten, type VemagEnvelope, type WohnsitzDaten } from '../../../connectors/back-office/vemag/protocol.ts';

/** The envelope of every answer of the Vemag application. */
export type Antwort = VemagEnvelope;

const TEXT: Record<string, string> = {
  [VemagFehlercode.authUngueltig]: 'Schlüssel ungültig',
  [VemagFehlercode.authAbgelaufen]: 'Schlüssel abgelaufen',
  [VemagFehlercode.mandantUnbekannt]: 'Mandant unbekannt',
  [VemagFehlercode.validierung]: 'Anfrage ungültig',
  [VemagFehlercode.system]: 'Systemfehler, später erneut versuchen',
  [VemagFehlercode.personUnbekannt]: 'Person unbekannt',
  [VemagFehlercode.postenNichtOffen]: 'Posten nicht offen',
  [VemagFehlercode.postenInBetreibung]: 'Posten in Betreibung',
  [VemagFehlercode.unterMinimum]: 'Betrag unter dem Minimum für Ratenpläne',
  [VemagFehlercode.artikelUnbekannt]: 'Artikel unbekannt',
  [VemagFehlercode.bestandUngenuegend]: 'Bestand ungenügend',
};

/** Vemag's error answer; `bestand` only with E-BESTAND-UNGENUEGEND. */
export const fehler = (code: string, bestand?: number): Antwort => ({
  ok: false,
  fehler: { code, text: TEXT[code] ?? code, ...(bestand === undefined ? {} : { bestand }) },
});
export const daten = (value: unknown): Antwort => ({ ok: true, daten: value });

export function renderPerson(person: Pick<SeededResident, 'id' | 'firstName' | 'lastName' | 'dateOfBirth'>): Person {
  return { id: person.id, name: person.lastName, vorname: person.firstName, geburtsdatum: toSwissDate(person.dateOfBirth) };
}

export function renderWohnsitz(id: string, residence: Residence): WohnsitzDaten {
  return {
    id,
    wohnsitzart: residence.residenceType === 'main' ? 'HWS' : 'NWS',
    zuzugsdatum: toSwissDate(residence.since),
    wegzugsdatum: residence.movedOutOn === null ? null : toSwissDate(residence.movedOutOn),
    gemeinde: { bfsNr: residence.municipality.bfsNumber, name: residence.municipality.name },
    adresse: toAdresse(residence.address),
    sperre: residence.blocked ? 'J' : 'N',
    haushalt: residence.household.map((member) =>
      renderPerson({ id: member.residentId, firstName: member.firstName, lastName: member.lastName, dateOfBirth: member.dateOfBirth }),
    ),
  };
}

export function renderRatenplan(plan: Extract<InstalmentPlanResult, { outcome: 'agreed' }>): RatenplanDaten {
  return {
    planNr: plan.planId,
    total: toFrancs(plan.totalRappen),
    raten: plan.schedule.map((rate) => ({ faelligAm: toSwissDate(rate.dueDate), betrag: toFrancs(rate.amountRappen) })),
  };
}

export function renderAuslieferung(delivery: Extract<StockDeliveryResult, { outcome: 'dispatched' }>): AuslieferungDaten {
  return { lieferscheinNr: delivery.deliveryId, lieferdatum: toSwissDate(delivery.expectedOn) };
}
