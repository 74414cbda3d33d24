import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { OrganisationInput } from '../../../core/organisations/organisation-service.ts';
import type { OrganisationRole } from '../../../core/organisations/organisation-rules.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';
import { MemberParams, MemberSchema, NewOrganisationSchema, OrganisationChangesSchema, OrganisationParams, RoleChangeSchema } from '../../schemas/organisations.ts';

const tags = ['organisations'];
const security = bearerSecurity;
const Organisation = Type.Ref('Organisation');

/**
 * Organisations (ORG-1…3): a citizen creates one and becomes its manager; managers edit it,
 * change roles and remove members (invitations.ts invites). An organisation the caller is not a
 * member of answers 404, as if it did not exist. Not there without organisations (benchmarks).
 */
export default async function organisationRoutes(app: FastifyInstance, { organisations }: RouteDeps): Promise<void> {
  if (!organisations) return;
  const { service } = organisations;

  app.post('/organisations', {
    schema: {
      tags, security, summary: 'Create an organisation (ORG-1); the creator becomes its first manager',
      body: NewOrganisationSchema, response: { 201: Organisation, ...problemResponses(400, 401) },
    },
  }, async (request, reply) => {
    const organisation = await service.create(request.citizen.accountId, request.body as OrganisationInput);
    return reply.code(201).header('location', `/organisations/${organisation.id}`).send(organisation);
  });

  app.get('/organisations', {
    schema: { tags, security, summary: "The caller's organisations, with the caller's role", response: { 200: Type.Object({ organisations: Type.Array(Organisation) }), ...problemResponses(401) } },
  }, async (request) => ({ organisations: await service.list(request.citizen.accountId) }));

  app.get('/organisations/:id', {
    schema: { tags, security, summary: 'One of the caller\'s organisations', params: OrganisationParams, response: { 200: Organisation, ...problemResponses(400, 401, 404) } },
  }, async (request) => service.get(request.citizen.accountId, (request.params as { id: string }).id));

  app.patch('/organisations/:id', {
    schema: {
      tags, security, summary: 'Edit name, additional designation and addresses (managers only); null removes the designation or the billing address',
      params: OrganisationParams, body: OrganisationChangesSchema, response: { 200: Organisation, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    return service.update(request.citizen.accountId, (request.params as { id: string }).id, request.body as Partial<OrganisationInput>);
  });

  app.get('/organisations/:id/members', {
    schema: {
      tags, security, summary: 'The members and their roles', params: OrganisationParams,
      response: { 200: Type.Object({ members: Type.Array(MemberSchema) }), ...problemResponses(400, 401, 404) },
    },
  }, async (request) => ({ members: await service.members(request.citizen.accountId, (request.params as { id: string }).id) }));

  app.put('/organisations/:id/members/:accountId/role', {
    schema: {
      tags, security, summary: 'Designate a manager among the members, or make a manager a member again (managers only; the last manager stays)',
      params: MemberParams, body: RoleChangeSchema, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { id, accountId } = request.params as { id: string; accountId: string };
    await service.changeRole(request.citizen.accountId, id, accountId, (request.body as { role: OrganisationRole }).role);
    return reply.code(204).send();
  });

  app.delete('/organisations/:id/members/:accountId', {
    schema: {
      tags, security, summary: 'Remove a member (managers), or leave (one\'s own account id); the last manager cannot leave',
      params: MemberParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { id, accountId } = request.params as { id: string; accountId: string };
    await service.removeMember(request.citizen.accountId, id, accountId);
    return reply.code(204).send();
  });
}
