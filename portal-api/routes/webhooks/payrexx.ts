import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { parse as parseQuery } from 'qs';
import { invalidField } from '../../../core/errors/problem-error.ts';
import { PaymentProviderUnavailable } from '../../../connectors/payment/online-payment-provider.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { problemResponses } from '../../schemas/common.ts';
import { PayrexxWebhookParams, PayrexxWebhookReceived } from '../../schemas/payments.ts';
import { paymentErrors } from '../../../core/errors/payment-errors.ts';

/**
 * Payrexx's webhook, one URL per municipality's instance. Payrexx signs nothing, so the body
 * is only a hint: the transaction id is taken from it and everything else is read back from
 * Payrexx's API with the municipality's key. Duplicates, late and out-of-order deliveries are
 * harmless (see record-provider-transaction.ts); a forged one changes nothing. Payrexx retries
 * on anything but 2xx, so an outage of its API answers 503.
 */
export default async function payrexxWebhookRoutes(app: FastifyInstance, { recordPaymentTransaction: recordTransaction }: RouteDeps): Promise<void> {
  // Payrexx posts JSON or PHP-style form fields (transaction[id]=...), as configured per instance.
  await app.register(fastifyFormbody, { parser: (body) => parseQuery(body, { depth: 3, parameterLimit: 200 }) });
  app.post('/webhooks/payrexx/:municipalityId', {
    schema: {
      tags: ['payments'],
      summary: 'Payrexx webhook (transaction changed); the body is never trusted',
      params: PayrexxWebhookParams,
      response: { 200: PayrexxWebhookReceived, ...problemResponses(400, 503) },
    },
    bodyLimit: 256 * 1024,
  }, async (request) => {
    const { municipalityId } = request.params as { municipalityId: string };
    const transactionId = transactionIdOf(request.body);
    if (transactionId === undefined) throw invalidField('/body/transaction/id', 'is missing or not a transaction id');
    try {
      const outcome = await recordTransaction(municipalityId, transactionId, 'webhook');
      request.log.info({ municipalityId, outcome }, 'payrexx webhook');
    } catch (error) {
      // Only Payrexx being unreachable is worth a redelivery; anything else is ours to fix, not Payrexx's to retry.
      if (!(error instanceof PaymentProviderUnavailable)) throw error;
      request.log.warn({ municipalityId, error: error.message }, 'payrexx webhook not applied');
      throw paymentErrors.providerUnavailable();
    }
    // The same answer whatever the outcome: a forger learns nothing.
    return { received: true };
  });
}

/** Payrexx's transaction ids are positive integers; anything else (0, past 2^53, not a number) names no transaction. */
function transactionIdOf(body: unknown): string | undefined {
  const transaction = (body as { transaction?: { id?: unknown } } | null)?.transaction;
  const id = transaction?.id;
  const text = typeof id === 'number' ? String(id) : id;
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text)) return undefined;
  return Number.isSafeInteger(Number(text)) ? text : undefined;
}
