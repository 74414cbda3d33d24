import { createPayrexxClient, type PayrexxClient, type PayrexxStatus } from './client.ts';
import { isPayrexxError } from './errors.ts';
import { PaymentProviderUnavailable, type OnlinePaymentProvider, type OnlinePaymentProviders, type ProviderTransaction, type ProviderTransactionStatus } from '../online-payment-provider.ts';

const STATUS: Partial<Record<PayrexxStatus, ProviderTransactionStatus>> = {
  confirmed: 'confirmed',
  declined: 'declined',
  cancelled: 'cancelled',
  refunded: 'refunded',
  'partially-refunded': 'partially-refunded',
};

/**
 * Each municipality's Payrexx instance as an online payment provider; the API key is read by
 * its reference (environment or secret file) when the instance is first used.
 */
export function createPayrexxProviders(options: {
  baseUrl: string;
  readCredential: (ref: string) => string | undefined;
  timeoutMs: number;
}): OnlinePaymentProviders {
  const providers = new Map<string, OnlinePaymentProvider>();
  return {
    forInstance({ instance, credentialRef }) {
      const key = `${instance} ${credentialRef}`;
      const known = providers.get(key);
      if (known) return known;
      const apiKey = options.readCredential(credentialRef);
      if (!apiKey) throw new Error(`Payrexx credential ${credentialRef} is not set`);
      const provider = unavailableOnPayrexxErrors(asProvider(createPayrexxClient({ baseUrl: options.baseUrl, instance, apiKey, timeoutMs: options.timeoutMs })));
      providers.set(key, provider);
      return provider;
    },
  };
}

function asProvider(client: PayrexxClient): OnlinePaymentProvider {
  // Payrexx silently offers every method when it does not know one we ask for: ask only for what
  // the instance has (its PaymentMethod list, read once; again after a failed read).
  let offered: Promise<Set<string>> | undefined;
  const offeredMethods = () => {
    offered ??= client.listPaymentMethods().then(
      (methods) => new Set(methods.map((method) => method.id)),
      (error: unknown) => {
        offered = undefined;
        throw error;
      },
    );
    return offered;
  };
  return {
    async createCheckout(request) {
      const available = await offeredMethods();
      const methods = request.methods.filter((method) => available.has(method));
      if (methods.length === 0) throw new Error('the Payrexx instance offers none of the configured payment methods');
      const gateway = await client.createGateway({
        amountRappen: request.amountRappen,
        currency: 'CHF',
        purpose: request.purpose,
        referenceId: request.referenceId,
        successRedirectUrl: request.successUrl,
        failedRedirectUrl: request.failedUrl,
        cancelRedirectUrl: request.cancelUrl,
        paymentMethods: methods,
      });
      return { gatewayId: String(gateway.gatewayId), paymentUrl: gateway.link };
    },
    async transactionsOfCheckout(gatewayId) {
      const gateway = await client.getGateway(Number(gatewayId));
      if (!gateway) return [];
      return gateway.transactions.map((t) => ({
        transactionId: String(t.transactionId),
        status: STATUS[t.status] ?? 'other',
        amountRappen: t.amountRappen ?? gateway.amountRappen,
        referenceId: gateway.referenceId ?? '',
        paymentMethod: null,
      }));
    },
    async getTransaction(transactionId): Promise<ProviderTransaction | null> {
      const transaction = await client.getTransaction(Number(transactionId));
      if (!transaction) return null;
      return {
        transactionId: String(transaction.transactionId),
        status: STATUS[transaction.status] ?? 'other',
        amountRappen: transaction.amountRappen,
        referenceId: transaction.referenceId ?? '',
        paymentMethod: transaction.paymentMethod,
      };
    },
    async refund(transactionId, amountRappen) {
      await client.refundTransaction(Number(transactionId), amountRappen);
    },
    async cancelCheckout(gatewayId) {
      await client.deleteGateway(Number(gatewayId));
    },
  };
}

/** The provider with the Payrexx client's errors told in the platform's words (PaymentProviderUnavailable). */
function unavailableOnPayrexxErrors(provider: OnlinePaymentProvider): OnlinePaymentProvider {
  const translated = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await call(...args);
    } catch (error) {
      throw isPayrexxError(error) ? new PaymentProviderUnavailable(error.message, { cause: error }) : error;
    }
  };
  return {
    createCheckout: translated(provider.createCheckout),
    transactionsOfCheckout: translated(provider.transactionsOfCheckout),
    getTransaction: translated(provider.getTransaction),
    refund: translated(provider.refund),
    cancelCheckout: translated(provider.cancelCheckout),
  };
}
