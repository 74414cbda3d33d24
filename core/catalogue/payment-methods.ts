import type { Municipality, PaymentMethod, ServiceOffering } from '../db/catalogue-repository.ts';

/**
 * How a citizen may pay a service's fee in a municipality (SVC-4, PAY-1, PAY-2): the methods the
 * service's package allows, as far as the municipality offers them: online where it has a Payrexx
 * instance, by invoice where it allows invoices for the service and has a creditor for the QR-bill.
 * A free service asks for no payment.
 */
export function offeredPaymentMethods(
  municipality: Pick<Municipality, 'payrexx' | 'creditor'>,
  offering: Pick<ServiceOffering, 'feeRappen' | 'invoiceAllowed' | 'paymentMethods'>,
): PaymentMethod[] {
  if (offering.feeRappen === 0) return [];
  return offering.paymentMethods.filter((method) => (method === 'online' ? municipality.payrexx !== null : offering.invoiceAllowed && municipality.creditor !== null));
}
