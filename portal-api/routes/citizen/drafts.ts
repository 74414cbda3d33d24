import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { DraftInput } from '../../../core/drafts/draft-service.ts';
import { DRAFT_DATA_MAX_BYTES } from '../../../core/drafts/draft-limits.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';
import { DraftBody, DraftIdParams } from '../../schemas/drafts.ts';

const tags = ['drafts'];
// The data's bound plus room for the other fields.
const bodyLimit = DRAFT_DATA_MAX_BYTES + 4096;

/** ACC-9: drafts of applications; another account's draft answers 404. Not there without drafts (benchmarks). */
export default async function draftRoutes(app: FastifyInstance, { drafts, cases, loadCase }: RouteDeps): Promise<void> {
  if (!drafts) return;

  app.post('/drafts', {
    bodyLimit,
    schema: { tags, summary: 'Save an application as a draft (ACC-9)', security: bearerSecurity, body: DraftBody, response: { 201: Type.Ref('Draft'), ...problemResponses(400, 401, 409) } },
  }, async (request, reply) => {
    const draft = await drafts.create(request.citizen.accountId, request.body as DraftInput);
    return reply.code(201).header('location', `/drafts/${draft.id}`).send(draft);
  });

  app.get('/drafts', {
    schema: { tags, summary: 'The account\'s drafts, last changed first', security: bearerSecurity, response: { 200: Type.Array(Type.Ref('Draft')), ...problemResponses(401) } },
  }, async (request) => drafts.list(request.citizen.accountId));

  app.get('/drafts/:id', {
    schema: { tags, summary: 'One draft', security: bearerSecurity, params: DraftIdParams, response: { 200: Type.Ref('Draft'), ...problemResponses(400, 401, 404) } },
  }, async (request) => drafts.get(request.citizen.accountId, (request.params as { id: string }).id));

  app.put('/drafts/:id', {
    bodyLimit,
    schema: { tags, summary: 'Replace a draft\'s content', security: bearerSecurity, params: DraftIdParams, body: DraftBody, response: { 200: Type.Ref('Draft'), ...problemResponses(400, 401, 404) } },
  }, async (request) => drafts.replace(request.citizen.accountId, (request.params as { id: string }).id, request.body as DraftInput));

  app.delete('/drafts/:id', {
    schema: { tags, summary: 'Delete a draft', security: bearerSecurity, params: DraftIdParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 404) } },
  }, async (request, reply) => {
    await drafts.remove(request.citizen.accountId, (request.params as { id: string }).id);
    return reply.code(204).send();
  });

  app.post('/drafts/:id/submission', {
    schema: {
      tags, security: bearerSecurity, params: DraftIdParams,
      summary: 'Send a draft: checked as a complete application and started like POST /applications; the draft is removed',
      description: 'An incomplete draft answers 422 draft-incomplete naming each field as /draft/…; the application\'s own refusals name /draft/… too.',
      response: { 201: Type.Ref('CaseDetail'), ...problemResponses(400, 401, 404, 422, 503) },
    },
  }, async (request, reply) => {
    const result = await drafts.submit(request.citizen.accountId, (request.params as { id: string }).id);
    const row = await cases.findById(result.caseId);
    if (!row) throw new Error(`case ${result.caseId} vanished after it was filed`);
    return reply.code(201).header('location', `/cases/${result.caseId}`).send(await loadCase(row));
  });
}
