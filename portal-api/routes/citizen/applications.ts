import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { StartApplicationResult } from '../../../core/cases/start-application.ts';
import type { CaseDetailLoader } from '../../../core/cases/case-detail.ts';
import { type Application, ApplicationSchema } from '../../../core/cases/application-schema.ts';
import type { CasesRepository } from '../../../core/db/cases-repository.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { IdempotencyHeaders, problemResponses } from '../../schemas/common.ts';
import { acceptApplicationForms } from '../../plugins/application-form.ts';
import { DEFAULT_BODY_LIMIT } from '../../app.ts';

/** How an application with files is sent (the OpenAPI document's word for it; the route reads it in plugins/application-form.ts). */
const ApplicationFormSchema = Type.Object({
  application: ApplicationSchema,
}, {
  additionalProperties: Type.Array(Type.String({ format: 'binary' })),
  description: 'An application with the files its start form asks for. The part "application" is the application as JSON, exactly as the JSON body; each file is a part named by the key its filepicker field holds in data (files::<id>, as form-js submits files), once per file. A file\'s type is judged by its content against the field\'s accept (PDF, JPEG, PNG or HEIC where it names none); refusals name /body/data/<field>: 400 for a wrong type, too many files or one missing, 413 for a file over the size limit.',
});

export default async function applicationRoutes(app: FastifyInstance, { startApplication, cases, loadCase, uploadLimits }: RouteDeps): Promise<void> {
  await acceptApplicationForms(app, { ...uploadLimits, applicationBytes: DEFAULT_BODY_LIMIT });

  app.post('/applications', {
    schema: {
      tags: ['applications'],
      summary: 'Submit an application: files a case and starts its process',
      description: 'As JSON, or as multipart/form-data with the files its start form asks for; the files become the case\'s documents.',
      security: bearerSecurity,
      headers: IdempotencyHeaders,
      // A multipart form's application part becomes the body before this is checked (plugins/application-form.ts).
      body: ApplicationSchema,
      response: {
        201: Type.Ref('CaseDetail'),
        200: Type.Ref('CaseDetail', { description: 'The same application was submitted before with this Idempotency-Key' }),
        ...problemResponses(400, 401, 413, 422, 503),
      },
    },
    config: {
      swaggerTransform: ({ schema, url }) => ({
        url,
        schema: { ...schema, body: { content: { 'application/json': { schema: ApplicationSchema }, 'multipart/form-data': { schema: ApplicationFormSchema as TSchema } } } },
      }),
    },
  }, async (request, reply) => {
    const key = (request.headers as { 'idempotency-key'?: string })['idempotency-key'];
    const result = await startApplication(request.citizen.accountId, request.body as Application, key, request.uploadedFiles ?? []);
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
