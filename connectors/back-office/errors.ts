/**
 * Technical faults of back-office adapters. Business outcomes never appear here (see `port.ts`).
 * Messages name vendor, operation and status only, never personal data, so that they can be
 * logged, put into job failures and shown in incidents as they are.
 */

export type BackOfficeErrorCode =
  | 'BACK_OFFICE_UNAVAILABLE'
  | 'BACK_OFFICE_PROTOCOL'
  | 'BACK_OFFICE_REJECTED';

type BackOfficeErrorOptions = {
  readonly vendor: string;
  readonly operation: string;
  /** HTTP status of the vendor's answer, when there was one. */
  readonly status?: number | undefined;
  readonly cause?: unknown;
};

/** Base of every adapter fault; workers decide on `retryable`, incidents show `code`. */
export abstract class BackOfficeError extends Error {
  abstract readonly code: BackOfficeErrorCode;
  /** Whether the same call may succeed later without anybody changing anything. */
  abstract readonly retryable: boolean;
  readonly vendor: string;
  readonly operation: string;
  readonly status: number | undefined;

  constructor(message: string, options: BackOfficeErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.vendor = options.vendor;
    this.operation = options.operation;
    this.status = options.status;
  }
}

/**
 * The back office could not be reached or did not answer in time: connection refused or reset,
 * timeout, 5xx, 408, 429. Retryable unless the vendor says otherwise.
 */
export class BackOfficeUnavailableError extends BackOfficeError {
  override readonly name = 'BackOfficeUnavailableError';
  readonly code = 'BACK_OFFICE_UNAVAILABLE';
  readonly retryable: boolean;
  /** The vendor's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: BackOfficeErrorOptions & { readonly retryable?: boolean; readonly retryAfterMs?: number | undefined },
  ) {
    super(message, options);
    this.retryable = options.retryable ?? true;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The back office answered something the adapter cannot read: invalid JSON, a truncated body,
 * or a body that does not have the documented shape. Not retryable: it needs a person to look.
 */
export class BackOfficeProtocolError extends BackOfficeError {
  override readonly name = 'BackOfficeProtocolError';
  readonly code = 'BACK_OFFICE_PROTOCOL';
  readonly retryable = false;
}

/**
 * The back office refused the request (4xx other than a business "not found"): wrong API key
 * (401/403), a request it considers invalid (400), an unknown municipality (404 on the
 * municipality). Not retryable: configuration or code must change first. `status` tells which.
 */
export class BackOfficeRejectedError extends BackOfficeError {
  override readonly name = 'BackOfficeRejectedError';
  readonly code = 'BACK_OFFICE_REJECTED';
  readonly retryable = false;
}

export function isBackOfficeError(error: unknown): error is BackOfficeError {
  return error instanceof BackOfficeError;
}
