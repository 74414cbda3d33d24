/**
 * Institutions the back-office port asks on a municipality's behalf: the district's
 * debt-enforcement office and the regional civil registry office.
 */
import type { IsoDate, PlatformReference, PostalAddress } from './values.ts';

/** The person an institution is asked about; the institution identifies them itself. */
export type PersonIdentification = {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: IsoDate;
  readonly address: PostalAddress;
};

export type DebtRegisterExtractRequest = {
  readonly reference: PlatformReference;
  readonly person: PersonIdentification;
};

/** A debt-enforcement register extract (Betreibungsregisterauszug) issued by the office. */
export type DebtRegisterExtract = {
  readonly extractId: string;
  readonly issuedOn: IsoDate;
  /** Debt-enforcement proceedings in the last five years; 0 for a clean extract. */
  readonly proceedings: number;
};

export type BirthRegisterExtractOrder = {
  readonly reference: PlatformReference;
  readonly person: Omit<PersonIdentification, 'address'> & { readonly placeOfBirth: string };
  /** Where the office posts the paper extract. */
  readonly deliveryAddress: PostalAddress & { readonly recipient: string };
};

/** The civil registry office posts the extract; the platform gets an order number. */
export type BirthRegisterExtractReceipt = {
  readonly orderId: string;
  readonly expectedOn: IsoDate;
};
