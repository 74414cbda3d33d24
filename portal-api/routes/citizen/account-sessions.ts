import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { SessionService } from '../../../core/accounts/session-service.ts';
import { LoginSchema, SessionIdParams } from '../../schemas/accounts.ts';
import { authenticateCitizenSession, bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/** Login and the account's sessions: listed, revoked one by one, logout. */
export function accountSessionRoutes(sessions: SessionService, rateLimited: preHandlerAsyncHookHandler) {
  return async function (app: FastifyInstance): Promise<void> {
    app.post('/sessions', {
      preHandler: rateLimited,
      schema: {
        tags,
        summary: 'Log in: an opaque bearer token for the API; with the second factor on, `code` is needed too',
        description: 'An unknown address and a wrong password get the same 401. A correct password of an account not yet activated gets 403.',
        body: LoginSchema,
        response: {
          201: Type.Object({ token: Type.String({ description: 'Bearer token; shown once, stored by us only as a hash' }), accountId: Type.String(), session: Type.Ref('Session') }),
          ...problemResponses(400, 401, 403, 429),
        },
      },
    }, async (request, reply) => {
      const { email, password, code } = request.body as { email: string; password: string; code?: string };
      const login = await sessions.login({ email, password, code, userAgent: request.headers['user-agent'] });
      return reply.code(201).send(login);
    });

    app.get('/sessions', {
      schema: { tags, summary: "The account's live sessions", security: bearerSecurity, response: { 200: Type.Object({ sessions: Type.Array(Type.Ref('Session')) }), ...problemResponses(401) } },
    }, async (request) => ({ sessions: await sessions.list(await authenticateCitizenSession(request)) }));

    app.delete('/sessions/current', {
      schema: { tags, summary: 'Log out: this session ends', security: bearerSecurity, response: { 204: Type.Null(), ...problemResponses(401) } },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      await sessions.revoke(session, session.sessionId);
      return reply.code(204).send();
    });

    app.delete('/sessions/:id', {
      schema: {
        tags, summary: 'End one of the account\'s sessions (e.g. a lost phone)', security: bearerSecurity,
        params: SessionIdParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 404) },
      },
    }, async (request, reply) => {
      await sessions.revoke(await authenticateCitizenSession(request), (request.params as { id: string }).id);
      return reply.code(204).send();
    });
  };
}
