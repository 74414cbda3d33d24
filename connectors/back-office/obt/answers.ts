/**
 * The answer payloads of every OBT operation and the port values they carry, in both directions:
 * the simulator writes them, the adapter reads them. Business faults (PERSON_UNBEKANNT) are not
 * answers; see `./call.ts`.
 */
import type {
  BirthRegisterExtractReceipt,
  ContactData,
  ContactDataChangeReceipt,
  DamageReportReceipt,
  DebtRegisterExtract,
  FeeBookingReceipt,
  InstalmentPlanResult,
  OpenItem,
  Residence,
  ResidentMatch,
  StockDeliveryResult,
} from '../port.ts';
import { field, optionalField, part, parts } from './envelope.ts';
import { invert, OBT_REFUSAL_REASONS, OBT_RESIDENCE_TYPES, type PortOperation } from './protocol.ts';
import { readAddress, writeAddress, type Codec } from './requests.ts';
import { chfToRappen, rappenToChf, readBoolean, readDate, readInteger, ValueError, writeBoolean } from './values.ts';
import type { XmlChildren, XmlNode } from './xml.ts';

export type ObtAnswers = {
  findResident: readonly ResidentMatch[];
  getResidence: Residence;
  getContactData: ContactData;
  changeContactData: ContactDataChangeReceipt;
  bookFee: FeeBookingReceipt;
  listOpenItems: readonly OpenItem[];
  requestInstalmentPlan: InstalmentPlanResult;
  forwardDamageReport: DamageReportReceipt;
  deliverStock: StockDeliveryResult;
  requestDebtRegisterExtract: DebtRegisterExtract;
  orderBirthRegisterExtract: BirthRegisterExtractReceipt;
};

const residenceTypes = invert(OBT_RESIDENCE_TYPES);
const refusalReasons = invert(OBT_REFUSAL_REASONS);

export const answerCodecs: { readonly [K in PortOperation]: Codec<ObtAnswers[K]> } = {
  findResident: {
    write: (persons) => ({ Person: persons.map(writePerson) }),
    read: (node) => parts(node, 'Person').map(readPerson),
  },
  getResidence: {
    write: (residence) => ({
      Wohnsitz: {
        Art: OBT_RESIDENCE_TYPES[residence.residenceType],
        Zuzugsdatum: residence.since,
        Wegzugsdatum: residence.movedOutOn ?? undefined,
        Gemeinde: String(residence.municipality.bfsNumber),
        Gemeindename: residence.municipality.name,
        Adresse: writeAddress(residence.address),
        Datensperre: writeBoolean(residence.blocked),
        Haushalt: { Person: residence.household.map(writePerson) },
      },
    }),
    read: (node) => {
      const residence = part(node, 'Wohnsitz');
      const residenceType = residenceTypes.get(field(residence, 'Art').trim());
      if (residenceType === undefined) throw new ValueError('unknown Wohnsitz/Art');
      const movedOutOn = optionalField(residence, 'Wegzugsdatum');
      return {
        residenceType,
        since: readDate(field(residence, 'Zuzugsdatum')),
        movedOutOn: movedOutOn === undefined ? null : readDate(movedOutOn),
        municipality: { bfsNumber: readInteger(field(residence, 'Gemeinde')), name: field(residence, 'Gemeindename') },
        address: readAddress(part(residence, 'Adresse')),
        blocked: readBoolean(field(residence, 'Datensperre')),
        // The port orders the household by resident id, whatever order OBT lists it in.
        household: parts(part(residence, 'Haushalt'), 'Person')
          .map(readPerson)
          .sort((a, b) => a.residentId.localeCompare(b.residentId)),
      };
    },
  },
  getContactData: {
    write: (contact) => ({ Kontaktdaten: writeContactData(contact) }),
    read: (node) => readContactData(part(node, 'Kontaktdaten')),
  },
  changeContactData: {
    write: (receipt) => ({ Kontaktdaten: writeContactData(receipt.contact), Aenderungsdatum: receipt.changedOn }),
    read: (node) => ({ contact: readContactData(part(node, 'Kontaktdaten')), changedOn: readDate(field(node, 'Aenderungsdatum')) }),
  },
  bookFee: {
    write: (receipt) => ({ BuchungsId: receipt.bookingId, Buchungsdatum: receipt.bookedOn }),
    read: (node) => ({ bookingId: field(node, 'BuchungsId'), bookedOn: readDate(field(node, 'Buchungsdatum')) }),
  },
  listOpenItems: {
    write: (items) => ({
      Posten: items.map((item) => ({
        PostenId: item.itemId,
        Bezeichnung: item.description,
        OffenerBetrag: rappenToChf(item.amountRappen),
        Faelligkeit: item.dueDate,
      })),
    }),
    read: (node) =>
      parts(node, 'Posten')
        .map((item) => ({
          itemId: field(item, 'PostenId'),
          description: field(item, 'Bezeichnung'),
          amountRappen: chfToRappen(field(item, 'OffenerBetrag')),
          dueDate: readDate(field(item, 'Faelligkeit')),
        }))
        // Stable: items due the same day keep OBT's order.
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  },
  requestInstalmentPlan: {
    write: (result) =>
      result.outcome === 'agreed'
        ? {
            Vereinbart: {
              RatenplanId: result.planId,
              Gesamtbetrag: rappenToChf(result.totalRappen),
              Rate: result.schedule.map((rate) => ({ Faelligkeit: rate.dueDate, Betrag: rappenToChf(rate.amountRappen) })),
            },
          }
        : { Abgelehnt: { Grund: OBT_REFUSAL_REASONS[result.reason] } },
    read: (node) => {
      const refused = optionalPart(node, 'Abgelehnt');
      if (refused !== undefined) {
        const reason = refusalReasons.get(field(refused, 'Grund').trim());
        if (reason === undefined) throw new ValueError('unknown Abgelehnt/Grund');
        return { outcome: 'refused', reason };
      }
      const agreed = part(node, 'Vereinbart');
      return {
        outcome: 'agreed',
        planId: field(agreed, 'RatenplanId'),
        totalRappen: chfToRappen(field(agreed, 'Gesamtbetrag')),
        schedule: parts(agreed, 'Rate').map((rate) => ({
          dueDate: readDate(field(rate, 'Faelligkeit')),
          amountRappen: chfToRappen(field(rate, 'Betrag')),
        })),
      };
    },
  },
  forwardDamageReport: {
    write: (receipt) => ({ TicketId: receipt.ticketId }),
    read: (node) => ({ ticketId: field(node, 'TicketId') }),
  },
  deliverStock: {
    write: (result): XmlChildren => {
      switch (result.outcome) {
        case 'dispatched':
          return { Versandt: { LieferungsId: result.deliveryId, VoraussichtlichAm: result.expectedOn } };
        case 'out-of-stock':
          return { NichtAmLager: { Verfuegbar: String(result.available) } };
        case 'unknown-article':
          return { ArtikelUnbekannt: {} };
      }
    },
    read: (node) => {
      const dispatched = optionalPart(node, 'Versandt');
      if (dispatched !== undefined) {
        return {
          outcome: 'dispatched',
          deliveryId: field(dispatched, 'LieferungsId'),
          expectedOn: readDate(field(dispatched, 'VoraussichtlichAm')),
        };
      }
      const outOfStock = optionalPart(node, 'NichtAmLager');
      if (outOfStock !== undefined) return { outcome: 'out-of-stock', available: readInteger(field(outOfStock, 'Verfuegbar')) };
      part(node, 'ArtikelUnbekannt');
      return { outcome: 'unknown-article' };
    },
  },
  requestDebtRegisterExtract: {
    write: (extract) => ({
      AuszugId: extract.extractId,
      Ausstellungsdatum: extract.issuedOn,
      AnzahlBetreibungen: String(extract.proceedings),
    }),
    read: (node) => ({
      extractId: field(node, 'AuszugId'),
      issuedOn: readDate(field(node, 'Ausstellungsdatum')),
      proceedings: readInteger(field(node, 'AnzahlBetreibungen')),
    }),
  },
  orderBirthRegisterExtract: {
    write: (receipt) => ({ BestellungsId: receipt.orderId, VoraussichtlichAm: receipt.expectedOn }),
    read: (node) => ({ orderId: field(node, 'BestellungsId'), expectedOn: readDate(field(node, 'VoraussichtlichAm')) }),
  },
};

function writePerson(person: ResidentMatch): XmlChildren {
  return { PersonId: person.residentId, Name: person.lastName, Vorname: person.firstName, Geburtsdatum: person.dateOfBirth };
}

function readPerson(node: XmlNode): ResidentMatch {
  return {
    residentId: field(node, 'PersonId'),
    firstName: field(node, 'Vorname'),
    lastName: field(node, 'Name'),
    dateOfBirth: readDate(field(node, 'Geburtsdatum')),
  };
}

/** `Kontaktdaten`: an entry the register does not hold is left out. */
function writeContactData(contact: ContactData): XmlChildren {
  return { Telefon: contact.phone ?? undefined, EMail: contact.email ?? undefined };
}

function readContactData(node: XmlNode): ContactData {
  return { phone: optionalField(node, 'Telefon')?.trim() ?? null, email: optionalField(node, 'EMail')?.trim() ?? null };
}

function optionalPart(node: XmlNode, localName: string): XmlNode | undefined {
  return parts(node, localName)[0];
}
