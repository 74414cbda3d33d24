import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitHitsRepository } from '../../core/db/rate-limit-hits-repository.ts';
import { accountErrors, RateLimitedError } from '../../core/errors/account-errors.ts';
import { postgresRateLimitStore } from './rate-limit-store.ts';
import type { Pseudonymise, RateLimitedKind, RateLimitSettings } from '../../core/accounts/rate-limit-settings.ts';

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Login, registration and password reset are limited per client address and per e-mail address
 * (guessing passwords, flooding mailboxes). Both limits count every attempt in the window. The
 * counters are in PostgreSQL (`rate_limit_hits`), so several API instances count together. The
 * client address is the peer's, or the proxy's X-Forwarded-For when API_TRUST_PROXY names that
 * proxy. Both are counted under keyed pseudonyms, so the shared table holds no address that
 * could be read back, not even by trying them all.
 */
export async function registerRateLimits(
  app: FastifyInstance, settings: RateLimitSettings, hits: RateLimitHitsRepository, pseudonymise: Pseudonymise,
): Promise<(kind: RateLimitedKind) => Guard> {
  await app.register(fastifyRateLimit, { global: false, max: settings.perIp, timeWindow: settings.windowMs, store: postgresRateLimitStore(hits) });
  return (kind) => {
    const perIp = app.createRateLimit({
      max: settings.perIp,
      timeWindow: settings.windowMs,
      keyGenerator: (request) => `${kind}:ip:${pseudonymise(request.ip, 'rate-limit:client-address')}`,
    });
    const perAddress = app.createRateLimit({
      max: settings.perAddress,
      timeWindow: settings.windowMs,
      keyGenerator: (request) => `${kind}:address:${pseudonymise(String((request.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase(), 'rate-limit:e-mail-address')}`,
    });
    return async (request, reply) => {
      for (const limiter of [perIp, perAddress]) {
        const outcome = await limiter(request);
        if (!outcome.isAllowed && outcome.isExceeded) {
          reply.header('retry-after', String(outcome.ttlInSeconds));
          throw accountErrors.rateLimited(outcome.ttlInSeconds);
        }
      }
    };
  };
}

/** The use cases say how long a limited client waits (wrong passwords behind a session); HTTP says it in Retry-After. */
export function tellRetryAfter(app: FastifyInstance): void {
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  });
}
