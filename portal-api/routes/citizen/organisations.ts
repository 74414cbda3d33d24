import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Organisations } from '../../../core/organisations/index.ts';
import type { OrganisationInput } from '../../../core/organisations/organisation-service.ts';
import type { OrganisationRole } from '../../../core/organisations/organisation-rules.ts';
import {
  InvitationParams, InvitationRequestSchema, InvitationTokenBody, MemberParams, MemberSchema, NewOrganisationSchema, OrganisationChangesSchema,
  OrganisationInvitationParams, OrganisationParams, ReceivedInvitationSchema, RoleChangeSchema, SentInvitationSchema,
} from '../../schemas/organisations.ts';
import { authenticateCitizen, bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['organisations'];
const security = bearerSecurity;
const Organisation = Type.Ref('Organisation');
const Joined = Type.Object({ organisation: Organisation });

/**
 * Organisations (ORG-1…3): a citizen creates one and becomes its manager; managers edit it,
 * invite by e-mail address or Konto-ID, change roles and remove members; invitees accept or
 * decline through the mailed link or under "Mein Konto". An organisation the caller is not a
 * member of answers 404, as if it did not exist.
 */
export function organisationRoutes({ service, invitations }: Organisations) {
  return async function (app: FastifyInstance): Promise<void> {
    app.post('/organisations', {
      schema: {
        tags, security, summary: 'Create an organisation (ORG-1); the creator becomes its first manager',
        body: NewOrganisationSchema, response: { 201: Organisation, ...problemResponses(400, 401) },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      const organisation = await service.create(citizen.id, request.body as OrganisationInput);
      return reply.code(201).header('location', `/organisations/${organisation.id}`).send(organisation);
    });

    app.get('/organisations', {
      schema: { tags, security, summary: "The caller's organisations, with the caller's role", response: { 200: Type.Object({ organisations: Type.Array(Organisation) }), ...problemResponses(401) } },
    }, async (request) => ({ organisations: await service.list((await authenticateCitizen(request)).id) }));

    app.get('/organisations/:id', {
      schema: { tags, security, summary: 'One of the caller\'s organisations', params: OrganisationParams, response: { 200: Organisation, ...problemResponses(400, 401, 404) } },
    }, async (request) => service.get((await authenticateCitizen(request)).id, (request.params as { id: string }).id));

    app.patch('/organisations/:id', {
      schema: {
        tags, security, summary: 'Edit name, additional designation and addresses (managers only); null removes the designation or the billing address',
        params: OrganisationParams, body: OrganisationChangesSchema, response: { 200: Organisation, ...problemResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const citizen = await authenticateCitizen(request);
      return service.update(citizen.id, (request.params as { id: string }).id, request.body as Partial<OrganisationInput>);
    });

    app.get('/organisations/:id/members', {
      schema: {
        tags, security, summary: 'The members and their roles', params: OrganisationParams,
        response: { 200: Type.Object({ members: Type.Array(MemberSchema) }), ...problemResponses(400, 401, 404) },
      },
    }, async (request) => ({ members: await service.members((await authenticateCitizen(request)).id, (request.params as { id: string }).id) }));

    app.put('/organisations/:id/members/:accountId/role', {
      schema: {
        tags, security, summary: 'Designate a manager among the members, or make a manager a member again (managers only; the last manager stays)',
        params: MemberParams, body: RoleChangeSchema, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      const { id, accountId } = request.params as { id: string; accountId: string };
      await service.changeRole(citizen.id, id, accountId, (request.body as { role: OrganisationRole }).role);
      return reply.code(204).send();
    });

    app.delete('/organisations/:id/members/:accountId', {
      schema: {
        tags, security, summary: 'Remove a member (managers), or leave (one\'s own account id); the last manager cannot leave',
        params: MemberParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      const { id, accountId } = request.params as { id: string; accountId: string };
      await service.removeMember(citizen.id, id, accountId);
      return reply.code(204).send();
    });

    app.post('/organisations/:id/invitations', {
      schema: {
        tags, security,
        summary: 'Invite by e-mail address or Konto-ID (managers only, ORG-2)',
        description: 'The answer is the same whether the address or Konto-ID belongs to an account. An account holder gets a mail with a link to accept; an address without an account gets a mail inviting to open one first.',
        params: OrganisationParams, body: InvitationRequestSchema, response: { 202: SentInvitationSchema, ...problemResponses(400, 401, 403, 404, 429) },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      const invitation = await invitations.invite(citizen.id, (request.params as { id: string }).id, request.body as { email?: string; kontoId?: string });
      return reply.code(202).send(invitation);
    });

    app.get('/organisations/:id/invitations', {
      schema: {
        tags, security, summary: 'Pending, expired and declined invitations (managers only)', params: OrganisationParams,
        response: { 200: Type.Object({ invitations: Type.Array(SentInvitationSchema) }), ...problemResponses(400, 401, 403, 404) },
      },
    }, async (request) => ({ invitations: await invitations.sent((await authenticateCitizen(request)).id, (request.params as { id: string }).id) }));

    app.delete('/organisations/:id/invitations/:invitationId', {
      schema: {
        tags, security, summary: 'Withdraw a pending invitation (managers only); its link stops working',
        params: OrganisationInvitationParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      const { id, invitationId } = request.params as { id: string; invitationId: string };
      await invitations.revoke(citizen.id, id, invitationId);
      return reply.code(204).send();
    });

    app.get('/invitations', {
      schema: {
        tags, security, summary: '"Mein Konto": open invitations to the caller\'s Konto-ID or e-mail address',
        response: { 200: Type.Object({ invitations: Type.Array(ReceivedInvitationSchema) }), ...problemResponses(401) },
      },
    }, async (request) => ({ invitations: await invitations.received((await authenticateCitizen(request)).id) }));

    app.post('/invitations/:id/acceptance', {
      schema: {
        tags, security, summary: 'Accept an invitation listed under "Mein Konto"; the caller becomes a member',
        params: InvitationParams, response: { 200: Joined, ...problemResponses(400, 401, 404, 409, 410) },
      },
    }, async (request) => {
      const citizen = await authenticateCitizen(request);
      return { organisation: await invitations.acceptById(citizen.id, (request.params as { id: string }).id) };
    });

    app.post('/invitations/:id/decline', {
      schema: {
        tags, security, summary: 'Decline an invitation listed under "Mein Konto"',
        params: InvitationParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 404, 409, 410) },
      },
    }, async (request, reply) => {
      const citizen = await authenticateCitizen(request);
      await invitations.declineById(citizen.id, (request.params as { id: string }).id);
      return reply.code(204).send();
    });

    app.post('/invitations/acceptance', {
      schema: {
        tags, security,
        summary: 'Accept with the token of the mailed link (konto/einladung?token=…), logged in with an own account; once, before it expires',
        body: InvitationTokenBody, response: { 200: Joined, ...problemResponses(400, 401, 403, 409, 410) },
      },
    }, async (request) => {
      const citizen = await authenticateCitizen(request);
      return { organisation: await invitations.acceptByLink(citizen.id, (request.body as { token: string }).token) };
    });

    app.post('/invitations/decline', {
      schema: {
        tags, summary: 'Decline with the token of the mailed link; needs no account',
        body: InvitationTokenBody, response: { 204: Type.Null(), ...problemResponses(400, 410) },
      },
    }, async (request, reply) => {
      await invitations.declineByLink((request.body as { token: string }).token);
      return reply.code(204).send();
    });
  };
}
