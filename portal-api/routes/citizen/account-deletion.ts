import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { DeletionService } from '../../../core/accounts/deletion-service.ts';
import { Accepted, DeletionRequest, LinkTokenBody } from '../../schemas/accounts.ts';
import { authenticateCitizenSession, bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/** ACC-6: the owner deletes the account, confirmed through a link mailed to its address. */
export function accountDeletionRoutes(deletion: DeletionService) {
  return async function (app: FastifyInstance): Promise<void> {
    app.post('/account/deletion', {
      schema: {
        tags, security: bearerSecurity,
        summary: 'Ask to delete the account (ACC-6): needs the password; a confirmation link is mailed',
        description: 'Refused with 409 while a personal case is being processed (deletion-blocked-pending-case) and while the account is the only manager of an organisation that has other members (deletion-blocked-last-manager). An account opened with AGOV has no password: it sends `{}`, and its session must come from an AGOV login of the last 10 minutes, else 403 reauthentication-required. Wrong passwords are limited per account (429 with Retry-After).',
        body: DeletionRequest, response: { 202: Accepted, ...problemResponses(400, 401, 403, 409, 429) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      await deletion.request(session, (request.body as { password?: string }).password);
      return reply.code(202).send({ message: 'Bitte bestätigen Sie die Löschung mit dem Link, den wir Ihnen geschickt haben.' });
    });

    app.post('/account/deletion/confirmation', {
      schema: {
        tags,
        summary: 'Delete the account with the token of the confirmation link (konto/loeschung-bestaetigen?token=…); once, before it expires',
        description: 'Sessions, drafts and memberships end; submitted applications are processed on but no longer shown (ACC-8). The rules of the request are checked again (409).',
        body: LinkTokenBody, response: { 204: Type.Null(), ...problemResponses(400, 409, 410) },
      },
    }, async (request, reply) => {
      await deletion.confirm((request.body as { token: string }).token);
      return reply.code(204).send();
    });
  };
}
