/**
 * Webhooks as Payrexx sends them: a POST per transaction change to the instance's webhook URL,
 * body `{ "transaction": { … } }`. Payrexx offers JSON or PHP form encoding per webhook; the
 * simulator sends JSON (`application/json`). Payrexx retries a failed delivery up to ten times
 * over days; the simulator retries a few times, quickly. Tests switch modes to provoke what a
 * receiver must survive: lateness, duplicates and a stale status arriving last.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { PayrexxStatus } from '../../connectors/payment/payrexx/statuses.ts';

/**
 * normal: one delivery right away.
 * late: one delivery after `delayMs` (default 1000).
 * twice: the same delivery twice.
 * outOfOrder: the delivery, then one with the status the transaction had before (stale).
 * none: nothing is sent.
 */
export type WebhookMode = 'normal' | 'late' | 'twice' | 'outOfOrder' | 'none';
export const WEBHOOK_MODES: readonly WebhookMode[] = ['normal', 'late', 'twice', 'outOfOrder', 'none'];

export type WebhookSettings = { readonly mode: WebhookMode; readonly delayMs?: number };

export type WebhookRetry = {
  /** Attempts per delivery, the first included. Default 3. */
  readonly attempts: number;
  /** Pause between attempts. Default 50 ms. */
  readonly delayMs: number;
  /** Per attempt, as Payrexx's 20 s. Default 5000 ms. */
  readonly timeoutMs: number;
};

/** One webhook to send: a transaction in one status. */
export type WebhookMessage = { readonly transactionId: number; readonly status: PayrexxStatus; readonly body: unknown };

/** One attempt and how the receiver answered (HTTP status, or what went wrong). */
export type WebhookAttempt = {
  readonly transactionId: number;
  readonly status: PayrexxStatus;
  readonly attempt: number;
  readonly answer: number | 'network-error' | 'timeout';
  readonly at: string;
};

export const DEFAULT_WEBHOOK_RETRY: WebhookRetry = { attempts: 3, delayMs: 50, timeoutMs: 5_000 };
const DEFAULT_LATE_MS = 1_000;

export type WebhookSender = ReturnType<typeof createWebhookSender>;

export function createWebhookSender(options: { readonly retry?: Partial<WebhookRetry>; readonly logger?: Logger | undefined } = {}) {
  const retry = { ...DEFAULT_WEBHOOK_RETRY, ...options.retry };
  let settings: WebhookSettings = { mode: 'normal' };
  let attempts: WebhookAttempt[] = [];
  const inFlight = new Set<Promise<void>>();
  const closing = new AbortController();

  async function attempt(url: string, message: WebhookMessage, number: number): Promise<boolean> {
    const timeout = AbortSignal.timeout(retry.timeoutMs);
    let answer: WebhookAttempt['answer'];
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Payrexx-Simulator' },
        body: JSON.stringify(message.body),
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, timeout]),
      });
      await response.arrayBuffer();
      answer = response.status;
    } catch {
      if (closing.signal.aborted) return true;
      answer = timeout.aborted ? 'timeout' : 'network-error';
    }
    attempts.push({ transactionId: message.transactionId, status: message.status, attempt: number, answer, at: new Date().toISOString() });
    const delivered = typeof answer === 'number' && answer >= 200 && answer < 300;
    if (!delivered) options.logger?.warn({ transactionId: message.transactionId, attempt: number, answer }, 'payrexx simulator: webhook not accepted');
    return delivered;
  }

  async function deliver(url: string, message: WebhookMessage): Promise<void> {
    for (let number = 1; number <= retry.attempts; number += 1) {
      if (await attempt(url, message, number)) return;
      if (number < retry.attempts && !(await pause(retry.delayMs))) return;
    }
  }

  /** Waits, unless the sender closes first; resolves to whether it waited. */
  async function pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: closing.signal });
      return true;
    } catch {
      return false;
    }
  }

  async function run(url: string, current: WebhookMessage, stale: WebhookMessage, active: WebhookSettings): Promise<void> {
    switch (active.mode) {
      case 'none':
        return;
      case 'normal':
        return deliver(url, current);
      case 'late':
        if (await pause(active.delayMs ?? DEFAULT_LATE_MS)) await deliver(url, current);
        return;
      case 'twice':
        await deliver(url, current);
        return deliver(url, current);
      case 'outOfOrder':
        await deliver(url, current);
        return deliver(url, stale);
    }
  }

  return {
    setMode(next: WebhookSettings): void {
      settings = next;
    },
    mode: (): WebhookSettings => settings,
    /** Sends `current` in the active mode; `stale` is the same transaction in its previous status. */
    notify(url: string | undefined, current: WebhookMessage, stale: WebhookMessage): void {
      if (url === undefined || closing.signal.aborted) return;
      const pending = run(url, current, stale, settings).finally(() => inFlight.delete(pending));
      inFlight.add(pending);
    },
    attempts: (): readonly WebhookAttempt[] => attempts,
    /** Resolves once every webhook sent so far has been delivered or given up. */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    reset(): void {
      settings = { mode: 'normal' };
      attempts = [];
    },
    /** Stops waiting and retrying, and abandons deliveries under way. */
    async close(): Promise<void> {
      closing.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
