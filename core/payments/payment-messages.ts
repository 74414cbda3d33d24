import { type MessagePublisher, publishOnce } from '../engine/publish-message.ts';

/** Publishes the message `name` for a correlation key at most once: its id makes repeats one message for the engine. */
const publisherOf = (engine: MessagePublisher, name: string, timeToLive: number) => (correlationKey: string): Promise<void> =>
  publishOnce(engine, { name, correlationKey, messageId: `${name}:${correlationKey}`, timeToLive, variables: {} });

/**
 * Tells a waiting process that its payment arrived: the BPMN message `payment-received`,
 * correlated by the payment id. The message id makes repeats (webhook twice, reconciliation after
 * a webhook) one message for the engine.
 */
export const PAYMENT_RECEIVED = 'payment-received';
// Long enough for a payment that arrives while the job that opened the checkout is still completing.
const TIME_TO_LIVE_MS = 60 * 60 * 1000;

export type PublishPaymentReceived = (paymentId: string) => Promise<void>;

export function createPaymentReceivedPublisher(engine: MessagePublisher): PublishPaymentReceived {
  return publisherOf(engine, PAYMENT_RECEIVED, TIME_TO_LIVE_MS);
}

/**
 * Tells an instalment plan that an instalment was paid: the BPMN message `instalment-paid`,
 * correlated by the instalment's id (not its reference: a UUID stays unique even where a
 * database was set up anew beside an engine that kept its instances); once per instalment.
 */
export const INSTALMENT_PAID = 'instalment-paid';
// A day: long enough for a payment that comes while the plan's instalments are being set up, or while an incident holds the case.
const INSTALMENT_TIME_TO_LIVE_MS = 24 * 60 * 60 * 1000;

export type PublishInstalmentPaid = (instalmentId: string) => Promise<void>;

export function createInstalmentPaidPublisher(engine: MessagePublisher): PublishInstalmentPaid {
  return publisherOf(engine, INSTALMENT_PAID, INSTALMENT_TIME_TO_LIVE_MS);
}
