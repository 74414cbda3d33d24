/** The engine's message publication, as the SDK's Zeebe client offers it. */
export interface MessagePublisher {
  publishMessage(message: {
    name: string;
    correlationKey: string;
    messageId: string;
    timeToLive: number;
    variables: Record<string, string>;
  }): Promise<unknown>;
}

export type EngineMessage = Parameters<MessagePublisher['publishMessage']>[0];

// gRPC status 6 is ALREADY_EXISTS: the engine still holds a message with this id.
const GRPC_ALREADY_EXISTS = 6;

function isAlreadyPublished(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === GRPC_ALREADY_EXISTS) return true;
  return error instanceof Error && /ALREADY_EXISTS/.test(error.message);
}

/**
 * Publishes a message at most once: the message id makes repeats one message for the engine, and
 * a repeat the engine refuses is success.
 */
export async function publishOnce(engine: MessagePublisher, message: EngineMessage): Promise<void> {
  try {
    await engine.publishMessage(message);
  } catch (error) {
    if (isAlreadyPublished(error)) return;
    throw error;
  }
}
