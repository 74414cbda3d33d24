/**
 * The back-office port: what the platform's services need from the software a municipality (or
 * an institution such as a district's debt-enforcement office) runs, whatever the vendor
 * (Dialog, Hürlimann, Talus, OBT, Vemag — INT-2). Every vendor adapter implements
 * `BackOfficePort`; workers depend on this file only, never on an adapter.
 *
 * Contract shared by all adapters (proved by tests/connectors/back-office-contract.test.ts):
 * - Business outcomes ("nobody matches", "unknown resident id", "out of stock", "plan refused")
 *   are return values, never errors.
 * - Technical faults are thrown as the typed errors of `./errors.ts`; nothing else escapes,
 *   except the caller's own abort reason when `context.signal` is aborted.
 * - Every writing operation carries the platform's `reference` and is idempotent on it: a retry
 *   after a lost answer returns the first answer and never books, delivers or orders twice.
 * - Adapters never log or put into error messages any personal data (names, dates of birth,
 *   AHV numbers, addresses, phone numbers, e-mail addresses, resident ids, free texts): only
 *   correlation id, vendor, operation, municipality, HTTP status and duration (INT-3, NF-4).
 * - Dates are ISO calendar dates 'YYYY-MM-DD' (no time, no time zone), as in eCH-0011; money is
 *   an integer number of Rappen.
 */
import type { Logger } from 'pino';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The Swiss federal statistical office's municipality number (e.g. 4001 = Aarau). */
export type BfsNumber = number;

/** A vendor's opaque identifier of a person in one municipality's register. */
export type ResidentId = string;

/** Amount in Rappen (CHF 1.00 = 100). */
export type Rappen = number;

/**
 * The platform's idempotency key of a writing call, e.g. the case id plus a step name. At most
 * 64 characters of [A-Za-z0-9._:-], so that every vendor protocol can carry it unchanged.
 */
export type PlatformReference = string;

/** Per-call context: which municipality's data, for which request, until when. */
export type BackOfficeCallContext = {
  /**
   * The municipality whose register is asked or on whose behalf an institution is asked; one
   * vendor installation may serve several.
   */
  readonly municipalityBfs: BfsNumber;
  /** Traces the call through logs of the platform and, where supported, of the vendor. */
  readonly correlationId: string;
  /** Aborts the call, e.g. when the job's deadline passes or the worker stops. */
  readonly signal: AbortSignal;
};

// ---------------------------------------------------------------------------------------------
// Resident register (Einwohnerkontrolle)

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

// ---------------------------------------------------------------------------------------------
// Contact data the municipality holds beside the data standard (ADM-4)

/**
 * Optional contact data of a resident: not part of the eCH-0011/eCH-0044 data standard, so the
 * citizen may ask to change it (the municipality approves first). Null: not recorded.
 */
export type ContactData = {
  /** E.164, e.g. '+41791234567'. */
  readonly phone: string | null;
  readonly email: string | null;
};

/**
 * A change the municipality approved. A field left out stays as it is; null removes the entry.
 * At least one of phone and email is given.
 */
export type ContactDataChange = {
  readonly reference: PlatformReference;
  readonly residentId: ResidentId;
  readonly phone?: string | null;
  readonly email?: string | null;
};

export type ContactDataChangeReceipt = {
  /** The contact data as the register holds it after the change. */
  readonly contact: ContactData;
  readonly changedOn: IsoDate;
};

// ---------------------------------------------------------------------------------------------
// Finance (Finanzbuchhaltung / Debitoren)

/** A fee to book on the resident's debtor account, e.g. for an issued certificate. */
export type FeeBooking = {
  readonly reference: PlatformReference;
  readonly residentId: ResidentId;
  readonly amountRappen: Rappen;
  /** The municipality's revenue account, e.g. '4210.01' (from configuration, per service). */
  readonly account: string;
  /** Booking text shown on the debtor account, at most 80 characters. */
  readonly bookingText: string;
};

export type FeeBookingReceipt = {
  /** The vendor's id of the booking; the same for a repeated reference. */
  readonly bookingId: string;
  readonly bookedOn: IsoDate;
};

/** An unpaid invoice of the resident (e.g. taxes, waste fees). */
export type OpenItem = {
  readonly itemId: string;
  readonly description: string;
  /** Amount still open. */
  readonly amountRappen: Rappen;
  readonly dueDate: IsoDate;
};

export type InstalmentPlanRequest = {
  readonly reference: PlatformReference;
  readonly residentId: ResidentId;
  /** Open items the plan covers; each must be open and belong to the resident. */
  readonly itemIds: readonly string[];
  /** Number of monthly instalments, 2 to 12. */
  readonly instalments: number;
  readonly firstDueDate: IsoDate;
};

export type Instalment = { readonly dueDate: IsoDate; readonly amountRappen: Rappen };

/**
 * Why the finance module refused a plan: an item is unknown, paid or not the resident's
 * (`item-not-open`), an item is already in debt enforcement (`in-debt-enforcement`), or the
 * total is below the municipality's minimum for plans (`below-minimum`).
 */
export type InstalmentPlanRefusal = 'item-not-open' | 'in-debt-enforcement' | 'below-minimum';

export type InstalmentPlanResult =
  | {
      readonly outcome: 'agreed';
      readonly planId: string;
      readonly totalRappen: Rappen;
      /** Monthly, from `firstDueDate`; the last instalment carries the rounding remainder. */
      readonly schedule: readonly Instalment[];
    }
  | { readonly outcome: 'refused'; readonly reason: InstalmentPlanRefusal };

// ---------------------------------------------------------------------------------------------
// Works department (Werkhof / Bauverwaltung)

export type DamageCategory = 'road' | 'lighting' | 'waste' | 'water' | 'green-space' | 'other';

/** A citizen's report of damage in public space (SVC "Schadenmeldung"). */
export type DamageReport = {
  readonly reference: PlatformReference;
  readonly category: DamageCategory;
  /** Free text of the citizen, at most 2000 characters; never logged. */
  readonly description: string;
  /** WGS84 position of the damage. */
  readonly location: { readonly latitude: number; readonly longitude: number };
  /** When the citizen reported it, ISO 8601 with offset. */
  readonly reportedAt: string;
};

export type DamageReportReceipt = { readonly ticketId: string };

// ---------------------------------------------------------------------------------------------
// Article stock (e.g. waste stamps, dog tags)

export type StockDeliveryOrder = {
  readonly reference: PlatformReference;
  /** The municipality's article number, e.g. 'KEHRICHT-35L' (from configuration). */
  readonly articleCode: string;
  /** 1 to 100 units. */
  readonly quantity: number;
  readonly deliveryAddress: PostalAddress & { readonly recipient: string };
};

export type StockDeliveryResult =
  | { readonly outcome: 'dispatched'; readonly deliveryId: string; readonly expectedOn: IsoDate }
  | { readonly outcome: 'out-of-stock'; readonly available: number }
  | { readonly outcome: 'unknown-article' };

// ---------------------------------------------------------------------------------------------
// Institutions: the district's debt-enforcement office, the regional civil registry office

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

// ---------------------------------------------------------------------------------------------

/** What every back-office adapter offers to the platform's services. */
export interface BackOfficePort {
  /** The vendor this adapter talks to, for logs and metrics (e.g. 'dialog'). */
  readonly vendor: string;

  /**
   * Finds the one resident the query identifies, or null when nobody does: no match, more than
   * one match (the platform never guesses a person), or an AHV number that fails its check digit
   * (then the vendor is not asked). Former residents (moved out) are found; `getResidence` tells
   * whether they still live there.
   */
  findResident(query: ResidentQuery, context: BackOfficeCallContext): Promise<ResidentMatch | null>;

  /** The resident's residence in `context.municipalityBfs`, or null for an unknown resident id. */
  getResidence(residentId: ResidentId, context: BackOfficeCallContext): Promise<Residence | null>;

  /** The resident's contact data (ADM-4), or null for an unknown resident id. */
  getContactData(residentId: ResidentId, context: BackOfficeCallContext): Promise<ContactData | null>;

  /**
   * Writes an approved change of contact data; null for an unknown resident id. Idempotent on
   * `reference`: a repeat returns the first receipt and does not overwrite a later change.
   */
  changeContactData(change: ContactDataChange, context: BackOfficeCallContext): Promise<ContactDataChangeReceipt | null>;

  /** Books a fee on the resident's debtor account; null for an unknown resident id. */
  bookFee(booking: FeeBooking, context: BackOfficeCallContext): Promise<FeeBookingReceipt | null>;

  /** The resident's open items, oldest due date first; null for an unknown resident id. */
  listOpenItems(residentId: ResidentId, context: BackOfficeCallContext): Promise<readonly OpenItem[] | null>;

  /** Agrees an instalment plan for open items, or says why the finance module refuses it. */
  requestInstalmentPlan(request: InstalmentPlanRequest, context: BackOfficeCallContext): Promise<InstalmentPlanResult>;

  /** Forwards a damage report to the works department's ticket queue. */
  forwardDamageReport(report: DamageReport, context: BackOfficeCallContext): Promise<DamageReportReceipt>;

  /** Dispatches articles from the municipality's stock to a citizen. */
  deliverStock(order: StockDeliveryOrder, context: BackOfficeCallContext): Promise<StockDeliveryResult>;

  /** Asks the district's debt-enforcement office for a register extract; null when it cannot identify the person. */
  requestDebtRegisterExtract(
    request: DebtRegisterExtractRequest,
    context: BackOfficeCallContext,
  ): Promise<DebtRegisterExtract | null>;

  /** Orders a birth register extract from the regional civil registry office. */
  orderBirthRegisterExtract(
    order: BirthRegisterExtractOrder,
    context: BackOfficeCallContext,
  ): Promise<BirthRegisterExtractReceipt>;
}

/** The port's operations, by name: logs, metrics, breakers and the contract tests use these. */
export type BackOfficeOperation = Exclude<keyof BackOfficePort, 'vendor'>;

export const BACK_OFFICE_OPERATIONS = [
  'findResident',
  'getResidence',
  'getContactData',
  'changeContactData',
  'bookFee',
  'listOpenItems',
  'requestInstalmentPlan',
  'forwardDamageReport',
  'deliverStock',
  'requestDebtRegisterExtract',
  'orderBirthRegisterExtract',
] as const satisfies readonly BackOfficeOperation[];

/** Narrows a query to the AHV-number variant. */
export function isQueryByAhv(query: ResidentQuery): query is ResidentQueryByAhv {
  return 'ahvNumber' in query;
}

/** Options every adapter factory takes; `credential`'s format is the vendor's (see connectors/README.md). */
export type BackOfficeAdapterOptions = {
  /** Root of the vendor installation; a path prefix is kept. */
  readonly baseUrl: string | URL;
  readonly credential: string;
  /** Upper bound for one HTTP call, body included; the caller's signal may end it sooner. */
  readonly timeoutMs: number;
  readonly logger: Logger;
};
