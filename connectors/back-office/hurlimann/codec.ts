/**
 * The values both sides of the Hürlimann interface write and read: francs, dates, eCH-0010
 * addresses, eCH-0044 person identifications. Encoders make `XmlContent` with this adapter's
 * prefixes; decoders take an `XmlReader` of a schema-checked document.
 */
import type { ContactData, ContactDataChange, IsoDate, PostalAddress, ResidentMatch } from '../port.ts';
import { formatFrancs, parseFrancs } from '../swiss-francs.ts';
import { LOCAL_PERSON_ID_CATEGORY } from './protocol.ts';
import { XmlShapeError, type XmlContent, type XmlReader } from './xml.ts';

/** Rappen as francs with two decimals; anything but a non-negative integer fails the schema. */
export function francsOf(rappen: number): string {
  return formatFrancs(rappen) ?? String(rappen);
}

export function readRappen(reader: XmlReader, name: string): number {
  const rappen = parseFrancs(reader.text(name));
  if (rappen === undefined) throw new XmlShapeError(`${reader.path}/${name}`, 'expected francs with two decimals');
  return rappen;
}

/** An xs:decimal without exponent (7 decimals: about a centimetre in WGS84 degrees). */
export function decimalOf(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toFixed(7).replace(/\.?0+$/, '');
}

/** An xs:date as 'YYYY-MM-DD', dropping a time zone the eCH types allow. */
export function readDate(reader: XmlReader, name: string): IsoDate {
  const match = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(reader.text(name));
  if (match?.[1] === undefined) throw new XmlShapeError(`${reader.path}/${name}`, 'expected a calendar date');
  return match[1];
}

export function readOptionalDate(reader: XmlReader, name: string): IsoDate | null {
  return reader.has(name) ? readDate(reader, name) : null;
}

export function readCount(reader: XmlReader, name: string): number {
  const value = Number(reader.text(name));
  if (!Number.isSafeInteger(value) || value < 0) throw new XmlShapeError(`${reader.path}/${name}`, 'expected a count');
  return value;
}

/** eCH-0010 swissAddressInformationType. */
export function swissAddress(address: PostalAddress): XmlContent {
  return {
    'eCH-0010:street': address.street,
    'eCH-0010:houseNumber': address.houseNumber ?? undefined,
    'eCH-0010:town': address.town,
    'eCH-0010:swissZipCode': address.postalCode,
    'eCH-0010:country': 'CH',
  };
}

export function readSwissAddress(reader: XmlReader): PostalAddress {
  return {
    // An address without street name (some villages) keeps its first address line instead.
    street: reader.optionalText('street') ?? reader.optionalText('addressLine1') ?? '',
    houseNumber: reader.optionalText('houseNumber') ?? null,
    postalCode: String(Number(reader.text('swissZipCode'))),
    town: reader.text('town'),
  };
}

/** Hürlimann's delivery address: a recipient line and an eCH-0010 Swiss address. */
export function deliveryAddress(address: PostalAddress & { readonly recipient: string }): XmlContent {
  return { 'hp:recipient': address.recipient, 'hp:address': swissAddress(address) };
}

export function readDeliveryAddress(reader: XmlReader): PostalAddress & { readonly recipient: string } {
  return { recipient: reader.text('recipient'), ...readSwissAddress(reader.child('address')) };
}

/** eCH-0044 namedPersonIdType of a resident id. */
export function localPersonId(residentId: string): XmlContent {
  return { 'eCH-0044:personIdCategory': LOCAL_PERSON_ID_CATEGORY, 'eCH-0044:personId': residentId };
}

/** The resident id of a namedPersonIdType; undefined when it is another category's id. */
export function readLocalPersonId(reader: XmlReader): string | undefined {
  return reader.text('personIdCategory') === LOCAL_PERSON_ID_CATEGORY ? reader.text('personId') : undefined;
}

type NamedPerson = { readonly firstName: string; readonly lastName: string; readonly dateOfBirth: IsoDate };

/** eCH-0044 personIdentificationLightType of a person the institution identifies itself. */
export function personLight(person: NamedPerson): XmlContent {
  return {
    'eCH-0044:officialName': person.lastName,
    'eCH-0044:firstName': person.firstName,
    'eCH-0044:dateOfBirth': { 'eCH-0044:yearMonthDay': person.dateOfBirth },
  };
}

export function readPersonLight(reader: XmlReader): NamedPerson {
  return { firstName: reader.text('firstName'), lastName: reader.text('officialName'), dateOfBirth: readDateOfBirth(reader) };
}

/** eCH-0044 personIdentificationType of a resident. */
export function personIdentification(person: ResidentMatch & { readonly sex: 1 | 2 | 3 }): XmlContent {
  return {
    'eCH-0044:localPersonId': localPersonId(person.residentId),
    'eCH-0044:officialName': person.lastName,
    'eCH-0044:firstName': person.firstName,
    'eCH-0044:sex': String(person.sex),
    'eCH-0044:dateOfBirth': { 'eCH-0044:yearMonthDay': person.dateOfBirth },
  };
}

export function readPersonIdentification(reader: XmlReader): ResidentMatch {
  const residentId = readLocalPersonId(reader.child('localPersonId'));
  if (residentId === undefined) throw new XmlShapeError(`${reader.path}/localPersonId`, 'expected a Hürlimann person id');
  return { residentId, firstName: reader.text('firstName'), lastName: reader.text('officialName'), dateOfBirth: readDateOfBirth(reader) };
}

/** The platform knows people by full dates of birth; a partly known one cannot identify anybody. */
function readDateOfBirth(reader: XmlReader): IsoDate {
  const date = reader.child('dateOfBirth');
  if (!date.has('yearMonthDay')) throw new XmlShapeError(date.path, 'expected a full date of birth');
  return readDate(date, 'yearMonthDay');
}

/** Text elements by qualified name, to spread into a content element. */
type XmlFields = Readonly<Record<string, string | undefined>>;

/** contactDataResponse's entries: each left out when the register holds none. */
export function contactData(contact: ContactData): XmlFields {
  return { 'hp:phoneNumber': contact.phone ?? undefined, 'hp:emailAddress': contact.email ?? undefined };
}

export function readContactData(reader: XmlReader): ContactData {
  return { phone: reader.optionalText('phoneNumber') ?? null, email: reader.optionalText('emailAddress') ?? null };
}

/** A change's entries: a new value, a delete element for null, nothing for what stays. */
export function contactDataChange(change: Pick<ContactDataChange, 'phone' | 'email'>): XmlFields {
  const entry = (value: string | null | undefined, name: string, deleteName: string) =>
    value === undefined ? {} : value === null ? { [deleteName]: '' } : { [name]: value };
  return {
    ...entry(change.phone, 'hp:phoneNumber', 'hp:deletePhoneNumber'),
    ...entry(change.email, 'hp:emailAddress', 'hp:deleteEmailAddress'),
  };
}

export function readContactDataChange(reader: XmlReader): Pick<ContactDataChange, 'phone' | 'email'> {
  const entry = (name: string, deleteName: string) =>
    reader.has(deleteName) ? { value: null } : reader.has(name) ? { value: reader.text(name) } : undefined;
  const phone = entry('phoneNumber', 'deletePhoneNumber');
  const email = entry('emailAddress', 'deleteEmailAddress');
  return { ...(phone === undefined ? {} : { phone: phone.value }), ...(email === undefined ? {} : { email: email.value }) };
}
