/**
 * A stand-in for a Dialog installation: a real HTTP server speaking the Dialog API of
 * `../dialog/api.ts` over the seeded residents, with switchable faults and a call counter.
 *
 * Admin endpoints (no API key; bind the simulator to localhost):
 *   GET /__sim/faults, PUT /__sim/faults (body `SimulatorFaults`), POST /__sim/reset,
 *   GET /__sim/calls (`SimulatorCalls`).
 * Faults act before the API key check, like an outage in front of the vendor's application.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Logger } from 'pino';
import { parseAhvNumber } from '../ahv-number.ts';
import {
  DialogProblemType,
  DialogSearchRequest,
  type DialogPerson,
  type DialogProblem,
  type DialogResidence,
} from '../dialog/api.ts';
import {
  DEFAULT_SLOW_DELAY_MS,
  DEFAULT_TIMEOUT_HOLD_MS,
  NO_FAULTS,
  SimulatorFaults,
  type SimulatorCalls,
} from './faults.ts';
import { SEEDED_RESIDENTS, SIMULATED_MUNICIPALITIES, type SeededResident } from './seed.ts';

export type BackOfficeSimulatorOptions = {
  /** 0 picks a free port. */
  readonly port: number;
  /** Default '127.0.0.1'. */
  readonly host?: string;
  readonly apiKey: string;
  /** Request logs go here; silent when absent. */
  readonly logger?: Logger;
  /** Default: all of `SEEDED_RESIDENTS`. */
  readonly residents?: readonly SeededResident[];
};

export type BackOfficeSimulator = {
  /** Base URL without trailing slash, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  readonly port: number;
  /** The same controls as the admin endpoints, for in-process use. */
  setFaults(faults: SimulatorFaults): void;
  faults(): SimulatorFaults;
  calls(): SimulatorCalls;
  /** No faults, call counter zero. */
  reset(): void;
  /** Releases held requests and stops listening. */
  close(): Promise<void>;
};

const searchRequest = TypeCompiler.Compile(DialogSearchRequest);
const faultSettings = TypeCompiler.Compile(SimulatorFaults);

const OPERATION_BY_ROUTE: Readonly<Record<string, string>> = {
  '/api/v1/municipalities/:bfs/residents/search': 'searchResidents',
  '/api/v1/municipalities/:bfs/residents/:id/residence': 'getResidence',
};

/** Starts the simulator and resolves once it listens. */
export async function startBackOfficeSimulator(options: BackOfficeSimulatorOptions): Promise<BackOfficeSimulator> {
  const residents = options.residents ?? Object.values(SEEDED_RESIDENTS);
  const expectedKey = digest(options.apiKey);
  let faults: SimulatorFaults = NO_FAULTS;
  let calls = { total: 0, byOperation: {} as Record<string, number> };
  /** Releases of the requests held by 'slow' and 'timeout'; a released request ends without an answer. */
  const held = new Set<() => void>();
  let closing = false;

  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    forceCloseConnections: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

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

  async function applyFaults(request: FastifyRequest<{ Params: { bfs?: string } }>, reply: FastifyReply) {
    const active = faults;
    if (active.mode === 'none') return;
    if (active.municipality !== undefined && String(active.municipality) !== request.params.bfs) return;
    switch (active.mode) {
      case 'slow':
        if ((await hold(reply, active.delayMs ?? DEFAULT_SLOW_DELAY_MS)) === 'gone') dropConnection(reply);
        return;
      case 'timeout':
        await hold(reply, active.delayMs ?? DEFAULT_TIMEOUT_HOLD_MS);
        dropConnection(reply);
        return;
      case 'error5xx':
        return reply
          .code(503)
          .header('retry-after', '1')
          .type('application/problem+json')
          .send(problem(503, DialogProblemType.unavailable, 'Service Unavailable'));
      case 'malformed':
        return reply.code(200).type('application/json').send('{"persons":[{"id":"P-0000-0000","officialName":"Mu');
      case 'wrongShape':
        return reply.code(200).type('application/json').send(JSON.stringify({ result: 'ok', items: 'none' }));
    }
  }

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request: FastifyRequest<{ Params: { bfs?: string } }>, reply) => {
        const operation = OPERATION_BY_ROUTE[request.routeOptions.url ?? ''] ?? 'unknown';
        calls = {
          total: calls.total + 1,
          byOperation: { ...calls.byOperation, [operation]: (calls.byOperation[operation] ?? 0) + 1 },
        };
        await applyFaults(request, reply);
        if (reply.sent) return;
        const key = request.headers['x-api-key'];
        if (typeof key !== 'string' || !timingSafeEqual(digest(key), expectedKey)) {
          return reply
            .code(401)
            .type('application/problem+json')
            .send(problem(401, DialogProblemType.unauthorized, 'Missing or wrong API key'));
        }
      });

      api.post<{ Params: { bfs: string }; Body: unknown }>(
        '/municipalities/:bfs/residents/search',
        async (request, reply) => {
          const bfs = municipalityOf(request.params.bfs);
          if (bfs === null) return municipalityNotFound(reply);
          if (!searchRequest.Check(request.body)) {
            return reply
              .code(400)
              .type('application/problem+json')
              .send(problem(400, DialogProblemType.invalidRequest, 'Invalid search'));
          }
          const search = request.body;
          const inMunicipality = residents.filter((r) => r.residence.municipality.bfsNumber === bfs);
          const found =
            'vn' in search
              ? inMunicipality.filter((r) => parseAhvNumber(r.ahvNumber)?.digits === search.vn)
              : inMunicipality.filter(
                  (r) =>
                    sameName(r.lastName, search.officialName) &&
                    sameName(r.firstName, search.firstName) &&
                    r.dateOfBirth === search.dateOfBirth,
                );
          return { persons: found.map(toDialogPerson) };
        },
      );

      api.get<{ Params: { bfs: string; id: string } }>(
        '/municipalities/:bfs/residents/:id/residence',
        async (request, reply) => {
          const bfs = municipalityOf(request.params.bfs);
          if (bfs === null) return municipalityNotFound(reply);
          const resident = residents.find(
            (r) => r.residence.municipality.bfsNumber === bfs && r.id === request.params.id,
          );
          if (resident === undefined) {
            return reply
              .code(404)
              .type('application/problem+json')
              .send(problem(404, DialogProblemType.residentNotFound, 'Resident not found'));
          }
          return toDialogResidence(resident);
        },
      );
    },
    { prefix: '/api/v1' },
  );

  app.get('/__sim/faults', async () => faults);
  app.put('/__sim/faults', { schema: { body: SimulatorFaults } }, async (request) => {
    faults = request.body;
    return faults;
  });
  app.post('/__sim/reset', async (_request, reply) => {
    reset();
    return reply.code(204).send();
  });
  app.get('/__sim/calls', async () => calls);

  function reset() {
    faults = NO_FAULTS;
    calls = { total: 0, byOperation: {} };
  }

  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('back-office simulator: no TCP address after listen');
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    setFaults: (next) => {
      if (!faultSettings.Check(next)) {
        throw new RangeError('back-office simulator: invalid faults');
      }
      faults = next;
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

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function municipalityOf(raw: string): number | null {
  const bfs = Number(raw);
  return Object.hasOwn(SIMULATED_MUNICIPALITIES, bfs) ? bfs : null;
}

function municipalityNotFound(reply: FastifyReply) {
  return reply
    .code(404)
    .type('application/problem+json')
    .send(problem(404, DialogProblemType.municipalityNotFound, 'Municipality not served'));
}

function problem(status: number, type: string, title: string): DialogProblem {
  return { type, title, status };
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLocaleLowerCase('de-CH') === b.normalize('NFC').trim().toLocaleLowerCase('de-CH');
}

function toDialogPerson(resident: SeededResident): DialogPerson {
  return {
    id: resident.id,
    officialName: resident.lastName,
    firstName: resident.firstName,
    dateOfBirth: resident.dateOfBirth,
  };
}

function toDialogResidence(resident: SeededResident): DialogResidence {
  const { residence } = resident;
  return {
    personId: resident.id,
    typeOfResidence: residence.residenceType === 'main' ? 1 : 2,
    arrivalDate: residence.since,
    departureDate: residence.movedOutOn,
    municipality: { bfsNumber: residence.municipality.bfsNumber, name: residence.municipality.name },
    dwellingAddress: {
      street: residence.address.street,
      houseNumber: residence.address.houseNumber,
      swissZipCode: residence.address.postalCode,
      town: residence.address.town,
    },
    dataLock: residence.blocked ? 2 : 0,
  };
}
