import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { HealthSchema } from '../../schemas/health.ts';

/** Liveness says the process runs; readiness says the database and the engine answer. */
export default async function healthRoutes(app: FastifyInstance, { readiness }: RouteDeps): Promise<void> {
  app.get('/health/live', { schema: { tags: ['health'], response: { 200: HealthSchema } } }, async () => ({ status: 'up' }));
  app.get('/health/ready', { schema: { tags: ['health'], response: { 200: HealthSchema, 503: HealthSchema } } }, async (_request, reply) => {
    const results = await Promise.all(readiness.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
    const ready = results.every(([, ok]) => ok);
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'up' : 'down',
      checks: Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'up' : 'down'])),
    });
  });
}
