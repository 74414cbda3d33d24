import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { CatalogueRepository, Municipality } from '../../../../core/db/catalogue-repository.ts';
import type { Payment, PaymentsRepository } from '../../../../core/db/payments-repository.ts';
import type { OnlinePaymentProvider, ProviderTransaction } from '../../../../connectors/payment/online-payment-provider.ts';
import { createProviderTransactionRecorder } from '../../../../core/payments/record-provider-transaction.ts';

const PAYMENT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const aarau = { id: 'aarau', payrexx: { instance: 'gemeinde-aarau', credentialRef: 'KEY' } } as Municipality;
const baden = { id: 'baden', payrexx: { instance: 'gemeinde-baden', credentialRef: 'KEY' } } as Municipality;

function world(payment: Partial<Payment>, transaction: Partial<ProviderTransaction> | null) {
  const state: Payment = {
    id: PAYMENT_ID, caseId: 'c', municipalityId: 'aarau', method: 'online', amountRappen: 2000, account: 'a', bookingText: 'b',
    status: 'open', gatewayId: '1', paymentUrl: 'u', transactionId: null, paidWith: null, paidAt: null, refundedRappen: 0, ...payment,
  };
  const calls: string[] = [];
  const events = new Set<string>();
  const provider: Partial<OnlinePaymentProvider> = {
    getTransaction: async () => (transaction === null ? null : {
      transactionId: '77', status: 'confirmed', amountRappen: 2000, referenceId: PAYMENT_ID, paymentMethod: 'twint', ...transaction,
    }),
    refund: async (id, amount) => void calls.push(`refund ${id} ${amount}`),
  };
  const payments: Partial<PaymentsRepository> = {
    find: async (id) => (id === state.id ? { ...state } : undefined),
    recordEvent: async (_id, event) => {
      if (events.has(event.dedupKey)) return false;
      events.add(event.dedupKey);
      calls.push(`event ${event.kind}`);
      return true;
    },
    markPaid: async () => {
      if (state.status !== 'open') return false;
      state.status = 'paid';
      return true;
    },
    transition: async (_id, from, to) => {
      if (!from.includes(state.status)) return false;
      state.status = to;
      calls.push(`status ${to}`);
      return true;
    },
  };
  const catalogue: Partial<CatalogueRepository> = { findMunicipality: async (id) => ({ aarau, baden })[id as 'aarau' | 'baden'] };
  const record = createProviderTransactionRecorder({
    catalogue: catalogue as CatalogueRepository,
    payments: payments as PaymentsRepository,
    providers: { forInstance: () => provider as OnlinePaymentProvider },
    publishPaymentReceived: async (id) => void calls.push(`message ${id}`),
    logger: pino({ level: 'silent' }),
  });
  return { record, calls, state };
}

describe('recording a Payrexx transaction', () => {
  it('when a confirmation arrives, then the payment is paid and the process told; a repeat tells it again but pays once', async () => {
    const { record, calls, state } = world({}, {});
    expect(await record('aarau', '77', 'webhook')).toBe('paid');
    expect(await record('aarau', '77', 'reconciliation')).toBe('already-paid');
    expect(state.status).toBe('paid');
    expect(calls).toEqual(['event confirmed', `message ${PAYMENT_ID}`, `message ${PAYMENT_ID}`]);
  });

  it('when the capture comes after the order was cancelled, then it is refunded and nothing goes on', async () => {
    const { record, calls, state } = world({ status: 'cancelled' }, {});
    expect(await record('aarau', '77', 'reconciliation')).toBe('refunded-late-capture');
    expect(state.status).toBe('refunded');
    expect(calls).toEqual(['event confirmed', 'refund 77 2000', 'status refunded']);
  });

  it.each([
    { what: 'Payrexx does not know the transaction', municipality: 'aarau', transaction: null, outcome: 'unknown' },
    { what: 'the transaction belongs to no payment of ours', municipality: 'aarau', transaction: { referenceId: 'not-a-uuid' }, outcome: 'unknown' },
    { what: "the payment is another municipality's", municipality: 'baden', transaction: {}, outcome: 'unknown' },
    { what: 'the amount differs', municipality: 'aarau', transaction: { amountRappen: 1 }, outcome: 'mismatch' },
    { what: 'the attempt was declined', municipality: 'aarau', transaction: { status: 'declined' as const }, outcome: 'recorded' },
  ])('when $what, then nothing is paid', async ({ municipality, transaction, outcome }) => {
    const { record, calls, state } = world({}, transaction);
    expect(await record(municipality, '77', 'webhook')).toBe(outcome);
    expect(state.status).toBe('open');
    expect(calls.filter((call) => call.startsWith('message') || call.startsWith('refund'))).toEqual([]);
  });
});
