import { type MessagePublisher, publishOnce } from '../engine/publish-message.ts';

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
  return (paymentId) => publishOnce(engine, {
    name: PAYMENT_RECEIVED,
    correlationKey: paymentId,
    messageId: `${PAYMENT_RECEIVED}:${paymentId}`,
    timeToLive: TIME_TO_LIVE_MS,
    variables: {},
  });
}
