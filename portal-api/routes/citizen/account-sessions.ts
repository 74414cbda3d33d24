import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { SessionIdParams } from '../../schemas/accounts.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/** The account's sessions: listed, revoked one by one, logout. Login is public (public/accounts.ts). */
export default async function accountSessionRoutes(app: FastifyInstance, { accounts: { sessions } }: RouteDeps): Promise<void> {
  app.get('/sessions', {
    schema: { tags, summary: "The account's live sessions", security: bearerSecurity, response: { 200: Type.Object({ sessions: Type.Array(Type.Ref('Session')) }), ...problemResponses(401) } },
  }, async (request) => ({ sessions: await sessions.list(request.citizen) }));

  app.delete('/sessions/current', {
    schema: { tags, summary: 'Log out: this session ends', security: bearerSecurity, response: { 204: Type.Null(), ...problemResponses(401) } },
  }, async (request, reply) => {
    await sessions.revoke(request.citizen, request.citizen.sessionId);
    return reply.code(204).send();
  });

  app.delete('/sessions/:id', {
    schema: {
      tags, summary: 'End one of the account\'s sessions (e.g. a lost phone)', security: bearerSecurity,
      params: SessionIdParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    await sessions.revoke(request.citizen, (request.params as { id: string }).id);
    return reply.code(204).send();
  });
}
