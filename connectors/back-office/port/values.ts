/** The value types every part of the back-office port shares. */

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

/** A Swiss postal address (eCH-0010 subset). */
export type PostalAddress = {
  readonly street: string;
  readonly houseNumber: string | null;
  /** Four-digit Swiss postal code, e.g. '5000'. */
  readonly postalCode: string;
  readonly town: string;
};
