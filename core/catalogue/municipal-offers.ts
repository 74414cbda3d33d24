import type { CatalogueRepository, Municipality, PaymentMethod, ServiceOffering } from '../db/catalogue-repository.ts';
import { offeredPaymentMethods } from './payment-methods.ts';

/** A service as a municipality offers it, with the payment methods open there. */
export interface MunicipalOffer {
  offering: ServiceOffering;
  paymentMethods: PaymentMethod[];
}

/**
 * What a municipality offers on the portal (SVC-4), as its catalogue and the search show it: none
 * where it does not take part, whatever its configuration says.
 */
export async function offersOf(catalogue: Pick<CatalogueRepository, 'listOfferings'>, municipality: Municipality): Promise<MunicipalOffer[]> {
  if (!municipality.participates) return [];
  const offerings = await catalogue.listOfferings(municipality.id);
  return offerings.map((offering) => ({ offering, paymentMethods: offeredPaymentMethods(municipality, offering) }));
}
