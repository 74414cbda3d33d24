/**
 * The simulator's objects as Payrexx writes them in API answers and webhooks, with the fields
 * of the documented examples (https://developers.payrexx.com/reference/retrieve-a-gateway,
 * https://developers.payrexx.com/docs/transaction). No contact data: the simulated page asks none.
 */
import type { PayrexxStatus } from '../../connectors/payment/payrexx/statuses.ts';
import type { SimulatedGateway, SimulatedTransaction } from './state.ts';

export type SimulatedPaymentMethod = { readonly id: string; readonly name: string };

/** What a Swiss municipality's instance typically offers. */
export const DEFAULT_PAYMENT_METHODS: readonly SimulatedPaymentMethod[] = [
  { id: 'twint', name: 'TWINT' },
  { id: 'post-finance-card', name: 'PostFinance Card' },
  { id: 'post-finance-e-finance', name: 'PostFinance E-Finance' },
  { id: 'visa', name: 'Visa' },
  { id: 'mastercard', name: 'Mastercard' },
];

const PSP_ID = 44;
const REFUNDABLE: readonly PayrexxStatus[] = ['confirmed', 'partially-refunded'];

export function paymentMethodPayload(method: SimulatedPaymentMethod) {
  return {
    id: method.id,
    name: method.name,
    label: { de: method.name, en: method.name, fr: method.name, it: method.name },
    logo: { de: `https://media.payrexx.com/assets/cardIcons/card_${method.id}.svg` },
    options_by_psp: { [String(PSP_ID)]: { mode: 'test', payment_types: ['one-time'], currencies: ['CHF'] } },
  };
}

export function transactionPayload(transaction: Readonly<SimulatedTransaction>, gateway: SimulatedGateway | undefined) {
  const { status } = transaction;
  const refundable = REFUNDABLE.includes(status);
  return {
    id: transaction.id,
    uuid: transaction.uuid,
    time: transaction.time,
    status,
    lang: 'de',
    psp: 'Payrexx_Payments',
    pspId: PSP_ID,
    mode: 'TEST',
    type: 'E-Commerce',
    amount: transaction.amount,
    payrexxFee: 0,
    referenceId: transaction.referenceId,
    pageUuid: null,
    instanceName: transaction.instance,
    payment: { brand: transaction.paymentMethod, wallet: null },
    invoice: {
      number: transaction.purpose,
      currency: gateway?.currency ?? 'CHF',
      test: 1,
      referenceId: transaction.referenceId,
      purpose: transaction.purpose,
      paymentRequestId: transaction.gatewayId,
      paymentLink: gateway === undefined ? null : { hash: gateway.hash, referenceId: gateway.referenceId },
      originalAmount: transaction.amount,
      refundedAmount: transaction.refundedAmount,
      custom_fields: [],
    },
    // PHP writes an empty contact as an empty array.
    contact: [],
    refundable,
    partiallyRefundable: refundable,
  };
}

export function gatewayPayload(gateway: SimulatedGateway, transactions: readonly SimulatedTransaction[], link: string) {
  return {
    id: gateway.id,
    status: gateway.status,
    hash: gateway.hash,
    referenceId: gateway.referenceId,
    link,
    invoices:
      transactions.length === 0
        ? []
        : [
            {
              paymentRequestId: gateway.id,
              referenceId: gateway.referenceId,
              currency: gateway.currency,
              originalAmount: gateway.amount,
              refundedAmount: transactions.reduce((sum, t) => sum + t.refundedAmount, 0),
              transactions: transactions.map((t) => ({ id: t.id, uuid: t.uuid, status: t.status, time: t.time, amount: t.amount })),
            },
          ],
    preAuthorization: false,
    reservation: false,
    fields: [],
    psp: [],
    pm: gateway.requestedPaymentMethods,
    amount: gateway.amount,
    vatRate: null,
    currency: gateway.currency,
    sku: null,
    applicationFee: 0,
    language: 'de',
    createdAt: gateway.createdAt,
  };
}
