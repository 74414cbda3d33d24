// The Camunda SDK reports backpressure only in its log: when the engine's flow control rejects a
// command (gRPC 8 RESOURCE_EXHAUSTED), the SDK logs it and retries after a back-off of at least a
// second (promise-retry, doubling). Those rejections explain much of the latency under load, so
// they are counted here — from this process's console during phase (a), and from the platform's
// log for phase (b) — instead of being printed.

export interface SdkLogCounts {
  /** Rejected commands by SDK operation (RESOURCE_EXHAUSTED or DEADLINE_EXCEEDED, both retried). */
  rejections: Record<string, number>;
  /** "Attempt n" lines: retries the SDK made. */
  retries: number;
  /** Job streams reported as cancelled: what closing a stream worker looks like. */
  cancelledStreams: number;
}

export const emptySdkLogCounts = (): SdkLogCounts => ({ rejections: {}, retries: 0, cancelledStreams: 0 });

const REJECTION = /\[(\w+)\]: (8 RESOURCE_EXHAUSTED|4 DEADLINE_EXCEEDED)/;
/** The stream worker's back-fill poll (activateJobs) reports a rejection as a stream error. */
const POLL_REJECTION = /Grpc Stream Error: 8 RESOURCE_EXHAUSTED: Expected to activate jobs/;
const ATTEMPT = /\[\w+\]: Attempt \d+/;
const CANCELLED = /1 CANCELLED: Cancelled on client/;

/** Counts a line of the SDK's log (plain or JSON form); false when it is not one of these. */
export function countSdkLine(line: string, counts: SdkLogCounts): boolean {
  const rejection = REJECTION.exec(line);
  if (rejection) {
    const key = `${rejection[1]} ${rejection[2]?.slice(2)}`;
    counts.rejections[key] = (counts.rejections[key] ?? 0) + 1;
    return true;
  }
  if (POLL_REJECTION.test(line)) {
    counts.rejections['activateJobs RESOURCE_EXHAUSTED'] = (counts.rejections['activateJobs RESOURCE_EXHAUSTED'] ?? 0) + 1;
    return true;
  }
  if (ATTEMPT.test(line)) {
    counts.retries++;
    return true;
  }
  if (CANCELLED.test(line)) {
    counts.cancelledStreams++;
    return true;
  }
  return false;
}

/**
 * Routes console.error and console.info through `countSdkLine` until `restore()`; anything else
 * still reaches the console. The stream worker prints a cancelled stream as an Error object.
 */
export function tapSdkConsole(): { counts: SdkLogCounts; restore(): void } {
  const counts = emptySdkLogCounts();
  const original = { error: console.error, info: console.info };
  const tap = (write: (...args: unknown[]) => void) => (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && countSdkLine(first, counts)) return;
    if (first instanceof Error && (first as Error & { code?: unknown }).code === 1) {
      counts.cancelledStreams++;
      return;
    }
    write(...args);
  };
  console.error = tap(original.error);
  console.info = tap(original.info);
  return {
    counts,
    restore() {
      console.error = original.error;
      console.info = original.info;
    },
  };
}
