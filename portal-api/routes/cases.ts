import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { CaseRow, CasesRepository } from '../../core/db/cases-repository.ts';
import type { PaymentsRepository } from '../../core/db/payments-repository.ts';
import { toCaseDetail, toCaseSummary } from '../../core/cases/case-view.ts';
import { authenticateCitizen, bearerSecurity } from '../plugins/citizen-auth.ts';
import { ProblemError } from '../../core/errors/problem-error.ts';
import type { CaseDetail } from '../../core/cases/case-schemas.ts';
import { CaseIdParams, CitizenAnswerSchema } from '../schemas/cases.ts';
import type { AnswerQuestion } from '../../core/cases/answer-question.ts';
import { problemResponses } from '../schemas/common.ts';
import { NO_MEMBERSHIPS, type OrganisationMemberships } from '../../core/organisations/index.ts';
import { mayReadCase } from '../../core/organisations/organisation-rules.ts';

/** The detail view of a case row: its phases, documents, messages and expected processing time. */
export type CaseDetailLoader = (row: CaseRow) => Promise<CaseDetail>;

export function createCaseDetailLoader(cases: CasesRepository, catalogue: CatalogueRepository, payments: PaymentsRepository): CaseDetailLoader {
  return async function detailOf(row) {
    const [history, documents, messages, days, payment] = await Promise.all([
      row.processInstanceKey ? cases.history(row.processInstanceKey) : [],
      cases.documents(row.id),
      cases.messages(row.id),
      catalogue.expectedProcessingDays(row.serviceId),
      payments.findByCase(row.id),
    ]);
    return toCaseDetail(row, { history, documents, messages, expectedProcessingDays: days ?? 0, payment });
  };
}

// Another citizen's case answers exactly like a case that does not exist.
const caseNotFound = () => new ProblemError(404, 'case-not-found', 'Vorgang nicht gefunden');

/** CASE-1, CASE-2, ORG-4: the citizen's cases and their organisations' with phase, history and expected processing time. */
export function caseRoutes(cases: CasesRepository, loadCase: CaseDetailLoader, answerQuestion: AnswerQuestion, memberships: OrganisationMemberships = NO_MEMBERSHIPS) {
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/cases', {
      schema: {
        tags: ['cases'],
        summary: "The citizen's own cases and those of their organisations (`organisation` says which), newest first",
        security: bearerSecurity,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ cases: Type.Array(Type.Ref('CaseSummary')) }), ...problemResponses(400, 401) },
      },
    }, async (request) => {
      const citizen = await authenticateCitizen(request);
      const { limit } = request.query as { limit: number };
      const rows = await cases.listOfCitizen(citizen.id, limit, await memberships.organisationIdsOf(citizen.id));
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
      const citizen = await authenticateCitizen(request);
      const { id } = request.params as { id: string };
      const row = await cases.findById(id);
      const readable = row && mayReadCase(citizen.id, { citizenId: row.citizenId, organisationId: row.organisation?.id ?? null },
        new Set(row.organisation ? await memberships.organisationIdsOf(citizen.id) : []));
      if (!row || !readable) throw caseNotFound();
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
      const citizen = await authenticateCitizen(request);
      const { id } = request.params as { id: string };
      await answerQuestion(citizen.id, id, (request.body as { text: string }).text.trim());
      return reply.code(204).send();
    });
  };
}
