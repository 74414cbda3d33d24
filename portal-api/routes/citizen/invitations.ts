import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';
import { InvitationParams, InvitationRequestSchema, InvitationTokenBody, OrganisationInvitationParams, OrganisationParams, ReceivedInvitationSchema, SentInvitationSchema } from '../../schemas/organisations.ts';

const tags = ['organisations'];
const security = bearerSecurity;
const Joined = Type.Object({ organisation: Type.Ref('Organisation') });

/**
 * Invitations to organisations (ORG-2): managers invite by e-mail address or Konto-ID and see or
 * withdraw what they sent; invitees accept or decline under "Mein Konto" or with the mailed link
 * (declining by link needs no account: public/invitation-links.ts).
 */
export default async function invitationRoutes(app: FastifyInstance, { organisations }: RouteDeps): Promise<void> {
  if (!organisations) return;
  const { invitations } = organisations;

  app.post('/organisations/:id/invitations', {
    schema: {
      tags, security,
      summary: 'Invite by e-mail address or Konto-ID (managers only, ORG-2)',
      description: 'The answer is the same whether the address or Konto-ID belongs to an account. An account holder gets a mail with a link to accept; an address without an account gets a mail inviting to open one first.',
      params: OrganisationParams, body: InvitationRequestSchema, response: { 202: SentInvitationSchema, ...problemResponses(400, 401, 403, 404, 429) },
    },
  }, async (request, reply) => {
    const invitation = await invitations.invite(request.citizen.accountId, (request.params as { id: string }).id, request.body as { email?: string; kontoId?: string });
    return reply.code(202).send(invitation);
  });

  app.get('/organisations/:id/invitations', {
    schema: {
      tags, security, summary: 'Pending, expired and declined invitations (managers only)', params: OrganisationParams,
      response: { 200: Type.Object({ invitations: Type.Array(SentInvitationSchema) }), ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => ({ invitations: await invitations.sent(request.citizen.accountId, (request.params as { id: string }).id) }));

  app.delete('/organisations/:id/invitations/:invitationId', {
    schema: {
      tags, security, summary: 'Withdraw a pending invitation (managers only); its link stops working',
      params: OrganisationInvitationParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { id, invitationId } = request.params as { id: string; invitationId: string };
    await invitations.revoke(request.citizen.accountId, id, invitationId);
    return reply.code(204).send();
  });

  app.get('/invitations', {
    schema: {
      tags, security, summary: '"Mein Konto": open invitations to the caller\'s Konto-ID or e-mail address',
      response: { 200: Type.Object({ invitations: Type.Array(ReceivedInvitationSchema) }), ...problemResponses(401) },
    },
  }, async (request) => ({ invitations: await invitations.received(request.citizen.accountId) }));

  app.post('/invitations/:id/acceptance', {
    schema: {
      tags, security, summary: 'Accept an invitation listed under "Mein Konto"; the caller becomes a member',
      params: InvitationParams, response: { 200: Joined, ...problemResponses(400, 401, 404, 409, 410) },
    },
  }, async (request) => {
    return { organisation: await invitations.acceptById(request.citizen.accountId, (request.params as { id: string }).id) };
  });

  app.post('/invitations/:id/decline', {
    schema: {
      tags, security, summary: 'Decline an invitation listed under "Mein Konto"',
      params: InvitationParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 404, 409, 410) },
    },
  }, async (request, reply) => {
    await invitations.declineById(request.citizen.accountId, (request.params as { id: string }).id);
    return reply.code(204).send();
  });

  app.post('/invitations/acceptance', {
    schema: {
      tags, security,
      summary: 'Accept with the token of the mailed link (konto/einladung?token=…), logged in with an own account; once, before it expires',
      body: InvitationTokenBody, response: { 200: Joined, ...problemResponses(400, 401, 403, 409, 410) },
    },
  }, async (request) => {
    return { organisation: await invitations.acceptByLink(request.citizen.accountId, (request.body as { token: string }).token) };
  });
}
