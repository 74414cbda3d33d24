/** The Talus API of `./api.ts`, served by the simulator harness over the simulated back office. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultAnswer, ProtocolContext, VendorProtocol } from '../vendor-simulator.ts';
import { IDEMPOTENCY_KEY, TalusErrorCode, talusPaths } from '../../../connectors/back-office/talus/api.ts';
import { TalusRefusal, refuse, talusError, valid, type SimulatedAnswer } from './simulator-answers.ts';
import { TALUS_ROUTES, idempotencyKey, type TalusRoute } from './simulator-routes.ts';
import { createTokenIssuer, invalidToken } from './simulator-token.ts';

const TOKEN_ROUTE = `/${talusPaths.token}`;
const OPERATION_BY_ROUTE: ReadonlyMap<string, string> = new Map([
  [TOKEN_ROUTE, 'token'],
  ...TALUS_ROUTES.map((route): [string, string] => [route.url, route.operation]),
]);

export const talusProtocol: VendorProtocol = {
  vendor: 'talus',
  // Tokens expire in the token checks, and fresh ones keep working.
  ownFaults: ['expiredCredentials'],

  async register(app, context) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      // Unreadable bodies and the like; their text may quote the body, so it is not echoed.
      const answer = (error.statusCode ?? 500) < 500
        ? talusError(TalusErrorCode.validationFailed, 'request could not be read')
        : talusError(TalusErrorCode.serviceUnavailable, 'internal error');
      return send(reply, answer);
    });

    const tokens = createTokenIssuer(context);
    app.post(TOKEN_ROUTE, async (request, reply) => send(reply, tokens.issue(request)));

    await app.register(async (api) => {
      api.addHook('preHandler', async (request, reply) => {
        const refusal = tokens.refusal(request, municipalityOf(request));
        if (refusal !== undefined) return send(reply, refusal);
      });
      for (const route of TALUS_ROUTES) {
        api.route({ method: route.method, url: route.url, handler: async (request, reply) => send(reply, serve(route, request, context)) });
      }
    });
  },

  classify(request) {
    return { operation: OPERATION_BY_ROUTE.get(request.routeOptions.url ?? '') ?? 'unknown', municipalityBfs: municipalityOf(request) };
  },

  faultAnswer(fault): FaultAnswer {
    switch (fault) {
      case 'error5xx':
        return json(talusError(TalusErrorCode.serviceUnavailable, 'service unavailable, try again later', { 'retry-after': '1' }));
      case 'rateLimited':
        return json(talusError(TalusErrorCode.rateLimited, 'too many requests', { 'retry-after': '2' }));
      case 'expiredCredentials':
        return json(invalidToken());
      case 'malformed':
        return { status: 200, contentType: 'application/json', body: '{"items":[{"person_id":"P-0000-0000","given_name":"Mu' };
      case 'wrongShape':
        return {
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ data: { records: [], total: 0 }, meta: { api: 'talus', version: 2, padding: 'x'.repeat(64) } }),
        };
    }
  },
};

/** Runs a route for a served tenant and turns refusals into Talus error answers. */
function serve(route: TalusRoute, request: FastifyRequest, context: ProtocolContext): SimulatedAnswer {
  const { state } = context;
  try {
    const bfs = municipalityOf(request);
    if (bfs === undefined) return refuse(TalusErrorCode.validationFailed, 'tenant must be a BFS number');
    if (state.municipalityName(bfs) === undefined) return refuse(TalusErrorCode.tenantNotFound, 'tenant not served here');
    return route.handle(
      {
        bfs,
        params: request.params as Record<string, string | undefined>,
        query: request.query as Record<string, unknown>,
        body: request.body,
        reference: () => valid(idempotencyKey, request.headers[IDEMPOTENCY_KEY], 'Idempotency-Key header'),
      },
      state,
    );
  } catch (error) {
    if (error instanceof TalusRefusal) return error.answer;
    throw error;
  }
}

function municipalityOf(request: FastifyRequest): number | undefined {
  const value = (request.params as { bfs?: unknown } | undefined)?.bfs;
  return typeof value === 'string' && /^\d{1,4}$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

function send(reply: FastifyReply, answer: SimulatedAnswer): FastifyReply {
  reply.code(answer.status).headers(answer.headers ?? {});
  return answer.body === undefined ? reply.send() : reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
}

function json(answer: SimulatedAnswer): FaultAnswer {
  return {
    status: answer.status,
    contentType: 'application/json',
    body: answer.body === undefined ? '' : JSON.stringify(answer.body),
    ...(answer.headers === undefined ? {} : { headers: answer.headers }),
  };
}
