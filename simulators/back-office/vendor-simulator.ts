/**
 * The harness every vendor simulator runs in: a real HTTP server with the vendor's protocol
 * routes, switchable faults, a call counter and admin endpoints. A vendor contributes only its
 * protocol (`VendorProtocol`): routes, how to name a request's operation, and its error bodies.
 *
 * Admin endpoints (no credential; bind simulators to localhost):
 *   GET /__sim/faults, PUT /__sim/faults (body `SimulatorFaults`), POST /__sim/reset,
 *   GET /__sim/calls (`SimulatorCalls`), GET /__sim/written (`WrittenRecords`),
 *   GET /__sim/contact-data?bfs=&residentId= (what the register keeps now, to check an approved change).
 * Faults act before the vendor's authentication, like an outage in front of its application.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Logger } from 'pino';
import { createBackOfficeState, type BackOfficeState } from './back-office-state.ts';
import {
  DEFAULT_SLOW_DELAY_MS,
  DEFAULT_TIMEOUT_HOLD_MS,
  NO_FAULTS,
  SimulatorFaults,
  type RenderedFault,
  type SimulatorCalls,
} from './faults.ts';
import type { SeededResident } from './seed.ts';

/** A complete answer in the vendor's format. */
export type FaultAnswer = {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
};

/** What a protocol's routes get from the harness. */
export type ProtocolContext = {
  readonly state: BackOfficeState;
  /** The credential this installation accepts, in the vendor's format (see connectors/README.md). */
  readonly credential: string;
  /** Compares a presented secret with an expected one in constant time. */
  sameSecret(presented: string | undefined, expected: string): boolean;
  faults(): SimulatorFaults;
  /** When the current fault mode was switched on (epoch ms). */
  faultsSince(): number;
};

export type VendorProtocol = {
  readonly vendor: string;
  /** Registers the vendor's routes and body parsers; authentication is the protocol's own. */
  register(app: FastifyInstance, context: ProtocolContext): void | Promise<void>;
  /** Names a request's operation and municipality, once its body is parsed. */
  classify(request: FastifyRequest): { readonly operation: string; readonly municipalityBfs?: number | undefined };
  /** The vendor's answer for a fault. */
  faultAnswer(fault: RenderedFault): FaultAnswer;
  /** Faults the protocol's routes apply themselves (e.g. OAuth2 token expiry); the harness skips them. */
  readonly ownFaults?: readonly RenderedFault[];
};

export type VendorSimulatorOptions = {
  /** 0 picks a free port. */
  readonly port: number;
  /** Default '127.0.0.1'. */
  readonly host?: string;
  readonly credential: string;
  /** Request logs go here; silent when absent. */
  readonly logger?: Logger;
  /** Default: all of `SEEDED_RESIDENTS`. */
  readonly residents?: readonly SeededResident[];
};

export type BackOfficeSimulator = {
  readonly vendor: string;
  /** Base URL without trailing slash, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  readonly port: number;
  readonly state: BackOfficeState;
  /** The same controls as the admin endpoints, for in-process use. */
  setFaults(faults: SimulatorFaults): void;
  faults(): SimulatorFaults;
  calls(): SimulatorCalls;
  /** No faults, call counter zero, nothing written. */
  reset(): void;
  /** Releases held requests and stops listening. */
  close(): Promise<void>;
};

const faultSettings = TypeCompiler.Compile(SimulatorFaults);

/** Starts a simulator for `protocol` and resolves once it listens. */
export async function startVendorSimulator(
  protocol: VendorProtocol,
  options: VendorSimulatorOptions,
): Promise<BackOfficeSimulator> {
  const state = createBackOfficeState({
    ...(options.residents === undefined ? {} : { residents: options.residents }),
    idPrefix: protocol.vendor.slice(0, 3).toUpperCase(),
  });
  let faults: SimulatorFaults = NO_FAULTS;
  let faultsSince = Date.now();
  let calls = { total: 0, byOperation: {} as Record<string, number> };
  /** Releases of the requests held by 'slow' and 'timeout'; a released request ends without an answer. */
  const held = new Set<() => void>();
  let closing = false;

  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    forceCloseConnections: true,
    bodyLimit: 5 * 1024 * 1024,
  });

  function setFaults(next: SimulatorFaults) {
    faults = next;
    faultsSince = Date.now();
  }

  function reset() {
    setFaults(NO_FAULTS);
    calls = { total: 0, byOperation: {} };
    state.reset();
  }

  function hold(reply: FastifyReply, ms: number): Promise<'elapsed' | 'gone'> {
    return new Promise((resolve) => {
      const finish = (outcome: 'elapsed' | 'gone') => {
        clearTimeout(timer);
        reply.raw.off('close', gone);
        held.delete(gone);
        resolve(outcome);
      };
      // The client disconnected, or the simulator is closing.
      const gone = () => finish('gone');
      const timer = setTimeout(() => finish('elapsed'), ms);
      reply.raw.once('close', gone);
      held.add(gone);
    });
  }

  function dropConnection(reply: FastifyReply): void {
    reply.hijack();
    reply.raw.destroy();
  }

  function send(reply: FastifyReply, answer: FaultAnswer) {
    return reply
      .code(answer.status)
      .headers(answer.headers ?? {})
      .type(answer.contentType)
      .send(answer.body);
  }

  /** Promises the whole body, sends half of it, and hangs up. */
  function sendTruncated(reply: FastifyReply) {
    const answer = protocol.faultAnswer('wrongShape');
    const bytes = typeof answer.body === 'string' ? Buffer.from(answer.body) : Buffer.from(answer.body);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': answer.contentType, 'content-length': String(bytes.length) });
    reply.raw.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => reply.raw.destroy());
  }

  async function applyFaults(municipalityBfs: number | undefined, reply: FastifyReply) {
    const active = faults;
    if (active.mode === 'none') return;
    if (active.municipality !== undefined && active.municipality !== municipalityBfs) return;
    switch (active.mode) {
      case 'slow':
        if ((await hold(reply, active.delayMs ?? DEFAULT_SLOW_DELAY_MS)) === 'gone') dropConnection(reply);
        return;
      case 'timeout':
        await hold(reply, active.delayMs ?? DEFAULT_TIMEOUT_HOLD_MS);
        dropConnection(reply);
        return;
      case 'truncated':
        sendTruncated(reply);
        return;
      default:
        if (protocol.ownFaults?.includes(active.mode)) return;
        return send(reply, protocol.faultAnswer(active.mode));
    }
  }

  await app.register(async (api) => {
    api.addHook('preHandler', async (request, reply) => {
      const { operation, municipalityBfs } = protocol.classify(request);
      calls = {
        total: calls.total + 1,
        byOperation: { ...calls.byOperation, [operation]: (calls.byOperation[operation] ?? 0) + 1 },
      };
      await applyFaults(municipalityBfs, reply);
    });
    await protocol.register(api, {
      state,
      credential: options.credential,
      sameSecret,
      faults: () => faults,
      faultsSince: () => faultsSince,
    });
  });

  app.get('/__sim/faults', async () => faults);
  app.put('/__sim/faults', { schema: { body: SimulatorFaults } }, async (request) => {
    setFaults(request.body as SimulatorFaults);
    return faults;
  });
  app.post('/__sim/reset', async (_request, reply) => {
    reset();
    return reply.code(204).send();
  });
  app.get('/__sim/calls', async () => calls);
  app.get('/__sim/written', async () => state.written());
  app.get('/__sim/contact-data', {
    schema: { querystring: { type: 'object', required: ['bfs', 'residentId'], properties: { bfs: { type: 'integer' }, residentId: { type: 'string' } } } },
  }, async (request, reply) => {
    const { bfs, residentId } = request.query as { bfs: number; residentId: string };
    const contact = state.contactData(bfs, residentId);
    return contact ? contact : reply.code(404).send({ error: 'unknown resident' });
  });

  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`${protocol.vendor} simulator: no TCP address after listen`);
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    vendor: protocol.vendor,
    url: `http://${host}:${address.port}`,
    port: address.port,
    state,
    setFaults: (next) => {
      if (!faultSettings.Check(next)) throw new RangeError(`${protocol.vendor} simulator: invalid faults`);
      setFaults(next);
    },
    faults: () => faults,
    calls: () => calls,
    reset,
    close: async () => {
      if (closing) return;
      closing = true;
      for (const release of [...held]) release();
      await app.close();
    },
  };
}

function sameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
