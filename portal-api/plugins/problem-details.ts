import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_BASE, ProblemError, type Problem } from '../../core/errors/problem-error.ts';

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send({ ...problem, instance: reply.request.url });
}

function validationProblem(error: FastifyError): Problem {
  const context = error.validationContext ?? 'body';
  const errors = (error.validation ?? []).map((issue) => {
    const missing = (issue.params as { missingProperty?: string; additionalProperty?: string } | undefined);
    const extra = missing?.missingProperty ?? missing?.additionalProperty;
    const pointer = `/${context}${issue.instancePath}${extra ? `/${extra}` : ''}`;
    return { pointer, detail: issue.message ?? 'is invalid' };
  });
  return {
    type: `${PROBLEM_BASE}validation`,
    title: 'Die Anfrage ist ungültig.',
    status: 400,
    detail: errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '),
    errors,
  };
}

/** Fastify's refusals of a request it cannot read, in the API's words (German first, like every text). */
const REQUEST_REFUSALS: Record<string, Omit<Problem, 'status'>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { type: `${PROBLEM_BASE}body-too-large`, title: 'Die Anfrage ist zu gross.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { type: `${PROBLEM_BASE}unsupported-media-type`, title: 'Dieses Format wird hier nicht angenommen.', errors: [{ pointer: '/headers/content-type', detail: 'is not accepted here' }] },
  FST_ERR_CTP_INVALID_JSON_BODY: { type: `${PROBLEM_BASE}validation`, title: 'Die Anfrage ist ungültig.', detail: '/body: is not valid JSON', errors: [{ pointer: '/body', detail: 'is not valid JSON' }] },
  FST_ERR_CTP_EMPTY_JSON_BODY: { type: `${PROBLEM_BASE}validation`, title: 'Die Anfrage ist ungültig.', detail: '/body: is empty', errors: [{ pointer: '/body', detail: 'is empty' }] },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { type: `${PROBLEM_BASE}validation`, title: 'Die Anfrage ist ungültig.', detail: '/headers/content-length: does not match the body', errors: [{ pointer: '/headers/content-length', detail: 'does not match the body' }] },
};

/** One error handler for the whole API: 4xx say what is wrong, 5xx never leak internals. */
export function registerProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) {
      if (error.problem.status >= 500) request.log.error({ err: error.cause ?? error }, error.problem.title);
      return sendProblem(reply, error.problem);
    }
    if (error.validation) return sendProblem(reply, validationProblem(error));
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const known = Object.hasOwn(REQUEST_REFUSALS, error.code) ? REQUEST_REFUSALS[error.code] : undefined;
      return sendProblem(reply, known ? { ...known, status } : { type: 'about:blank', title: error.message, status });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, { type: 'about:blank', title: 'Interner Fehler', status });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { type: 'about:blank', title: 'Nicht gefunden', status: 404, detail: `${request.method} ${request.url}` }),
  );
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot read (bad percent-encoding) or a path
 * parameter longer than it takes, answered as problem JSON like every other refusal.
 */
export function frameworkProblem(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, { type: `${PROBLEM_BASE}uri-too-long`, title: 'Die Adresse ist zu lang.', status: 414, errors: [{ pointer: '/params', detail: 'is too long' }] });
  }
  return sendProblem(reply, { type: `${PROBLEM_BASE}validation`, title: 'Die Anfrage ist ungültig.', status: 400, detail: '/url: is not a valid URL', errors: [{ pointer: '/url', detail: 'is not a valid URL' }] });
}

const CLIENT_ERRORS: Record<string, { status: number; title: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Adresse oder Kopfzeilen der Anfrage sind zu lang.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'Die Anfrage kam nicht rechtzeitig an.' },
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses before Fastify sees it
 * (headers or URL too long, broken HTTP) gets problem JSON too, written to the socket.
 */
export function clientErrorProblem(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, title } = (error.code !== undefined && CLIENT_ERRORS[error.code]) || { status: 400, title: 'Die Anfrage ist ungültig.' };
  const body = JSON.stringify({ type: 'about:blank', title, status });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Client Error'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
