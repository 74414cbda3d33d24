import { describe, expect, it } from 'vitest';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { AARAU, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeCaseRecords } from '../testing/fake-case-records.ts';
import { fakePayments, fakeProviders, paymentOf } from '../testing/fake-payments.ts';
import { runJob } from '../testing/run-job.ts';
import { createRefundPaymentWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const variables = { caseId: CASE_ID, municipalityId: AARAU.id };
const paidOnline = paymentOf({ caseId: CASE_ID, status: 'paid', transactionId: 'tx-9', paidWith: 'twint', gatewayId: 'gw-1' });

function refundOver(stored: ReturnType<typeof paymentOf>[], catalogue = fakeCatalogue()) {
  const payments = fakePayments(stored);
  const providers = fakeProviders();
  const records = fakeCaseRecords([CASE_ID]);
  const worker = createRefundPaymentWorker({ catalogue, payments: payments.payments, providers: providers.providers, caseRecords: records.caseRecords });
  return { worker, payments, providers, messages: records.messages };
}

describe('refund-payment', () => {
  it('when the fee was paid online, then Payrexx refunds it, the payment is refunded and the citizen is told the amount', async () => {
    const { worker, payments, providers, messages } = refundOver([paidOnline]);
    expect(await runJob(worker, variables)).toEqual({ outcome: 'complete', variables: { refund: 'refunded' } });
    expect(providers.calls).toEqual([{ instance: 'aarau', operation: 'refund', argument: { transactionId: 'tx-9', amountRappen: 3_000 } }]);
    expect(payments.stored.get('payment-1')).toMatchObject({ status: 'refunded', refundedRappen: 3_000 });
    expect(payments.events).toEqual([{ paymentId: 'payment-1', kind: 'refunded', source: 'process', dedupKey: 'process:refund' }]);
    expect(messages).toEqual([{ caseId: CASE_ID, template: 'payment-refunded', params: { amount: '30.00' } }]);
  });

  it('when the job is retried after the refund, then Payrexx is not asked a second time', async () => {
    const { worker, providers } = refundOver([{ ...paidOnline, status: 'refunded' }]);
    expect(await runJob(worker, variables)).toEqual({ outcome: 'complete', variables: { refund: 'refunded' } });
    expect(providers.calls).toEqual([]);
  });

  it('when an invoice was paid by bank transfer, then it is marked for repayment by the finance department and the citizen is told', async () => {
    const { worker, payments, providers, messages } = refundOver([paymentOf({ caseId: CASE_ID, method: 'invoice', status: 'paid' })]);
    expect(await runJob(worker, variables)).toEqual({ outcome: 'complete', variables: { refund: 'refund-due' } });
    expect(payments.events).toMatchObject([{ kind: 'refund-due' }]);
    expect(providers.calls).toEqual([]);
    expect(messages).toHaveLength(1);
  });

  it('when nothing was paid, then the job completes saying so and the citizen is told nothing', async () => {
    for (const stored of [[], [paymentOf({ caseId: CASE_ID })]]) {
      const { worker, messages } = refundOver(stored);
      expect(await runJob(worker, variables)).toEqual({ outcome: 'complete', variables: { refund: stored.length ? 'open' : 'nothing-paid' } });
      expect(messages).toEqual([]);
    }
  });

  it.each([
    ['the municipality has no Payrexx instance any more', [paidOnline], fakeCatalogue({ municipalities: [{ ...AARAU, payrexx: null }] })],
    ['the payment has no transaction to refund', [{ ...paidOnline, transactionId: null }], fakeCatalogue()],
  ])('when an online payment is to be refunded but %s, then an incident is raised at once', async (_situation, stored, catalogue) => {
    const { worker, providers } = refundOver(stored, catalogue);
    await expect(runJob(worker, variables)).rejects.toThrow(NonRetryableError);
    expect(providers.calls).toEqual([]);
  });
});
