import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

const Health = Type.Object({ status: Type.String(), checks: Type.Optional(Type.Record(Type.String(), Type.String())) });

/** Liveness says the process runs; readiness says the database and the engine answer. */
export function healthRoutes(checks: ReadinessCheck[]) {
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/health/live', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({ status: 'up' }));
    app.get('/health/ready', { schema: { tags: ['health'], response: { 200: Health, 503: Health } } }, async (_request, reply) => {
      const results = await Promise.all(checks.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
      const ready = results.every(([, ok]) => ok);
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'up' : 'down',
        checks: Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'up' : 'down'])),
      });
    });
  };
}
