import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { PrefillSchema } from '../../schemas/agov.ts';
import { problemResponses } from '../../schemas/common.ts';

/** INT-4: what the account knows for an application form; registered with the AGOV login, whose birth date it adds. */
export default async function accountPrefillRoutes(app: FastifyInstance, { agov }: RouteDeps): Promise<void> {
  if (!agov) return;
  const { prefill } = agov;

  app.get('/account/prefill', {
    schema: {
      tags: ['accounts'], summary: 'Pre-filling of application forms (INT-4): the applicant as the account knows them',
      description: 'First and last name, e-mail and postal address and language of the account; the date of birth only when this session was opened with AGOV and AGOV gave it (kept, encrypted, with the session until it ends). With `serviceId`, also that service\'s start form pre-filled as its package says (`data`).',
      security: bearerSecurity,
      querystring: Type.Object({ serviceId: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: PrefillSchema, ...problemResponses(401) },
    },
  }, async (request) => prefill(request.citizen, (request.query as { serviceId?: string }).serviceId));
}
