import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitHitsRepository } from '../../core/db/rate-limit-hits-repository.ts';

type Answer = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for `@fastify/rate-limit` over PostgreSQL, so that every API instance counts the same
 * attempts: a fixed window per key, each hit one atomic upsert. The plugin makes the store itself
 * (`new Store(options)`), so the repository and the clock come in through this closure; the keys
 * already say which limit they belong to, so a route's child store is the same store.
 */
export function postgresRateLimitStore(hits: RateLimitHitsRepository, now: () => Date = () => new Date()): FastifyRateLimitStoreCtor {
  const answer = (counted: Promise<{ hits: number; windowEndsAt: Date } | undefined>, at: Date, callback: Answer) => {
    counted.then(
      (count) => callback(null, count ? { current: count.hits, ttl: Math.max(0, count.windowEndsAt.getTime() - at.getTime()) } : { current: 0, ttl: 0 }),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  };
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Answer, timeWindow: number): void {
      const at = now();
      answer(hits.hit(key, timeWindow, at), at, callback);
    }

    /** The plugin's non-counting look (`{ increment: false }`). */
    read(key: string, callback: Answer): void {
      const at = now();
      answer(hits.read(key, at), at, callback);
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
