/**
 * Typed client for the Payrexx REST API v1.0: hosted payment pages (Gateway), transactions,
 * refunds and the instance's payment methods. Amounts are integer Rappen both ways.
 *
 * What this client relies on, verified against Payrexx's documentation and official PHP SDK
 * (github.com/payrexx/payrexx-php, `Communicator.php`, `CurlCommunication.php`, `Models/`):
 * - URL `https://api.payrexx.com/v1.0/:object/:id/?instance=:instance`; for POST every parameter
 *   except `instance` goes in the body (https://developers.payrexx.com/v1.0/reference).
 * - Bodies are `application/x-www-form-urlencoded` in PHP's nesting: `fields[email][value]=…`,
 *   lists indexed `pm[0]=twint` — Payrexx silently drops a `pm[]=twint` list and then offers every
 *   method (observed on a live account, documented by github.com/neoserviceai/payrexx-python
 *   docs/traps.md). The SDK sends RFC 3986 (`%20` for spaces); so does this client.
 * - Authentication: header `X-API-KEY: <API secret>` (recommended; what the SDK sends today), or
 *   the older parameter `ApiSignature` = base64(HMAC-SHA256(http_build_query(params), secret)),
 *   over all parameters except `instance` (see `api-signature.ts`). A wrong secret is answered
 *   HTTP 403 `{ "status": "error", "message": "The API secret is not correct." }`.
 * - Answers: `{ "status": "success", "data": [ … ] }`, even for one object; failures
 *   `{ "status": "error", "message": "…" }`, e.g. 404 "No Transaction found with id 5"
 *   (https://developers.payrexx.com/reference/retrieve-a-transaction). Versions before 1.15 may
 *   answer failures with less specific HTTP statuses; both are read.
 * - Gateway: `POST Gateway/` with `amount` (smallest currency unit), `currency`, `purpose`,
 *   `referenceId`, `successRedirectUrl`, `failedRedirectUrl`, `cancelRedirectUrl`, `pm[]`;
 *   answers `id`, `hash`, `link`, `status`, `amount`, `referenceId`, `invoices[].transactions[]`
 *   (https://developers.payrexx.com/reference/create-a-gateway, …/retrieve-a-gateway).
 *   `DELETE Gateway/:id/` removes an unused gateway (SDK `examples/GatewayDelete.php`).
 * - Transaction: `GET Transaction/:id/` (`id`, `uuid`, `status`, `time`, `amount`, `referenceId`,
 *   `payment.brand`, `invoice.refundedAmount`; https://developers.payrexx.com/docs/transaction);
 *   `POST Transaction/:id/refund` with optional `amount` for a partial refund (SDK
 *   `examples/TransactionRefund.php`).
 * - `GET PaymentMethod/` lists `{ id: 'twint', name: 'TWINT', label, logo, options_by_psp }`;
 *   `id` is the identifier `pm[]` takes (https://developers.payrexx.com/reference/get-all-active-payment-methods).
 * - Statuses: https://docs.payrexx.com/developer/guides/webhook/transaction (see `statuses.ts`).
 * - Nothing is idempotent: two identical `POST Gateway/` create two gateways. The client never
 *   retries; callers decide with `PayrexxError.retryable` and must not blindly repeat a create.
 */
import { GatewayAnswer, compileEnvelope, DeletedAnswer, PaymentMethodAnswer, RefundAnswer, TransactionAnswer } from './answers.ts';
import { PayrexxError, type PayrexxOperation } from './errors.ts';
import { toPhpArray } from './php-query.ts';
import { callPayrexx, withTrailingSlash, type PayrexxAuthentication, type PayrexxConnection } from './payrexx-request.ts';
import { toPayrexxStatus, type PayrexxStatus } from './statuses.ts';

export type { PayrexxAuthentication } from './payrexx-request.ts';
export type { PayrexxStatus } from './statuses.ts';

export const PAYREXX_BASE_URL = 'https://api.payrexx.com/v1.0/';

export type PayrexxClientOptions = {
  /** Default `PAYREXX_BASE_URL`; a simulator's `${url}/v1.0/` in tests. */
  readonly baseUrl?: string;
  /** The instance name: 'example' for example.payrexx.com. */
  readonly instance: string;
  /** The instance's API secret. */
  readonly apiKey: string;
  /** Default 'api-key-header'. */
  readonly authentication?: PayrexxAuthentication;
  /** Per call, answer body included. Default 10 000. */
  readonly timeoutMs?: number;
};

export type PayrexxPaymentMethod = { readonly id: string; readonly name: string };

export type CreateGatewayInput = {
  readonly amountRappen: number;
  readonly currency: 'CHF';
  /** Shown to the payer and in Payrexx's back office. */
  readonly purpose: string;
  /** Our reference; comes back on transactions and webhooks. */
  readonly referenceId: string;
  readonly successRedirectUrl: string;
  readonly failedRedirectUrl: string;
  readonly cancelRedirectUrl: string;
  /** Identifiers from `listPaymentMethods()`; empty offers all of the instance's methods. */
  readonly paymentMethods: readonly string[];
};

export type CreatedGateway = { readonly gatewayId: number; readonly hash: string; readonly link: string; readonly status: PayrexxStatus };

export type GatewayTransaction = { readonly transactionId: number; readonly status: PayrexxStatus; readonly amountRappen: number | null };

export type PayrexxGateway = {
  readonly gatewayId: number;
  readonly status: PayrexxStatus;
  readonly referenceId: string | null;
  readonly amountRappen: number;
  /** Every payment attempt on the page, declined and cancelled ones included. */
  readonly transactions: readonly GatewayTransaction[];
};

export type PayrexxTransaction = {
  readonly transactionId: number;
  readonly status: PayrexxStatus;
  readonly amountRappen: number;
  /** What has been refunded of it so far (`invoice.refundedAmount`), 0 when Payrexx does not say. */
  readonly refundedRappen: number;
  readonly referenceId: string | null;
  /** The payment method identifier ('twint', 'visa', …), null before the payer chose one. */
  readonly paymentMethod: string | null;
  /** As Payrexx writes it: 'YYYY-MM-DD HH:MM:SS' or ISO 8601. */
  readonly time: string;
};

export type PayrexxClient = {
  listPaymentMethods(): Promise<PayrexxPaymentMethod[]>;
  createGateway(input: CreateGatewayInput): Promise<CreatedGateway>;
  /** Null when Payrexx has no such gateway. */
  getGateway(gatewayId: number): Promise<PayrexxGateway | null>;
  /** Null when Payrexx has no such transaction. */
  getTransaction(transactionId: number): Promise<PayrexxTransaction | null>;
  /** Refunds all of the transaction, or `amountRappen` of it; resolves to its new status. */
  refundTransaction(transactionId: number, amountRappen?: number): Promise<PayrexxStatus>;
  /** Withdraws an unpaid gateway; a gateway Payrexx no longer has counts as withdrawn. */
  deleteGateway(gatewayId: number): Promise<void>;
};

const paymentMethodsAnswer = compileEnvelope(PaymentMethodAnswer);
const gatewayAnswer = compileEnvelope(GatewayAnswer);
const transactionAnswer = compileEnvelope(TransactionAnswer);
const refundAnswer = compileEnvelope(RefundAnswer);
const deletedAnswer = compileEnvelope(DeletedAnswer);

export function createPayrexxClient(options: PayrexxClientOptions): PayrexxClient {
  if (options.instance.trim() === '' || options.apiKey === '') throw new RangeError('Payrexx client: instance and apiKey are required');
  const connection: PayrexxConnection = {
    baseUrl: withTrailingSlash(options.baseUrl ?? PAYREXX_BASE_URL),
    instance: options.instance,
    apiKey: options.apiKey,
    authentication: options.authentication ?? 'api-key-header',
    timeoutMs: options.timeoutMs ?? 10_000,
  };

  return {
    async listPaymentMethods() {
      const data = await callPayrexx(connection, { operation: 'listPaymentMethods', method: 'GET', path: 'PaymentMethod/', answer: paymentMethodsAnswer });
      return (data ?? []).map((method) => ({ id: method.id, name: method.name ?? method.id }));
    },

    async createGateway(input) {
      const operation = 'createGateway';
      requireRappen(operation, input.amountRappen);
      if (input.currency !== 'CHF') throw new RangeError('Payrexx createGateway: currency must be CHF');
      const parameters = toPhpArray({
        amount: input.amountRappen,
        currency: input.currency,
        purpose: input.purpose,
        referenceId: input.referenceId,
        successRedirectUrl: input.successRedirectUrl,
        failedRedirectUrl: input.failedRedirectUrl,
        cancelRedirectUrl: input.cancelRedirectUrl,
        pm: input.paymentMethods,
      });
      const gateway = single(operation, await callPayrexx(connection, { operation, method: 'POST', path: 'Gateway/', parameters, answer: gatewayAnswer }));
      return { gatewayId: gateway.id, hash: gateway.hash, link: gateway.link, status: status(operation, gateway.status) };
    },

    async getGateway(gatewayId) {
      const operation = 'getGateway';
      const data = await callPayrexx(connection, { operation, method: 'GET', path: `Gateway/${id(operation, gatewayId)}/`, answer: gatewayAnswer, absentIsNull: true });
      if (data === null) return null;
      const gateway = single(operation, data);
      return {
        gatewayId: gateway.id,
        status: status(operation, gateway.status),
        referenceId: gateway.referenceId ?? null,
        amountRappen: gateway.amount,
        transactions: (gateway.invoices ?? []).flatMap((invoice) =>
          (invoice.transactions ?? []).map((transaction) => ({
            transactionId: transaction.id,
            status: status(operation, transaction.status),
            amountRappen: transaction.amount ?? null,
          })),
        ),
      };
    },

    async getTransaction(transactionId) {
      const operation = 'getTransaction';
      const data = await callPayrexx(connection, { operation, method: 'GET', path: `Transaction/${id(operation, transactionId)}/`, answer: transactionAnswer, absentIsNull: true });
      if (data === null) return null;
      const transaction = single(operation, data);
      const invoice = isObject(transaction.invoice) ? transaction.invoice : undefined;
      const payment = isObject(transaction.payment) ? transaction.payment : undefined;
      return {
        transactionId: transaction.id,
        status: status(operation, transaction.status),
        amountRappen: transaction.amount,
        refundedRappen: invoice?.refundedAmount ?? 0,
        referenceId: transaction.referenceId ?? invoice?.referenceId ?? null,
        paymentMethod: payment?.brand ?? null,
        time: transaction.time,
      };
    },

    async refundTransaction(transactionId, amountRappen) {
      const operation = 'refundTransaction';
      if (amountRappen !== undefined) requireRappen(operation, amountRappen);
      const parameters = toPhpArray({ amount: amountRappen });
      const path = `Transaction/${id(operation, transactionId)}/refund`;
      const refunded = single(operation, await callPayrexx(connection, { operation, method: 'POST', path, parameters, answer: refundAnswer }));
      return status(operation, refunded.status);
    },

    async deleteGateway(gatewayId) {
      const operation = 'deleteGateway';
      await callPayrexx(connection, { operation, method: 'DELETE', path: `Gateway/${id(operation, gatewayId)}/`, answer: deletedAnswer, absentIsNull: true });
    },
  };
}

function requireRappen(operation: PayrexxOperation, amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`Payrexx ${operation}: amount must be a positive integer number of Rappen`);
}

function id(operation: PayrexxOperation, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`Payrexx ${operation}: id must be a positive integer`);
  return value;
}

function single<T>(operation: PayrexxOperation, data: T[] | null): T {
  const first = data?.[0];
  if (first === undefined) throw new PayrexxError(operation, 'unexpected-answer', { detail: 'data is empty' });
  return first;
}

function status(operation: PayrexxOperation, raw: string): PayrexxStatus {
  const known = toPayrexxStatus(raw);
  // A status is Payrexx's vocabulary, never personal data: safe to name.
  if (known === undefined) throw new PayrexxError(operation, 'unexpected-answer', { detail: `unknown status '${raw.slice(0, 40)}'` });
  return known;
}

function isObject<T>(value: T): value is Exclude<T, unknown[] | null | undefined> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
