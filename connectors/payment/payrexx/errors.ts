/**
 * The one error the Payrexx client throws. Messages name the operation, the HTTP status and a
 * reason only — never what was sent or answered (purposes, references and contacts can carry
 * personal data) — so they can be logged and shown in incidents as they are.
 */

export type PayrexxErrorReason =
  /** No connection, connection reset, DNS failure. */
  | 'network'
  /** No complete answer within `timeoutMs`. */
  | 'timeout'
  /** 5xx. */
  | 'server-error'
  /** 429, or the firewall's 403/405 without Payrexx's answer format (about 600 calls in 5 minutes). */
  | 'rate-limited'
  /** 401/403 with Payrexx's answer: wrong API key, signature or instance. */
  | 'authentication'
  /** 404 for something other than the looked-up resource (wrong base URL, unknown route). */
  | 'not-found'
  /** Any other 4xx, or `status: 'error'` in a 2xx answer. */
  | 'rejected'
  /** An answer that is not JSON, or not of the documented shape. */
  | 'unexpected-answer';

export type PayrexxOperation =
  | 'listPaymentMethods'
  | 'createGateway'
  | 'getGateway'
  | 'getTransaction'
  | 'refundTransaction'
  | 'deleteGateway';

const RETRYABLE: ReadonlySet<PayrexxErrorReason> = new Set(['network', 'timeout', 'server-error', 'rate-limited']);

export class PayrexxError extends Error {
  override readonly name = 'PayrexxError';
  readonly code = 'PAYREXX_ERROR';
  readonly operation: PayrexxOperation;
  readonly reason: PayrexxErrorReason;
  /** HTTP status of Payrexx's answer, when there was one. */
  readonly status: number | undefined;
  /** Whether the same call may succeed later without anybody changing anything. */
  readonly retryable: boolean;

  constructor(
    operation: PayrexxOperation,
    reason: PayrexxErrorReason,
    options: { readonly status?: number | undefined; readonly detail?: string; readonly cause?: unknown } = {},
  ) {
    const status = options.status === undefined ? '' : ` (HTTP ${options.status})`;
    const detail = options.detail === undefined ? '' : `: ${options.detail}`;
    super(`Payrexx ${operation}: ${reason}${status}${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.operation = operation;
    this.reason = reason;
    this.status = options.status;
    this.retryable = RETRYABLE.has(reason);
  }
}

export function isPayrexxError(error: unknown): error is PayrexxError {
  return error instanceof PayrexxError;
}
