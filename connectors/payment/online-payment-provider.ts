/**
 * What the platform needs from an online payment provider (Payrexx, PAY-1), in its own words.
 * The composition root adapts the Payrexx client to it, one provider per municipality's instance.
 */

/** Statuses the platform acts on; everything else is recorded and otherwise left alone. */
export type ProviderTransactionStatus = 'confirmed' | 'declined' | 'cancelled' | 'refunded' | 'partially-refunded' | 'other';

export interface ProviderTransaction {
  transactionId: string;
  status: ProviderTransactionStatus;
  amountRappen: number;
  /** Our payment id, as sent when the checkout was created. */
  referenceId: string;
  /** How the citizen paid, as the provider names it (twint, visa, ...); null before a payment. */
  paymentMethod: string | null;
}

export interface CheckoutRequest {
  amountRappen: number;
  purpose: string;
  referenceId: string;
  successUrl: string;
  failedUrl: string;
  cancelUrl: string;
  methods: readonly string[];
}

export interface OnlinePaymentProvider {
  createCheckout(request: CheckoutRequest): Promise<{ gatewayId: string; paymentUrl: string }>;
  /** The transactions made on a checkout so far (declined attempts included). */
  transactionsOfCheckout(gatewayId: string): Promise<ProviderTransaction[]>;
  /** Null when the provider does not know the transaction. */
  getTransaction(transactionId: string): Promise<ProviderTransaction | null>;
  refund(transactionId: string, amountRappen: number): Promise<void>;
  /** Closes a checkout nobody paid; one already gone is fine. */
  cancelCheckout(gatewayId: string): Promise<void>;
}

/** The provider of one municipality's Payrexx instance. */
export interface OnlinePaymentProviders {
  forInstance(payrexx: { instance: string; credentialRef: string }): OnlinePaymentProvider;
}

/** The provider could not be asked (unreachable, timed out, refused our key): the same call may work later. */
export class PaymentProviderUnavailable extends Error {
  override readonly name = 'PaymentProviderUnavailable';
}
