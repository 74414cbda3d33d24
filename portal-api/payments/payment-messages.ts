/**
 * Tells a waiting process that its payment arrived: the BPMN message `payment-received`,
 * correlated by the payment id. The message id makes repeats (webhook twice, reconciliation after
 * a webhook) one message for the engine; a repeat the engine refuses is success.
 */
export interface MessagePublisher {
  publishMessage(message: {
    name: string;
    correlationKey: string;
    messageId: string;
    timeToLive: number;
    variables: Record<string, string>;
  }): Promise<unknown>;
}

export const PAYMENT_RECEIVED = 'payment-received';
// Long enough for a payment that arrives while the job that opened the checkout is still completing.
const TIME_TO_LIVE_MS = 60 * 60 * 1000;

export type PublishPaymentReceived = (paymentId: string) => Promise<void>;

export function createPaymentReceivedPublisher(engine: MessagePublisher): PublishPaymentReceived {
  return async (paymentId) => {
    try {
      await engine.publishMessage({
        name: PAYMENT_RECEIVED,
        correlationKey: paymentId,
        messageId: `${PAYMENT_RECEIVED}:${paymentId}`,
        timeToLive: TIME_TO_LIVE_MS,
        variables: {},
      });
    } catch (error) {
      if (isAlreadyPublished(error)) return;
      throw error;
    }
  };
}

// gRPC status 6 is ALREADY_EXISTS: the engine still holds a message with this id.
const GRPC_ALREADY_EXISTS = 6;

function isAlreadyPublished(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === GRPC_ALREADY_EXISTS) return true;
  return error instanceof Error && /ALREADY_EXISTS/.test(error.message);
}
