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
import type { StockDeliveryOrder, StockDeliveryResult } from './port/article-stock.ts';
import type { ContactData, ContactDataChange, ContactDataChangeReceipt } from './port/contact-data.ts';
import type {
  FeeBooking,
  FeeBookingReceipt,
  InstalmentPlanRequest,
  InstalmentPlanResult,
  OpenItem,
} from './port/finance.ts';
import type {
  BirthRegisterExtractOrder,
  BirthRegisterExtractReceipt,
  DebtRegisterExtract,
  DebtRegisterExtractRequest,
} from './port/institutions.ts';
import type { Residence, ResidentMatch, ResidentQuery } from './port/residents.ts';
import type { BfsNumber, ResidentId } from './port/values.ts';
import type { DamageReport, DamageReportReceipt } from './port/works-department.ts';

// The domains' types are the port's too: importers name them all from this file.
export type * from './port/values.ts';
export type * from './port/residents.ts';
export { isQueryByAhv } from './port/residents.ts';
export type * from './port/contact-data.ts';
export type * from './port/finance.ts';
export type * from './port/works-department.ts';
export type * from './port/article-stock.ts';
export type * from './port/institutions.ts';

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

/** Options every adapter factory takes; `credential`'s format is the vendor's (see connectors/README.md). */
export type BackOfficeAdapterOptions = {
  /** Root of the vendor installation; a path prefix is kept. */
  readonly baseUrl: string | URL;
  readonly credential: string;
  /** Upper bound for one HTTP call, body included; the caller's signal may end it sooner. */
  readonly timeoutMs: number;
  readonly logger: Logger;
};
