import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { tellRetryAfter } from '../../plugins/rate-limits.ts';
import { Accepted, DeletionRequest } from '../../schemas/accounts.ts';
import { problemResponses } from '../../schemas/common.ts';

/** ACC-6: the owner asks to delete the account; the mailed link confirms it (public/accounts.ts). */
export default async function accountDeletionRoutes(app: FastifyInstance, { accounts: { deletion } }: RouteDeps): Promise<void> {
  tellRetryAfter(app);

  app.post('/account/deletion', {
    schema: {
      tags: ['accounts'], security: bearerSecurity,
      summary: 'Ask to delete the account (ACC-6): needs the password; a confirmation link is mailed',
      description: 'Refused with 409 while a personal case is being processed (deletion-blocked-pending-case) and while the account is the only manager of an organisation that has other members (deletion-blocked-last-manager). An account opened with AGOV has no password: it sends `{}`, and its session must come from an AGOV login of the last 10 minutes, else 403 reauthentication-required. Wrong passwords are limited per account (429 with Retry-After).',
      body: DeletionRequest, response: { 202: Accepted, ...problemResponses(400, 401, 403, 409, 429) },
    },
  }, async (request, reply) => {
    await deletion.request(request.citizen, (request.body as { password?: string }).password);
    return reply.code(202).send({ message: 'Bitte bestätigen Sie die Löschung mit dem Link, den wir Ihnen geschickt haben.' });
  });
}
