import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { StartApplicationResult } from '../../../core/cases/start-application.ts';
import type { CaseDetailLoader } from '../../../core/cases/case-detail.ts';
import { type Application, ApplicationSchema } from '../../../core/cases/application-schema.ts';
import type { CasesRepository } from '../../../core/db/cases-repository.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { IdempotencyHeaders, problemResponses } from '../../schemas/common.ts';

export default async function applicationRoutes(app: FastifyInstance, { startApplication, cases, loadCase }: RouteDeps): Promise<void> {
  app.post('/applications', {
    schema: {
      tags: ['applications'],
      summary: 'Submit an application: files a case and starts its process',
      security: bearerSecurity,
      headers: IdempotencyHeaders,
      body: ApplicationSchema,
      response: {
        201: Type.Ref('CaseDetail'),
        200: Type.Ref('CaseDetail', { description: 'The same application was submitted before with this Idempotency-Key' }),
        ...problemResponses(400, 401, 422, 503),
      },
    },
  }, async (request, reply) => {
    const key = (request.headers as { 'idempotency-key'?: string })['idempotency-key'];
    const result = await startApplication(request.citizen.accountId, request.body as Application, key);
    return sendFiledCase(reply, result, cases, loadCase);
  });
}

/** Answers a submit with the filed case: 201 when new, 200 when an Idempotency-Key replayed it. */
export async function sendFiledCase(reply: FastifyReply, result: StartApplicationResult, cases: CasesRepository, loadCase: CaseDetailLoader) {
  const row = await cases.findById(result.caseId);
  if (!row) throw new Error(`case ${result.caseId} vanished after it was filed`);
  const detail = await loadCase(row);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.replayed ? 200 : 201).header('location', `/cases/${result.caseId}`).send(detail);
}
