/** Contact data the municipality holds beside the data standard (ADM-4). */
import type { IsoDate, PlatformReference, ResidentId } from './values.ts';

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
