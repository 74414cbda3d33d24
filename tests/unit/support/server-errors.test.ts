// The test platform's watch for 5xx answers, on a Fastify app of its own.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerRecordingServerErrors } from '../../support/server-errors.ts';

describe('recording the 5xx answers of the request log', () => {
  it('when requests are answered 200, 404, 500 and 503, then the 500 and the 503 are recorded with method and URL', async () => {
    const { logger, serverErrors } = loggerRecordingServerErrors('silent');
    const app = Fastify({ loggerInstance: logger });
    app.get('/fine', async () => ({ ok: true }));
    app.post('/broken', async () => {
      throw new Error('a defect');
    });
    app.get('/unavailable', async (_request, reply) => reply.code(503).send({ later: true }));
    await app.ready();
    await app.inject({ method: 'GET', url: '/fine' });
    await app.inject({ method: 'GET', url: '/missing' });
    await app.inject({ method: 'POST', url: '/broken?x=1' });
    await app.inject({ method: 'GET', url: '/unavailable' });
    await app.close();
    expect(serverErrors()).toEqual([
      { method: 'POST', url: '/broken?x=1', statusCode: 500 },
      { method: 'GET', url: '/unavailable', statusCode: 503 },
    ]);
  });
});
