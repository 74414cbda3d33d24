import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { problemResponses } from '../../schemas/common.ts';
import { InvitationTokenBody } from '../../schemas/organisations.ts';

const tags = ['organisations'];

/** ORG-2: an invitee declines with the mailed link, with or without an account. */
export default async function invitationLinkRoutes(app: FastifyInstance, { organisations }: RouteDeps): Promise<void> {
  if (!organisations) return;
  const { invitations } = organisations;

  app.post('/invitations/decline', {
    schema: {
      tags, summary: 'Decline with the token of the mailed link; needs no account',
      body: InvitationTokenBody, response: { 204: Type.Null(), ...problemResponses(400, 410) },
    },
  }, async (request, reply) => {
    await invitations.declineByLink((request.body as { token: string }).token);
    return reply.code(204).send();
  });
}
