import { describe, expect, it } from 'vitest';
import { offeredPaymentMethods } from '../../../../core/catalogue/payment-methods.ts';

const creditor = { name: 'Gemeinde Aarau', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau', iban: 'CH4431999123000889012' };
const aarau = { payrexx: { instance: 'gemeinde-aarau', credentialRef: 'PAYREXX_AARAU_API_KEY' }, creditor };
const certificate = { feeRappen: 2000, invoiceAllowed: true, paymentMethods: ['online', 'invoice'] as ('online' | 'invoice')[] };

describe('the payment methods a municipality offers for a service', () => {
  it.each([
    ['both where the package allows both and the municipality has Payrexx and a creditor', aarau, certificate, ['online', 'invoice']],
    ['none for a free service', aarau, { ...certificate, feeRappen: 0 }, []],
    ['only what the package allows', aarau, { ...certificate, paymentMethods: ['invoice'] as ('online' | 'invoice')[] }, ['invoice']],
    ['no invoice where the municipality does not allow it for the service', aarau, { ...certificate, invoiceAllowed: false }, ['online']],
    ['no invoice without a creditor for the QR-bill', { ...aarau, creditor: null }, certificate, ['online']],
    ['nothing online without a Payrexx instance', { ...aarau, payrexx: null }, certificate, ['invoice']],
  ])('when it is %s, then those are offered', (_case, municipality, offering, expected) => {
    expect(offeredPaymentMethods(municipality, offering)).toEqual(expected);
  });
});
