import { describe, expect, it } from 'vitest';
import { PaymentProviderUnavailable } from '../../connectors/payment/online-payment-provider.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';
import { AARAU, RESIDENCE_CERTIFICATE, fakeCatalogue } from '../testing/fake-catalogue.ts';
import { fakeDocuments } from '../testing/fake-case-records.ts';
import { fakePayments, fakeProviders, paymentOf } from '../testing/fake-payments.ts';
import { runJob } from '../testing/run-job.ts';
import { createRequestPaymentWorker } from './worker.ts';

const CASE_ID = '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41';
const settings = { publicUrl: 'https://portal.example', methods: ['twint', 'visa'], invoiceDueDays: 30 };
const order = (paymentMethod: 'online' | 'invoice') => ({
  caseId: CASE_ID,
  municipalityId: AARAU.id,
  serviceId: RESIDENCE_CERTIFICATE.serviceId,
  language: 'de',
  feeRappen: 3_000,
  paymentMethod,
  applicant: { firstName: 'Anna', lastName: 'Muster' },
  resident: { address: { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' } },
});

function requestPayment(
  { catalogue = fakeCatalogue(), payments = fakePayments(), providers = fakeProviders() }:
  { catalogue?: ReturnType<typeof fakeCatalogue>; payments?: ReturnType<typeof fakePayments>; providers?: ReturnType<typeof fakeProviders> } = {},
) {
  const documents = fakeDocuments();
  const worker = createRequestPaymentWorker({
    catalogue, payments: payments.payments, providers: providers.providers, documents: documents.documents, settings, now: () => new Date('2026-11-22T10:00:00Z'),
  });
  return { worker, payments, providers, documents };
}

describe('request-payment', () => {
  it('when the citizen pays online, then a checkout on the municipality\'s Payrexx instance is opened and the job completes with its page', async () => {
    const { worker, payments, providers } = requestPayment();
    expect(await runJob(worker, order('online'))).toEqual({
      outcome: 'complete',
      variables: { payment: { paymentId: 'payment-1', method: 'online', amountRappen: 3_000, paymentUrl: 'https://aarau.payrexx.example/pay/gw-1', invoiceDocumentId: null } },
    });
    const back = (result: string) => `https://portal.example/payments/return?case=${CASE_ID}&result=${result}`;
    expect(providers.calls).toEqual([{
      instance: 'aarau',
      operation: 'createCheckout',
      argument: {
        amountRappen: 3_000, purpose: 'Wohnsitzbestätigung', referenceId: 'payment-1', methods: ['twint', 'visa'],
        successUrl: back('success'), failedUrl: back('failed'), cancelUrl: back('cancelled'),
      },
    }]);
    expect(payments.stored.get('payment-1')).toMatchObject({ account: '4210.01', gatewayId: 'gw-1', status: 'open' });
  });

  it('when the job is retried after the checkout was opened, then the same page is returned and no second checkout is opened', async () => {
    const payments = fakePayments([paymentOf({ caseId: CASE_ID, gatewayId: 'gw-1', paymentUrl: 'https://aarau.payrexx.example/pay/gw-1' })]);
    const { worker, providers } = requestPayment({ payments });
    expect(await runJob(worker, order('online'))).toMatchObject({ variables: { payment: { paymentUrl: 'https://aarau.payrexx.example/pay/gw-1' } } });
    expect(providers.calls).toEqual([]);
  });

  it('when the citizen pays by invoice, then an invoice with a QR reference, due in 30 days, is filed and the job completes with its document', async () => {
    const { worker, payments, documents, providers } = requestPayment();
    expect(await runJob(worker, order('invoice'))).toEqual({
      outcome: 'complete',
      variables: { payment: { paymentId: 'payment-1', method: 'invoice', amountRappen: 3_000, paymentUrl: null, invoiceDocumentId: 'document-1' } },
    });
    expect(documents.filed).toMatchObject([{ caseId: CASE_ID, kind: 'invoice', fileName: 'Rechnung-0B9F5C2E.pdf', mediaType: 'application/pdf' }]);
    expect(payments.invoices).toMatchObject([{ paymentId: 'payment-1', referenceType: 'QRR', creditorIban: AARAU.creditor?.iban, documentId: 'document-1', dueOn: '2026-12-22' }]);
    expect(providers.calls).toEqual([]);
  });

  it('when the job is retried after the invoice was filed, then the same invoice is returned and no second one is made', async () => {
    const payments = fakePayments([paymentOf({ caseId: CASE_ID, method: 'invoice' })], [{
      id: 'invoice-1', paymentId: 'payment-1', reference: '000000000000000202600001236', referenceType: 'QRR', creditorIban: 'CH4431999123000889012', documentId: 'document-7', dueOn: '2026-12-22', status: 'open',
    }]);
    const { worker, documents } = requestPayment({ payments });
    expect(await runJob(worker, order('invoice'))).toMatchObject({ variables: { payment: { invoiceDocumentId: 'document-7' } } });
    expect(documents.filed).toEqual([]);
    expect(payments.invoices).toHaveLength(1);
  });

  it.each([
    ['the municipality does not offer the service', fakeCatalogue({ offerings: [] }), 'online'],
    ['the service is free of charge', fakeCatalogue({ offerings: [{ ...RESIDENCE_CERTIFICATE, feeRappen: 0, paymentAccount: null, bookingText: null }] }), 'online'],
    ['the municipality has no Payrexx instance', fakeCatalogue({ municipalities: [{ ...AARAU, payrexx: null }] }), 'online'],
    ['the municipality has no creditor account for invoices', fakeCatalogue({ municipalities: [{ ...AARAU, creditor: null }] }), 'invoice'],
  ] as const)('when %s, then an incident is raised at once', async (_situation, catalogue, method) => {
    const { worker, providers, documents } = requestPayment({ catalogue });
    await expect(runJob(worker, order(method))).rejects.toThrow(NonRetryableError);
    expect(providers.calls).toEqual([]);
    expect(documents.filed).toEqual([]);
  });

  it('when Payrexx cannot be reached, then the job fails retryably and the next try opens the checkout', async () => {
    const unavailable = new PaymentProviderUnavailable('Payrexx answered 503');
    const payments = fakePayments();
    const failing = requestPayment({ payments, providers: fakeProviders({ createCheckout: async () => { throw unavailable; } }) });
    const failure = await runJob(failing.worker, order('online')).catch((error: unknown) => error);
    expect(failure).toBe(unavailable);
    expect(failure).not.toBeInstanceOf(NonRetryableError);
    const { worker } = requestPayment({ payments });
    expect(await runJob(worker, order('online'))).toMatchObject({ variables: { payment: { paymentId: 'payment-1', paymentUrl: 'https://aarau.payrexx.example/pay/gw-1' } } });
  });
});
