/** The back-office port over the Vemag API (see `./protocol.ts`). */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parseAhvNumber } from '../ahv-number.ts';
import { BackOfficeRejectedError } from '../errors.ts';
import { withTrailingSlash } from '../http/exchange.ts';
import { isQueryByAhv, type BackOfficeAdapterOptions, type BackOfficeOperation, type BackOfficePort } from '../port.ts';
import { toFrancs, toSwissDate, toZurichDateTime } from './encoding.ts';
import { VEMAG_DISPLAY_NAME, callVemag, readShape, unexpectedCode, type VemagCall, type VemagOutcome } from './http.ts';
import {
  KATEGORIE_BY_CATEGORY,
  checkedAmount,
  checkedDate,
  refusalOf,
  toAdresse,
  toLieferadresse,
  toMatch,
  toResidence,
} from './mapping.ts';
import {
  AuslieferungDaten,
  BetreibungsauszugDaten,
  BuchungDaten,
  GeburtsregisterauszugDaten,
  KontaktDaten,
  KontaktmutationDaten,
  OffenePostenDaten,
  RatenplanDaten,
  SchadenmeldungDaten,
  SucheDaten,
  VEMAG_API_ROOT,
  VemagFehlercode,
  WohnsitzDaten,
  vemagPaths,
} from './protocol.ts';

export const VEMAG_VENDOR = 'vemag';

const suche = TypeCompiler.Compile(SucheDaten);
const wohnsitz = TypeCompiler.Compile(WohnsitzDaten);
const kontaktDaten = TypeCompiler.Compile(KontaktDaten);
const kontaktmutation = TypeCompiler.Compile(KontaktmutationDaten);
const buchung = TypeCompiler.Compile(BuchungDaten);
const offenePosten = TypeCompiler.Compile(OffenePostenDaten);
const ratenplan = TypeCompiler.Compile(RatenplanDaten);
const schadenmeldung = TypeCompiler.Compile(SchadenmeldungDaten);
const auslieferung = TypeCompiler.Compile(AuslieferungDaten);
const betreibungsauszug = TypeCompiler.Compile(BetreibungsauszugDaten);
const geburtsregisterauszug = TypeCompiler.Compile(GeburtsregisterauszugDaten);

/** Creates the Vemag adapter; the credential is the Vemag key, sent as `Authorization: VemagKey <key>`. */
export function createVemagAdapter(options: BackOfficeAdapterOptions): BackOfficePort {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('createVemagAdapter: timeoutMs must be a positive number');
  }
  if (!/^[\x21-\x7e]+$/.test(options.credential)) {
    throw new RangeError('createVemagAdapter: the credential must be a Vemag key of printable ASCII');
  }
  const settings = {
    apiRoot: new URL(VEMAG_API_ROOT, withTrailingSlash(options.baseUrl)),
    credential: options.credential,
    timeoutMs: options.timeoutMs,
  };
  const { logger } = options;
  const call = (request: VemagCall): Promise<VemagOutcome> => callVemag(settings, request);

  /** `daten` of the answer, or null for E-PERSON-UNBEKANNT; other business codes mean nothing here. */
  async function dataOrUnknownPerson(request: VemagCall): Promise<unknown> {
    const outcome = await call(request);
    if (outcome.ok) return outcome.daten;
    if (outcome.fehler.code === VemagFehlercode.personUnbekannt) return null;
    throw unexpectedCode(request.operation);
  }

  return {
    vendor: VEMAG_VENDOR,

    async findResident(query, context) {
      const operation = 'findResident';
      let body;
      if (isQueryByAhv(query)) {
        const ahv = parseAhvNumber(query.ahvNumber);
        if (ahv === null) {
          // Nobody has an invalid number: a business answer, and no reason to ask Vemag.
          logger.info({ correlationId: context.correlationId, vendor: VEMAG_VENDOR, operation }, 'invalid AHV number, not searched');
          return null;
        }
        body = { ahvNr: ahv.formatted };
      } else {
        body = encoded(operation, () => ({ name: query.lastName, vorname: query.firstName, geburtsdatum: toSwissDate(query.dateOfBirth) }));
      }
      const daten = await dataOrUnknownPerson({ operation, method: 'POST', path: vemagPaths.suche, body, context });
      if (daten === null) return null;
      const { treffer } = readShape(suche, daten, operation, '/daten');
      const [person] = treffer;
      if (treffer.length > 1) {
        logger.info(
          { correlationId: context.correlationId, vendor: VEMAG_VENDOR, operation, matchCount: treffer.length },
          'several residents match, none returned',
        );
      }
      return person === undefined || treffer.length > 1 ? null : toMatch(person);
    },

    async getResidence(residentId, context) {
      const operation = 'getResidence';
      const daten = await dataOrUnknownPerson({ operation, method: 'GET', path: vemagPaths.wohnsitz(residentId), context });
      return daten === null ? null : toResidence(readShape(wohnsitz, daten, operation, '/daten'));
    },

    async getContactData(residentId, context) {
      const operation = 'getContactData';
      const daten = await dataOrUnknownPerson({ operation, method: 'GET', path: vemagPaths.kontakt(residentId), context });
      if (daten === null) return null;
      const kontakt = readShape(kontaktDaten, daten, operation, '/daten');
      return { phone: kontakt.telefon, email: kontakt.email };
    },

    async changeContactData(change, context) {
      const operation = 'changeContactData';
      // Undefined fields are left out of the JSON: Vemag keeps what a mutation does not name.
      const body = { referenz: change.reference, personId: change.residentId, telefon: change.phone, email: change.email };
      const daten = await dataOrUnknownPerson({ operation, method: 'POST', path: vemagPaths.kontaktmutationen, body, context });
      if (daten === null) return null;
      const mutation = readShape(kontaktmutation, daten, operation, '/daten');
      return { contact: { phone: mutation.telefon, email: mutation.email }, changedOn: checkedDate(mutation.mutiertAm) };
    },

    async bookFee(booking, context) {
      const operation = 'bookFee';
      const body = encoded(operation, () => ({
        referenz: booking.reference,
        personId: booking.residentId,
        betrag: toFrancs(booking.amountRappen),
        konto: booking.account,
        text: booking.bookingText,
      }));
      const daten = await dataOrUnknownPerson({ operation, method: 'POST', path: vemagPaths.buchungen, body, context });
      if (daten === null) return null;
      const beleg = readShape(buchung, daten, operation, '/daten');
      return { bookingId: beleg.belegNr, bookedOn: checkedDate(beleg.buchungsdatum) };
    },

    async listOpenItems(residentId, context) {
      const operation = 'listOpenItems';
      const daten = await dataOrUnknownPerson({ operation, method: 'GET', path: vemagPaths.offenePosten(residentId), context });
      if (daten === null) return null;
      return readShape(offenePosten, daten, operation, '/daten').posten.map((posten) => ({
        itemId: posten.postenNr,
        description: posten.bezeichnung,
        amountRappen: checkedAmount(posten.offenerBetrag),
        dueDate: checkedDate(posten.faelligAm),
      }));
    },

    async requestInstalmentPlan(request, context) {
      const operation = 'requestInstalmentPlan';
      const body = encoded(operation, () => ({
        referenz: request.reference,
        personId: request.residentId,
        postenNr: request.itemIds,
        anzahlRaten: request.instalments,
        ersteFaelligkeit: toSwissDate(request.firstDueDate),
      }));
      const outcome = await call({ operation, method: 'POST', path: vemagPaths.ratenplaene, body, context });
      if (!outcome.ok) {
        // Items of an unknown person are, for the port, items that are not the resident's.
        const reason = outcome.fehler.code === VemagFehlercode.personUnbekannt ? 'item-not-open' : refusalOf(outcome.fehler.code);
        if (reason === undefined) throw unexpectedCode(operation);
        return { outcome: 'refused', reason };
      }
      const plan = readShape(ratenplan, outcome.daten, operation, '/daten');
      return {
        outcome: 'agreed',
        planId: plan.planNr,
        totalRappen: checkedAmount(plan.total),
        schedule: plan.raten.map((rate) => ({ dueDate: checkedDate(rate.faelligAm), amountRappen: checkedAmount(rate.betrag) })),
      };
    },

    async forwardDamageReport(report, context) {
      const operation = 'forwardDamageReport';
      const body = encoded(operation, () => ({
        referenz: report.reference,
        kategorie: KATEGORIE_BY_CATEGORY[report.category],
        beschreibung: report.description,
        standort: { breite: report.location.latitude, laenge: report.location.longitude },
        gemeldetAm: toZurichDateTime(report.reportedAt),
      }));
      const outcome = await call({ operation, method: 'POST', path: vemagPaths.schadenmeldungen, body, context });
      if (!outcome.ok) throw unexpectedCode(operation);
      return { ticketId: readShape(schadenmeldung, outcome.daten, operation, '/daten').ticketNr };
    },

    async deliverStock(order, context) {
      const operation = 'deliverStock';
      const body = {
        referenz: order.reference,
        artikelNr: order.articleCode,
        menge: order.quantity,
        lieferadresse: toLieferadresse(order.deliveryAddress),
      };
      const outcome = await call({ operation, method: 'POST', path: vemagPaths.auslieferungen, body, context });
      if (!outcome.ok) {
        const { code, bestand } = outcome.fehler;
        if (code === VemagFehlercode.artikelUnbekannt) return { outcome: 'unknown-article' };
        if (code === VemagFehlercode.bestandUngenuegend && bestand !== undefined) return { outcome: 'out-of-stock', available: bestand };
        throw unexpectedCode(operation);
      }
      const lieferung = readShape(auslieferung, outcome.daten, operation, '/daten');
      return { outcome: 'dispatched', deliveryId: lieferung.lieferscheinNr, expectedOn: checkedDate(lieferung.lieferdatum) };
    },

    async requestDebtRegisterExtract(request, context) {
      const operation = 'requestDebtRegisterExtract';
      const { person } = request;
      const body = encoded(operation, () => ({
        referenz: request.reference,
        person: { name: person.lastName, vorname: person.firstName, geburtsdatum: toSwissDate(person.dateOfBirth), adresse: toAdresse(person.address) },
      }));
      const daten = await dataOrUnknownPerson({ operation, method: 'POST', path: vemagPaths.betreibungsauszuege, body, context });
      if (daten === null) return null;
      const auszug = readShape(betreibungsauszug, daten, operation, '/daten');
      return { extractId: auszug.auszugNr, issuedOn: checkedDate(auszug.ausgestelltAm), proceedings: auszug.anzahlBetreibungen };
    },

    async orderBirthRegisterExtract(order, context) {
      const operation = 'orderBirthRegisterExtract';
      const { person } = order;
      const body = encoded(operation, () => ({
        referenz: order.reference,
        person: { name: person.lastName, vorname: person.firstName, geburtsdatum: toSwissDate(person.dateOfBirth), geburtsort: person.placeOfBirth },
        lieferadresse: toLieferadresse(order.deliveryAddress),
      }));
      const outcome = await call({ operation, method: 'POST', path: vemagPaths.geburtsregisterauszuege, body, context });
      if (!outcome.ok) throw unexpectedCode(operation);
      const bestellung = readShape(geburtsregisterauszug, outcome.daten, operation, '/daten');
      return { orderId: bestellung.bestellNr, expectedOn: checkedDate(bestellung.voraussichtlichAm) };
    },
  };
}

/**
 * The request body; a value Vemag's format cannot carry (no calendar date, a fraction of a
 * Rappen) is refused here, as Vemag would refuse it with E-VALIDIERUNG.
 */
function encoded<T>(operation: BackOfficeOperation, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new BackOfficeRejectedError(`${VEMAG_DISPLAY_NAME} ${operation}: request not valid for Vemag`, {
      vendor: VEMAG_DISPLAY_NAME,
      operation,
      status: 400,
      cause: error,
    });
  }
}
