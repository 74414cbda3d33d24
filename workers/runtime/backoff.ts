export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential back-off with jitter for the n-th failure (0-based): between half and all of
 * base * 2^n, capped, so that many failing jobs do not retry in lockstep.
 */
export function retryBackoffMs(policy: BackoffPolicy, failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
