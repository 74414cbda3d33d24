import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { safeReturnPath, signLinkTicket } from '../../oidc/agov.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { AgovCodeBody, LinkedIdentity, LinkStartAnswer, LinkStartBody } from '../../schemas/agov.ts';
import { problemResponses } from '../../schemas/common.ts';
import { agovErrors } from '../../../core/errors/agov-errors.ts';

const tags = ['accounts'];

/**
 * Linking AGOV to a logged-in account (INT-5): a start address for the browser, the confirmation
 * with the one-time code AGOV's callback returned, unlinking, and the list of linked logins.
 * The login itself is public/agov-login.ts.
 */
export default async function accountIdentityRoutes(app: FastifyInstance, { agov }: RouteDeps): Promise<void> {
  if (!agov) return;
  const { settings, login } = agov;

  app.post('/account/identities/agov', {
    schema: {
      tags, summary: 'Link AGOV to this account: answers the address to send the browser to (valid five minutes)',
      security: bearerSecurity,
      body: LinkStartBody,
      response: { 200: LinkStartAnswer, ...problemResponses(400, 401) },
    },
  }, async (request) => {
    const next = (request.body as { next?: string } | undefined)?.next ?? '/konto';
    if (!safeReturnPath(next)) throw agovErrors.returnPathInvalid('/body/next', 'not an allowed page');
    const query = new URLSearchParams({ next, link: signLinkTicket(app, request.citizen.accountId) });
    return { location: `${settings.publicUrl}/login/agov?${query.toString()}` };
  });

  app.post('/account/identities/agov/confirmation', {
    schema: {
      tags, summary: 'Finish linking AGOV: the one-time code of the return page (`?agov-link=`), with a session of the account that started it',
      security: bearerSecurity, body: AgovCodeBody,
      response: { 204: Type.Null(), ...problemResponses(400, 401, 409) },
    },
  }, async (request, reply) => {
    await login.confirmLink(request.citizen.accountId, (request.body as { code: string }).code);
    request.log.info({ accountId: request.citizen.accountId }, 'AGOV identity linked');
    return reply.code(204).send();
  });

  app.delete('/account/identities/agov', {
    schema: {
      tags, summary: 'Unlink AGOV from this account; only while the account has a password, so that it can still be logged in to',
      security: bearerSecurity, response: { 204: Type.Null(), ...problemResponses(401, 404, 409) },
    },
  }, async (request, reply) => {
    await login.unlink(request.citizen.accountId);
    return reply.code(204).send();
  });

  app.get('/account/identities', {
    schema: {
      tags, summary: 'The external logins (AGOV / e-ID) linked to this account', security: bearerSecurity,
      response: { 200: Type.Object({ identities: Type.Array(LinkedIdentity) }), ...problemResponses(401) },
    },
  }, async (request) => ({ identities: await login.linkedIdentities(request.citizen.accountId) }));
}
