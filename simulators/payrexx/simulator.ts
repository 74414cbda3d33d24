/**
 * A Payrexx stand-in for development and tests: a real HTTP server with the REST API v1.x
 * (`simulator/api-routes.ts`), the hosted payment page (`simulator/payment-page.ts`) and
 * transaction webhooks (`simulator/webhooks.ts`), for one or more instances.
 *
 * Test controls (no credential; bind to localhost), also available in-process:
 *   GET  /__sim/gateways, GET /__sim/transactions, GET /__sim/webhooks (delivery attempts)
 *   PUT  /__sim/webhook-mode  { mode: normal|late|twice|outOfOrder|none, delayMs? }
 *   POST /__sim/pay/{hash}    { method, outcome: success|decline|cancel } — the page flow, without HTML
 *   PUT  /__sim/transactions/{id}/status { status } — e.g. a chargeback, with its webhook
 *   PUT  /__sim/fail5xx       { enabled } — every API call answers 503 while on
 *   POST /__sim/reset
 *
 * Simplifications against the real Payrexx: only CHF; a refund changes the refunded transaction
 * (refunded / partially-refunded) instead of adding a separate refund transaction; deleting an
 * unpaid gateway marks it 'cancelled' and keeps it readable; a declined or cancelled attempt
 * leaves the gateway 'waiting', as Payrexx keeps the page open for another try.
 */
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Logger } from 'pino';
import { PAYREXX_STATUSES, type PayrexxStatus } from '../../connectors/payment/payrexx/statuses.ts';
import { registerApiRoutes } from './api-routes.ts';
import type { SimulatedInstance } from './authentication.ts';
import { DEFAULT_PAYMENT_METHODS, transactionPayload, type SimulatedPaymentMethod } from './payloads.ts';
import { registerPaymentPage } from './payment-page.ts';
import { createSimulatorState, type PaymentOutcome, type SimulatedGateway, type SimulatedTransaction, type TransactionChange } from './state.ts';
import { createWebhookSender, WEBHOOK_MODES, type WebhookAttempt, type WebhookMode, type WebhookRetry } from './webhooks.ts';

export type { SimulatedInstance } from './authentication.ts';
export type { SimulatedPaymentMethod } from './payloads.ts';
export type { PaymentOutcome, SimulatedGateway, SimulatedTransaction } from './state.ts';
/** What `payDirectly` throws when the page would refuse (unknown hash, method not offered, not open). */
export { SimulatorRefusal } from './state.ts';
export type { WebhookAttempt, WebhookMode, WebhookRetry } from './webhooks.ts';

export type PayrexxSimulatorOptions = {
  /** 0 picks a free port. */
  readonly port: number;
  /** Default '127.0.0.1'. */
  readonly host?: string;
  /** Instance name → its API key and webhook URL. */
  readonly instances: Readonly<Record<string, SimulatedInstance>>;
  /** Default: TWINT, PostFinance Card, PostFinance E-Finance, Visa, Mastercard. */
  readonly paymentMethods?: readonly SimulatedPaymentMethod[];
  readonly webhookRetry?: Partial<WebhookRetry>;
  /** Request logs go here; silent when absent. */
  readonly logger?: Logger;
  /** Where payers reach the simulator, for payment page links (e.g. behind Docker's port mapping); default: its listen address. */
  readonly publicUrl?: string;
};

export type DirectPayment = { readonly transactionId: number; readonly status: PayrexxStatus; readonly redirectUrl: string | undefined };

export type PayrexxSimulator = {
  /** e.g. 'http://127.0.0.1:41234', without trailing slash. */
  readonly url: string;
  /** The client's `baseUrl`: `${url}/v1.0/`. */
  readonly apiBaseUrl: string;
  readonly port: number;
  setWebhookMode(mode: WebhookMode, options?: { readonly delayMs?: number }): void;
  gateways(): SimulatedGateway[];
  transactions(): SimulatedTransaction[];
  webhookAttempts(): readonly WebhookAttempt[];
  /** Resolves once every webhook sent so far was delivered or given up. */
  webhooksSettled(): Promise<void>;
  /** The payment page's POST, without HTML: pays, sends webhooks, tells where the payer would go. */
  payDirectly(hash: string, method: string, outcome: PaymentOutcome): DirectPayment;
  setTransactionStatus(transactionId: number, status: PayrexxStatus): void;
  setFail5xx(enabled: boolean): void;
  /** API calls received, refused and failed ones included. */
  apiCalls(): number;
  /** Forgets gateways, transactions and webhook attempts; webhook mode normal, no failures. */
  reset(): void;
  close(): Promise<void>;
};

const WebhookModeBody = Type.Object({
  mode: Type.Union(WEBHOOK_MODES.map((mode) => Type.Literal(mode))),
  delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
});
const PayBody = Type.Object({ method: Type.String(), outcome: Type.Union([Type.Literal('success'), Type.Literal('decline'), Type.Literal('cancel')]) });
const StatusBody = Type.Object({ status: Type.Union(PAYREXX_STATUSES.map((status) => Type.Literal(status))) });
const Fail5xxBody = Type.Object({ enabled: Type.Boolean() });

/** Starts the simulator and resolves once it listens. */
export async function startPayrexxSimulator(options: PayrexxSimulatorOptions): Promise<PayrexxSimulator> {
  const state = createSimulatorState();
  const webhooks = createWebhookSender({ retry: options.webhookRetry, logger: options.logger });
  const paymentMethods = options.paymentMethods ?? DEFAULT_PAYMENT_METHODS;
  let failing = false;
  let calls = 0;
  let url = '';

  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
  });

  const linkFor = (gateway: SimulatedGateway) => `${url}/pay/${gateway.hash}`;

  function changed({ transaction, previous }: TransactionChange): void {
    const gateway = state.gateway(transaction.instance, transaction.gatewayId);
    const message = (snapshot: Readonly<SimulatedTransaction>) => ({
      transactionId: snapshot.id,
      status: snapshot.status,
      body: { transaction: transactionPayload(snapshot, gateway) },
    });
    webhooks.notify(options.instances[transaction.instance]?.webhookUrl, message({ ...transaction }), message(previous));
  }

  function pay(hash: string, method: string, outcome: PaymentOutcome): DirectPayment {
    const change = state.pay(hash, method, outcome);
    changed(change);
    const { gateway, transaction } = change;
    const redirectUrl = { success: gateway.successRedirectUrl, decline: gateway.failedRedirectUrl, cancel: gateway.cancelRedirectUrl }[outcome];
    return { transactionId: transaction.id, status: transaction.status, redirectUrl };
  }

  function reset(): void {
    state.reset();
    webhooks.reset();
    failing = false;
    calls = 0;
  }

  // Payrexx's routes read bodies raw, as PHP does; the controls below keep Fastify's JSON parser.
  await app.register(async (payrexx) => {
    payrexx.addContentTypeParser(['application/x-www-form-urlencoded', 'application/json'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
    registerApiRoutes(payrexx, {
      state,
      instances: options.instances,
      paymentMethods,
      linkFor,
      changed,
      failing: () => failing,
      countCall: () => void (calls += 1),
    });
    registerPaymentPage(payrexx, { state, paymentMethods, pay: (hash, method, outcome) => pay(hash, method, outcome) });
  });

  app.get('/__sim/gateways', async () => state.gateways());
  app.get('/__sim/transactions', async () => state.transactions());
  app.get('/__sim/webhooks', async () => webhooks.attempts());
  app.put('/__sim/webhook-mode', { schema: { body: WebhookModeBody } }, async (request) => {
    webhooks.setMode(request.body as { mode: WebhookMode; delayMs?: number });
    return webhooks.mode();
  });
  app.post('/__sim/pay/:hash', { schema: { body: PayBody } }, async (request) => {
    const { method, outcome } = request.body as { method: string; outcome: PaymentOutcome };
    return pay((request.params as { hash: string }).hash, method, outcome);
  });
  app.put('/__sim/transactions/:id/status', { schema: { body: StatusBody } }, async (request) => {
    changed(state.setTransactionStatus(Number((request.params as { id: string }).id), (request.body as { status: PayrexxStatus }).status));
    return { ok: true };
  });
  app.put('/__sim/fail5xx', { schema: { body: Fail5xxBody } }, async (request) => {
    failing = (request.body as { enabled: boolean }).enabled;
    return { enabled: failing };
  });
  app.post('/__sim/reset', async (_request, reply) => {
    reset();
    return reply.code(204).send();
  });
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { httpStatus?: number; statusCode?: number }).httpStatus ?? (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: error instanceof Error ? error.message : 'error' });
  });

  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('Payrexx simulator: no TCP address after listen');
  url = options.publicUrl?.replace(/\/$/, '') ?? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closed = false;
  return {
    url,
    apiBaseUrl: `${url}/v1.0/`,
    port: address.port,
    setWebhookMode: (mode, settings = {}) => webhooks.setMode({ mode, ...settings }),
    gateways: () => state.gateways().map((gateway) => ({ ...gateway, transactionIds: [...gateway.transactionIds] })),
    transactions: () => state.transactions().map((transaction) => ({ ...transaction })),
    webhookAttempts: () => [...webhooks.attempts()],
    webhooksSettled: () => webhooks.settled(),
    payDirectly: pay,
    setTransactionStatus: (transactionId, status) => changed(state.setTransactionStatus(transactionId, status)),
    setFail5xx: (enabled) => void (failing = enabled),
    apiCalls: () => calls,
    reset,
    close: async () => {
      if (closed) return;
      closed = true;
      await webhooks.close();
      await app.close();
    },
  };
}
