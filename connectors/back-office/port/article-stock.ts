/** The municipality's article stock (e.g. waste stamps, dog tags) as the back-office port asks it. */
import type { IsoDate, PlatformReference, PostalAddress } from './values.ts';

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
