import { describe, expect, it } from 'vitest';
import { PaymentProviderUnavailable } from '../../connectors/payment/online-payment-provider.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakePayments, fakeProviders, paymentOf } from '../testing/fake-payments.ts';
import { runJob } from '../testing/run-job.ts';
import { createCancelPaymentWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const invoice = {
  id: 'invoice-1', paymentId: 'payment-1', reference: '000000000000000202600001236', referenceType: 'QRR' as const, creditorIban: 'CH4431999123000889012',
  documentId: 'document-1', dueOn: '2026-12-22', status: 'open' as const,
};

function cancelOver(stored: ReturnType<typeof paymentOf>[], providers = fakeProviders()) {
  const payments = fakePayments(stored, [invoice]);
  const worker = createCancelPaymentWorker({ catalogue: fakeCatalogue(), payments: payments.payments, providers: providers.providers });
  return { worker, payments, providers };
}

describe('cancel-payment', () => {
  it('when an online payment is still open, then its checkout is closed and the payment cancelled', async () => {
    const { worker, payments, providers } = cancelOver([paymentOf({ caseId: CASE_ID, gatewayId: 'gw-1' })]);
    expect(await runJob(worker, { caseId: CASE_ID })).toEqual({ outcome: 'complete', variables: {} });
    expect(providers.calls).toEqual([{ instance: 'aarau', operation: 'cancelCheckout', argument: 'gw-1' }]);
    expect(payments.stored.get('payment-1')?.status).toBe('cancelled');
    expect(payments.events).toEqual([{ paymentId: 'payment-1', kind: 'cancelled', source: 'process', dedupKey: 'process:cancelled' }]);
  });

  it('when an invoice is still open, then the invoice and the payment are cancelled without asking Payrexx', async () => {
    const { worker, payments, providers } = cancelOver([paymentOf({ caseId: CASE_ID, method: 'invoice' })]);
    await runJob(worker, { caseId: CASE_ID });
    expect(payments.invoices[0]?.status).toBe('cancelled');
    expect(payments.stored.get('payment-1')?.status).toBe('cancelled');
    expect(providers.calls).toEqual([]);
  });

  it.each([
    ['there is no payment', []],
    ['the payment came in meanwhile', [paymentOf({ caseId: CASE_ID, status: 'paid', gatewayId: 'gw-1' })]],
  ])('when %s, then the job completes and nothing is cancelled', async (_situation, stored) => {
    const { worker, payments, providers } = cancelOver(stored);
    expect(await runJob(worker, { caseId: CASE_ID })).toEqual({ outcome: 'complete', variables: {} });
    expect(providers.calls).toEqual([]);
    expect(payments.events).toEqual([]);
  });

  it('when Payrexx cannot be reached, then the job fails retryably and the payment stays open', async () => {
    const unavailable = new PaymentProviderUnavailable('Payrexx answered 503');
    const { worker, payments } = cancelOver([paymentOf({ caseId: CASE_ID, gatewayId: 'gw-1' })], fakeProviders({ cancelCheckout: async () => { throw unavailable; } }));
    const failure = await runJob(worker, { caseId: CASE_ID }).catch((error: unknown) => error);
    expect(failure).toBe(unavailable);
    expect(failure).not.toBeInstanceOf(NonRetryableError);
    expect(payments.stored.get('payment-1')?.status).toBe('open');
  });
});
