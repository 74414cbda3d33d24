// The API's answers of 500 and above during a test run, read from its request log. A 5xx the
// tests did not provoke on purpose is a defect, whichever test made the request.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** One 5xx answer, as the request log has it. */
export interface ServerError { method: string; url: string; statusCode: number }

interface LogLine { msg?: string; reqId?: string; req?: { method?: string; url?: string }; res?: { statusCode?: number } }

/**
 * A logger writing `level` and above to stdout as before, and reading Fastify's request log
 * (level info) on the side: what each request was, and which were answered with 5xx.
 */
export function loggerRecordingServerErrors(level: pino.LevelWithSilent): { logger: Logger; serverErrors(): ServerError[] } {
  const open = new Map<string, { method: string; url: string }>();
  const errors: ServerError[] = [];
  const recorder = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString('utf8');
      // Most lines are not about requests; only these two kinds are parsed.
      if (text.includes('"incoming request"') || text.includes('"request completed"')) {
        const line = JSON.parse(text) as LogLine;
        if (line.reqId === undefined) return done();
        if (line.msg === 'incoming request') open.set(line.reqId, { method: line.req?.method ?? '?', url: line.req?.url ?? '?' });
        else {
          const request = open.get(line.reqId);
          open.delete(line.reqId);
          const statusCode = line.res?.statusCode ?? 0;
          if (statusCode >= 500) errors.push({ method: request?.method ?? '?', url: request?.url ?? '?', statusCode });
        }
      }
      done();
    },
  });
  const logger = pino({ level: 'info' }, pino.multistream([{ level: level === 'silent' ? 'fatal' : level, stream: process.stdout }, { level: 'info', stream: recorder }]));
  return { logger, serverErrors: () => [...errors] };
}
