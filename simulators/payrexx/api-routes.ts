/**
 * The simulator's REST API under `/v1.N/`: PaymentMethod, Gateway, Transaction and refunds, in
 * Payrexx's answer format, behind Payrexx's authentication. Bodies are read as PHP reads them
 * (form-encoded, or JSON which newer Payrexx versions accept too).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parsePhpQuery, phpGet, toPhpArray, type PhpArray, type PhpInput } from '../../connectors/payment/payrexx/php-query.ts';
import { authenticate, type SimulatedInstance } from './authentication.ts';
import { gatewayPayload, paymentMethodPayload, transactionPayload, type SimulatedPaymentMethod } from './payloads.ts';
import { SimulatorRefusal, type SimulatedGateway, type SimulatorState, type TransactionChange } from './state.ts';

export type ApiContext = {
  readonly state: SimulatorState;
  readonly instances: Readonly<Record<string, SimulatedInstance>>;
  readonly paymentMethods: readonly SimulatedPaymentMethod[];
  /** The hosted page's address for a gateway. */
  linkFor(gateway: SimulatedGateway): string;
  /** Sends the webhooks for a changed transaction. */
  changed(change: TransactionChange): void;
  /** While true, every API call is answered 503. */
  failing(): boolean;
  countCall(): void;
};

type Authenticated = { readonly instance: string; readonly parameters: PhpArray };

export function registerApiRoutes(app: FastifyInstance, context: ApiContext): void {
  const { state } = context;

  /** Authenticates and parses; answers and returns undefined when the call goes no further. */
  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<Authenticated | undefined> {
    context.countCall();
    if (context.failing()) {
      await reply.code(503).send({ status: 'error', message: 'Service Unavailable' });
      return undefined;
    }
    const version = (request.params as { version: string }).version;
    if (!/^v1\.\d{1,2}$/.test(version)) {
      await refuse(reply, 404, 'Version not found.');
      return undefined;
    }
    const query = parsePhpQuery(rawQuery(request.url));
    const parameters = request.method === 'GET' || request.method === 'DELETE' ? query : bodyParameters(request);
    const header = request.headers['x-api-key'];
    const result = authenticate(context.instances, query, parameters, typeof header === 'string' ? header : undefined);
    if (!result.ok) {
      await refuse(reply, result.httpStatus, result.message);
      return undefined;
    }
    return { instance: result.instance, parameters };
  }

  app.get('/:version/PaymentMethod/', async (request, reply) => {
    if ((await admit(request, reply)) === undefined) return reply;
    return success(context.paymentMethods.map(paymentMethodPayload));
  });

  app.post('/:version/Gateway/', async (request, reply) => {
    const caller = await admit(request, reply);
    if (caller === undefined) return reply;
    const draft = readGateway(caller, context.paymentMethods, droppedPmList(request));
    if (typeof draft === 'string') return refuse(reply, 400, `Invalid value passed for parameter '${draft}'`);
    const gateway = state.createGateway(draft);
    return success([gatewayPayload(gateway, [], context.linkFor(gateway))]);
  });

  app.get('/:version/Gateway/:id/', async (request, reply) => {
    const caller = await admit(request, reply);
    if (caller === undefined) return reply;
    const id = Number((request.params as { id: string }).id);
    const gateway = state.gateway(caller.instance, id);
    if (gateway === undefined) return refuse(reply, 404, `An error occurred: No Gateway found with id ${id}`);
    return success([gatewayPayload(gateway, state.transactionsOf(gateway), context.linkFor(gateway))]);
  });

  app.delete('/:version/Gateway/:id/', async (request, reply) => {
    const caller = await admit(request, reply);
    if (caller === undefined) return reply;
    return answer(reply, () => {
      const gateway = state.cancelGateway(caller.instance, Number((request.params as { id: string }).id));
      return success([{ id: gateway.id }]);
    });
  });

  app.get('/:version/Transaction/:id/', async (request, reply) => {
    const caller = await admit(request, reply);
    if (caller === undefined) return reply;
    const id = Number((request.params as { id: string }).id);
    const transaction = state.transaction(caller.instance, id);
    if (transaction === undefined) return refuse(reply, 404, `An error occurred: No Transaction found with id ${id}`);
    return success([transactionPayload(transaction, state.gateway(caller.instance, transaction.gatewayId))]);
  });

  app.post('/:version/Transaction/:id/refund', async (request, reply) => {
    const caller = await admit(request, reply);
    if (caller === undefined) return reply;
    const rawAmount = phpGet(caller.parameters, 'amount');
    if (rawAmount !== undefined && (typeof rawAmount !== 'string' || !/^\d{1,12}$/.test(rawAmount))) {
      return refuse(reply, 400, "Invalid value passed for parameter 'amount'");
    }
    return answer(reply, () => {
      const change = state.refund(caller.instance, Number((request.params as { id: string }).id), rawAmount === undefined ? undefined : Number(rawAmount));
      context.changed(change);
      return success([transactionPayload(change.transaction, state.gateway(caller.instance, change.transaction.gatewayId))]);
    });
  });
}

function readGateway(caller: Authenticated, methods: readonly SimulatedPaymentMethod[], pmDropped: boolean) {
  const text = (key: string): string | undefined => {
    const value = phpGet(caller.parameters, key);
    return typeof value === 'string' ? value : undefined;
  };
  const amount = text('amount');
  if (amount === undefined || !/^[1-9]\d{0,11}$/.test(amount)) return 'amount';
  if (text('currency') !== 'CHF') return 'currency';
  for (const key of ['successRedirectUrl', 'failedRedirectUrl', 'cancelRedirectUrl']) {
    const url = text(key);
    if (url !== undefined && !/^https?:\/\/./.test(url)) return key;
  }
  const pm = phpGet(caller.parameters, 'pm');
  const requested = pmDropped || pm === undefined ? [] : typeof pm === 'string' ? [pm] : pm.map(([, value]) => value);
  const known = methods.map((method) => method.id);
  const offered: string[] = [];
  for (const method of requested) {
    if (typeof method !== 'string' || !known.includes(method)) return 'pm';
    offered.push(method);
  }
  return {
    instance: caller.instance,
    amount: Number(amount),
    currency: 'CHF',
    purpose: text('purpose') ?? '',
    referenceId: text('referenceId') ?? '',
    successRedirectUrl: text('successRedirectUrl'),
    failedRedirectUrl: text('failedRedirectUrl'),
    cancelRedirectUrl: text('cancelRedirectUrl'),
    requestedPaymentMethods: offered,
    paymentMethods: offered.length === 0 ? known : offered,
  };
}

/** Payrexx ignores a `pm[]=…` list (it wants `pm[0]=…`) and then offers every method. */
function droppedPmList(request: FastifyRequest): boolean {
  if (typeof request.body !== 'string') return false;
  return request.body.split('&').some((pair) => safeDecode(pair.split('=')[0] ?? '') === 'pm[]');
}

function bodyParameters(request: FastifyRequest): PhpArray {
  const body = request.body;
  if (typeof body !== 'string' || body === '') return [];
  if (!String(request.headers['content-type'] ?? '').includes('json')) return parsePhpQuery(body);
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? toPhpArray(parsed as Record<string, PhpInput>) : [];
  } catch {
    return [];
  }
}

function rawQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

function success(data: unknown[]) {
  return { status: 'success', data };
}

function refuse(reply: FastifyReply, httpStatus: number, message: string) {
  return reply.code(httpStatus).send({ status: 'error', message });
}

function answer(reply: FastifyReply, produce: () => unknown) {
  try {
    return produce();
  } catch (error) {
    if (error instanceof SimulatorRefusal) return refuse(reply, error.httpStatus, error.message);
    throw error;
  }
}
