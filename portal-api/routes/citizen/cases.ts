import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { toCaseSummary } from '../../../core/cases/case-view.ts';
import { NO_MEMBERSHIPS } from '../../../core/organisations/index.ts';
import { mayReadCase } from '../../../core/organisations/organisation-rules.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { CaseIdParams, CaseListQuery, CitizenAnswerSchema } from '../../schemas/cases.ts';
import { problemResponses } from '../../schemas/common.ts';
import { caseErrors } from '../../../core/errors/case-errors.ts';

/** CASE-1, CASE-2, ORG-4: the citizen's cases and their organisations' with phase, history and expected processing time. */
export default async function caseRoutes(app: FastifyInstance, { cases, loadCase, answerQuestion, organisations }: RouteDeps): Promise<void> {
  const memberships = organisations?.memberships ?? NO_MEMBERSHIPS;

  app.get('/cases', {
    schema: {
      tags: ['cases'],
      summary: "The citizen's own cases and those of their organisations (`organisation` says which), newest first",
      security: bearerSecurity,
      querystring: CaseListQuery,
      response: { 200: Type.Object({ cases: Type.Array(Type.Ref('CaseSummary')) }), ...problemResponses(400, 401) },
    },
  }, async (request) => {
    const { accountId } = request.citizen;
    const { limit } = request.query as { limit: number };
    const rows = await cases.listOfCitizen(accountId, limit, await memberships.organisationIdsOf(accountId));
    return { cases: rows.map(toCaseSummary) };
  });

  app.get('/cases/:id', {
    schema: {
      tags: ['cases'],
      summary: 'One case: phase, history with times, expected processing time, outcome, documents, messages',
      security: bearerSecurity,
      params: CaseIdParams,
      response: { 200: Type.Ref('CaseDetail'), ...problemResponses(400, 401, 404) },
    },
  }, async (request) => {
    const { accountId } = request.citizen;
    const { id } = request.params as { id: string };
    const row = await cases.findById(id);
    const readable = row && mayReadCase(accountId, { citizenId: row.citizenId, organisationId: row.organisation?.id ?? null },
      new Set(row.organisation ? await memberships.organisationIdsOf(accountId) : []));
    if (!row || !readable) throw caseErrors.notFound();
    return loadCase(row);
  });

  app.post('/cases/:id/answers', {
    schema: {
      tags: ['cases'],
      summary: "Answer the municipality's question; the case continues with its review",
      security: bearerSecurity,
      params: CaseIdParams,
      body: CitizenAnswerSchema,
      response: { 204: Type.Null(), ...problemResponses(400, 401, 404, 409, 503) },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await answerQuestion(request.citizen.accountId, id, (request.body as { text: string }).text.trim());
    return reply.code(204).send();
  });
}
