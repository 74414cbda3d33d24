/**
 * The request payloads of every OBT operation (after `Gemeinde`) and the port values they carry,
 * in both directions: the adapter writes them, the simulator reads them. Element names and order
 * follow the schema in `gemeinde-v3.wsdl`.
 */
import type {
  BirthRegisterExtractOrder,
  ContactDataChange,
  DamageReport,
  DebtRegisterExtractRequest,
  FeeBooking,
  InstalmentPlanRequest,
  IsoDate,
  PostalAddress,
  ResidentId,
  StockDeliveryOrder,
} from '../port.ts';
import { field, optionalField, part, parts } from './envelope.ts';
import { invert, OBT_DAMAGE_CATEGORIES, OBT_NAMESPACE, XSI_NAMESPACE, type PortOperation } from './protocol.ts';
import { chfToRappen, rappenToChf, readDate, readDecimal, readInteger, ValueError, writeDegrees } from './values.ts';
import { attributeNamed, childNamed, type XmlChildren, type XmlNode } from './xml.ts';

/** Writes a port value as an element's children and reads it back. */
export type Codec<T> = { write(value: T): XmlChildren; read(node: XmlNode): T };

/** A search by name, or by the 13 digits of a valid AHV number. */
export type PersonSearch =
  | { readonly kind: 'name'; readonly firstName: string; readonly lastName: string; readonly dateOfBirth: IsoDate }
  | { readonly kind: 'vn'; readonly digits: string };

export type ObtRequests = {
  findResident: PersonSearch;
  getResidence: { readonly residentId: ResidentId };
  getContactData: { readonly residentId: ResidentId };
  changeContactData: ContactDataChange;
  bookFee: FeeBooking;
  listOpenItems: { readonly residentId: ResidentId };
  requestInstalmentPlan: InstalmentPlanRequest;
  forwardDamageReport: DamageReport;
  deliverStock: StockDeliveryOrder;
  requestDebtRegisterExtract: DebtRegisterExtractRequest;
  orderBirthRegisterExtract: BirthRegisterExtractOrder;
};

const damageCategories = invert(OBT_DAMAGE_CATEGORIES);

export const requestCodecs: { readonly [K in PortOperation]: Codec<ObtRequests[K]> } = {
  findResident: {
    write: (search) =>
      search.kind === 'vn'
        ? { AHVN13: search.digits }
        : { Name: search.lastName, Vorname: search.firstName, Geburtsdatum: search.dateOfBirth },
    read: (node) => {
      const vn = optionalField(node, 'AHVN13');
      if (vn !== undefined) return { kind: 'vn', digits: vn.trim() };
      return { kind: 'name', lastName: field(node, 'Name'), firstName: field(node, 'Vorname'), dateOfBirth: readDate(field(node, 'Geburtsdatum')) };
    },
  },
  getResidence: personId(),
  getContactData: personId(),
  changeContactData: {
    write: (change) => ({
      Referenz: change.reference,
      PersonId: change.residentId,
      Telefon: nillable(change.phone),
      EMail: nillable(change.email),
    }),
    read: (node) => {
      const phone = readNillable(node, 'Telefon');
      const email = readNillable(node, 'EMail');
      return {
        reference: field(node, 'Referenz'),
        residentId: field(node, 'PersonId'),
        ...(phone === undefined ? {} : { phone }),
        ...(email === undefined ? {} : { email }),
      };
    },
  },
  bookFee: {
    write: (booking) => ({
      Referenz: booking.reference,
      PersonId: booking.residentId,
      Betrag: rappenToChf(booking.amountRappen),
      Konto: booking.account,
      Buchungstext: booking.bookingText,
    }),
    read: (node) => ({
      reference: field(node, 'Referenz'),
      residentId: field(node, 'PersonId'),
      amountRappen: chfToRappen(field(node, 'Betrag')),
      account: field(node, 'Konto'),
      bookingText: field(node, 'Buchungstext'),
    }),
  },
  listOpenItems: personId(),
  requestInstalmentPlan: {
    write: (request) => ({
      Referenz: request.reference,
      PersonId: request.residentId,
      PostenId: [...request.itemIds],
      AnzahlRaten: String(request.instalments),
      ErsteFaelligkeit: request.firstDueDate,
    }),
    read: (node) => ({
      reference: field(node, 'Referenz'),
      residentId: field(node, 'PersonId'),
      itemIds: parts(node, 'PostenId').map((item) => item.text),
      instalments: readInteger(field(node, 'AnzahlRaten')),
      firstDueDate: readDate(field(node, 'ErsteFaelligkeit')),
    }),
  },
  forwardDamageReport: {
    write: (report) => ({
      Referenz: report.reference,
      Kategorie: OBT_DAMAGE_CATEGORIES[report.category],
      Beschreibung: report.description,
      Standort: { Breitengrad: writeDegrees(report.location.latitude), Laengengrad: writeDegrees(report.location.longitude) },
      GemeldetAm: report.reportedAt,
    }),
    read: (node) => {
      const category = damageCategories.get(field(node, 'Kategorie').trim());
      if (category === undefined) throw new ValueError('unknown Kategorie');
      const location = part(node, 'Standort');
      return {
        reference: field(node, 'Referenz'),
        category,
        description: field(node, 'Beschreibung'),
        location: { latitude: readDecimal(field(location, 'Breitengrad')), longitude: readDecimal(field(location, 'Laengengrad')) },
        reportedAt: field(node, 'GemeldetAm').trim(),
      };
    },
  },
  deliverStock: {
    write: (order) => ({
      Referenz: order.reference,
      Artikelnummer: order.articleCode,
      Menge: String(order.quantity),
      Lieferadresse: writeDeliveryAddress(order.deliveryAddress),
    }),
    read: (node) => ({
      reference: field(node, 'Referenz'),
      articleCode: field(node, 'Artikelnummer'),
      quantity: readInteger(field(node, 'Menge')),
      deliveryAddress: readDeliveryAddress(part(node, 'Lieferadresse')),
    }),
  },
  requestDebtRegisterExtract: {
    write: ({ reference, person }) => ({
      Referenz: reference,
      Person: { Name: person.lastName, Vorname: person.firstName, Geburtsdatum: person.dateOfBirth, Adresse: writeAddress(person.address) },
    }),
    read: (node) => {
      const person = part(node, 'Person');
      return {
        reference: field(node, 'Referenz'),
        person: { ...readNames(person), address: readAddress(part(person, 'Adresse')) },
      };
    },
  },
  orderBirthRegisterExtract: {
    write: ({ reference, person, deliveryAddress }) => ({
      Referenz: reference,
      Person: { Name: person.lastName, Vorname: person.firstName, Geburtsdatum: person.dateOfBirth, Geburtsort: person.placeOfBirth },
      Lieferadresse: writeDeliveryAddress(deliveryAddress),
    }),
    read: (node) => {
      const person = part(node, 'Person');
      return {
        reference: field(node, 'Referenz'),
        person: { ...readNames(person), placeOfBirth: field(person, 'Geburtsort') },
        deliveryAddress: readDeliveryAddress(part(node, 'Lieferadresse')),
      };
    },
  },
};

function personId(): Codec<{ readonly residentId: ResidentId }> {
  return { write: ({ residentId }) => ({ PersonId: residentId }), read: (node) => ({ residentId: field(node, 'PersonId') }) };
}

/** A value, xsi:nil for null, nothing for undefined (the element is left out). */
function nillable(value: string | null | undefined): XmlChildren | string | undefined {
  return value === null ? { '@xmlns:xsi': XSI_NAMESPACE, '@xsi:nil': 'true' } : value;
}

function readNillable(node: XmlNode, localName: string): string | null | undefined {
  const element = childNamed(node, OBT_NAMESPACE, localName);
  if (element === undefined) return undefined;
  const nil = attributeNamed(element, XSI_NAMESPACE, 'nil')?.trim();
  return nil === 'true' || nil === '1' ? null : element.text.trim();
}

function readNames(person: XmlNode) {
  return { lastName: field(person, 'Name'), firstName: field(person, 'Vorname'), dateOfBirth: readDate(field(person, 'Geburtsdatum')) };
}

/** `Adresse` (also inside answers): no house number leaves `Hausnummer` out. */
export function writeAddress(address: PostalAddress): XmlChildren {
  return { Strasse: address.street, Hausnummer: address.houseNumber ?? undefined, Postleitzahl: address.postalCode, Ort: address.town };
}

export function readAddress(node: XmlNode): PostalAddress {
  return {
    street: field(node, 'Strasse'),
    houseNumber: optionalField(node, 'Hausnummer') ?? null,
    postalCode: field(node, 'Postleitzahl').trim(),
    town: field(node, 'Ort'),
  };
}

function writeDeliveryAddress(address: PostalAddress & { readonly recipient: string }): XmlChildren {
  return { Empfaenger: address.recipient, ...writeAddress(address) };
}

function readDeliveryAddress(node: XmlNode): PostalAddress & { readonly recipient: string } {
  return { recipient: field(node, 'Empfaenger'), ...readAddress(node) };
}
