import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseEngineRecords, type EngineRecord } from '../../../core/engine/records/engine-record.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { accessErrors } from '../../../core/errors/access-errors.ts';
import { invalidEngineRecords } from '../../../core/errors/problem-error.ts';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Receives the engine exporter's record batches (engine/exporter). The exporter only moves on
 * after a 2xx, so answering 204 means: projected and committed.
 */
export default async function engineRecordRoutes(app: FastifyInstance, { projector, recordsToken: token }: RouteDeps): Promise<void> {
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 32 * 1024 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseEngineRecords(body as string));
    } catch (error) {
      done(invalidEngineRecords((error as Error).message));
    }
  });
  // Several batches a second under load: log failures only. The token is checked when the
  // request arrives, before a body of up to 32 MiB is read and parsed.
  app.post('/internal/engine-records', {
    schema: { hide: true },
    logLevel: 'warn',
    // The engine's records are projected as they are; what they carry is the engine's to say.
    config: { rawText: true },
    onRequest: async (request) => {
      if (!sameSecret(request.headers.authorization ?? '', `Bearer ${token}`)) throw accessErrors.wrongRecordsToken();
    },
  }, async (request, reply) => {
    await projector.project(request.body as EngineRecord[]);
    return reply.code(204).send();
  });
}
