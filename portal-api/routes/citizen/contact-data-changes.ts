import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { refuseDataStandardFields } from '../../../core/contact-data/contact-data-change.ts';
import { ContactDataChangeRequestSchema, type ContactDataChangeRequest } from '../../../core/contact-data/contact-data-request.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { IdempotencyHeaders, problemResponses } from '../../schemas/common.ts';
import { sendFiledCase } from './applications.ts';

/** ADM-4: a citizen asks the municipality to change the phone number or e-mail address it holds. */
export default async function contactDataChangeRoutes(app: FastifyInstance, { requestContactDataChange, cases, loadCase }: RouteDeps): Promise<void> {
  app.post('/contact-data-changes', {
    preValidation: async (request) => refuseDataStandardFields(request.body),
    schema: {
      tags: ['applications'],
      summary: 'Ask the municipality to change the phone number or e-mail address it holds (ADM-4)',
      description: 'Files a case of the service contact-data-change. The residents office approves the change before the register is written; '
        + 'data of the data standard (name, date of birth, address, …) cannot be changed this way and is refused with 400.',
      security: bearerSecurity,
      headers: IdempotencyHeaders,
      body: ContactDataChangeRequestSchema,
      response: {
        201: Type.Ref('CaseDetail'),
        200: Type.Ref('CaseDetail', { description: 'The same request was submitted before with this Idempotency-Key' }),
        ...problemResponses(400, 401, 422, 503),
      },
    },
  }, async (request, reply) => {
    const key = (request.headers as { 'idempotency-key'?: string })['idempotency-key'];
    const result = await requestContactDataChange(request.citizen.accountId, request.body as ContactDataChangeRequest, key);
    return sendFiledCase(reply, result, cases, loadCase);
  });
}
