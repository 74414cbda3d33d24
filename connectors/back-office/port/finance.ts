/** The finance module (Finanzbuchhaltung / Debitoren) as the back-office port asks it. */
import type { IsoDate, PlatformReference, Rappen, ResidentId } from './values.ts';

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
