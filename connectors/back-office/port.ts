/**
 * The back-office port: what the platform's services need from a municipality's resident register,
 * whatever vendor runs it (Dialog, Hürlimann, Talus, OBT, Vemag — INT-2). Every vendor adapter
 * implements `BackOfficePort`; workers depend on this file only, never on an adapter.
 *
 * Contract shared by all adapters:
 * - Business outcomes ("nobody matches", "unknown resident id") are return values (`null`).
 * - Technical faults are thrown as the typed errors of `./errors.ts`; nothing else escapes,
 *   except the caller's own abort reason when `context.signal` is aborted.
 * - Adapters never log or put into error messages any personal data (names, dates of birth,
 *   AHV numbers, addresses, resident ids): only correlation id, vendor, operation, municipality,
 *   HTTP status and duration (INT-3, NF-4).
 * - Dates are ISO calendar dates 'YYYY-MM-DD' (no time, no time zone), as in eCH-0011.
 */

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The Swiss federal statistical office's municipality number (e.g. 4001 = Aarau). */
export type BfsNumber = number;

/** A vendor's opaque identifier of a person in one municipality's register. */
export type ResidentId = string;

/** Per-call context: which municipality's register, for which request, until when. */
export type BackOfficeCallContext = {
  /** The municipality whose register is asked; one vendor installation may serve several. */
  readonly municipalityBfs: BfsNumber;
  /** Traces the call through logs of the platform and, where supported, of the vendor. */
  readonly correlationId: string;
  /** Aborts the call, e.g. when the job's deadline passes or the worker stops. */
  readonly signal: AbortSignal;
};

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

/** A Swiss postal address (eCH-0010 subset). */
export type PostalAddress = {
  readonly street: string;
  readonly houseNumber: string | null;
  /** Four-digit Swiss postal code, e.g. '5000'. */
  readonly postalCode: string;
  readonly town: string;
};

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
};

/** What every municipal back-office adapter offers to the platform's services. */
export interface BackOfficePort {
  /** The vendor this adapter talks to, for logs and metrics (e.g. 'dialog'). */
  readonly vendor: string;

  /**
   * Finds the one resident the query identifies, or null when nobody does: no match, more than
   * one match (the platform never guesses a person), or an AHV number that fails its check digit.
   * Former residents (moved out) are found; `getResidence` tells whether they still live there.
   */
  findResident(query: ResidentQuery, context: BackOfficeCallContext): Promise<ResidentMatch | null>;

  /** The resident's residence in `context.municipalityBfs`, or null for an unknown resident id. */
  getResidence(residentId: ResidentId, context: BackOfficeCallContext): Promise<Residence | null>;
}

/** Narrows a query to the AHV-number variant. */
export function isQueryByAhv(query: ResidentQuery): query is ResidentQueryByAhv {
  return 'ahvNumber' in query;
}
