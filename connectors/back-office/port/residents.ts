/** The resident register (Einwohnerkontrolle) as the back-office port asks it. */
import type { BfsNumber, IsoDate, PostalAddress, ResidentId } from './values.ts';

/** Search by official name and date of birth. */
export type ResidentQueryByName = {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: IsoDate;
};

/** Search by AHV number (social security number, eCH-0044 "vn"), '756.xxxx.xxxx.xx'. */
export type ResidentQueryByAhv = {
  readonly ahvNumber: string;
};

export type ResidentQuery = ResidentQueryByName | ResidentQueryByAhv;

/** A person that the register identified unambiguously. */
export type ResidentMatch = {
  readonly residentId: ResidentId;
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: IsoDate;
};

export type ResidenceType = 'main' | 'secondary';

/** Another person of the same household (needed for collective orders, SVC-8). */
export type HouseholdMember = ResidentMatch;

/** A person's residence in the asked municipality (eCH-0011 subset). */
export type Residence = {
  /** Main residence (Hauptwohnsitz) or secondary residence (Nebenwohnsitz). */
  readonly residenceType: ResidenceType;
  /** Date of moving in (arrival) in the municipality. */
  readonly since: IsoDate;
  /** Date of moving out; null while the person still lives in the municipality. */
  readonly movedOutOn: IsoDate | null;
  readonly municipality: { readonly bfsNumber: BfsNumber; readonly name: string };
  /** The dwelling address; after moving out, the last address in the municipality. */
  readonly address: PostalAddress;
  /**
   * Datensperre: the person had the record blocked for disclosure to third parties. It does not
   * stop a certificate for the person themselves; it stops disclosure to anyone else.
   */
  readonly blocked: boolean;
  /** The other members of the person's household, ordered by resident id; empty after moving out. */
  readonly household: readonly HouseholdMember[];
};

/** Narrows a query to the AHV-number variant. */
export function isQueryByAhv(query: ResidentQuery): query is ResidentQueryByAhv {
  return 'ahvNumber' in query;
}
