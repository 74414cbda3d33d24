import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AgovLogin } from '../../../core/accounts/agov-login.ts';
import { ProblemError } from '../../../core/errors.ts';
import { safeReturnPath, signLinkTicket, type AgovSettings } from '../../oidc/agov.ts';
import { authenticateCitizenSession, bearerSecurity } from '../../plugins/citizen-auth.ts';
import { AgovCodeBody, LinkedIdentity } from '../../schemas/agov.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/**
 * Linking AGOV to a logged-in account (INT-5): a start address for the browser, the confirmation
 * with the one-time code AGOV's callback returned, unlinking, and the list of linked logins.
 * The login itself is public/agov-login.ts.
 */
export function accountIdentityRoutes(settings: AgovSettings, login: AgovLogin) {
  return async function (app: FastifyInstance): Promise<void> {
    app.post('/account/identities/agov', {
      schema: {
        tags, summary: 'Link AGOV to this account: answers the address to send the browser to (valid five minutes)',
        security: bearerSecurity,
        body: Type.Optional(Type.Object({ next: Type.Optional(Type.String()) }, { additionalProperties: false })),
        response: { 200: Type.Object({ location: Type.String() }), ...problemResponses(400, 401) },
      },
    }, async (request) => {
      const session = await authenticateCitizenSession(request);
      const next = (request.body as { next?: string } | undefined)?.next ?? '/konto';
      if (!safeReturnPath(next)) throw new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', '/body/next: not an allowed page', [{ pointer: '/body/next', detail: 'not an allowed page' }]);
      const query = new URLSearchParams({ next, link: signLinkTicket(app, session.accountId) });
      return { location: `${settings.publicUrl}/login/agov?${query.toString()}` };
    });

    app.post('/account/identities/agov/confirmation', {
      schema: {
        tags, summary: 'Finish linking AGOV: the one-time code of the return page (`?agov-link=`), with a session of the account that started it',
        security: bearerSecurity, body: AgovCodeBody,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 409) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      await login.confirmLink(session.accountId, (request.body as { code: string }).code);
      request.log.info({ accountId: session.accountId }, 'AGOV identity linked');
      return reply.code(204).send();
    });

    app.delete('/account/identities/agov', {
      schema: {
        tags, summary: 'Unlink AGOV from this account; only while the account has a password, so that it can still be logged in to',
        security: bearerSecurity, response: { 204: Type.Null(), ...problemResponses(401, 404, 409) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      await login.unlink(session.accountId);
      return reply.code(204).send();
    });

    app.get('/account/identities', {
      schema: {
        tags, summary: 'The external logins (AGOV / e-ID) linked to this account', security: bearerSecurity,
        response: { 200: Type.Object({ identities: Type.Array(LinkedIdentity) }), ...problemResponses(401) },
      },
    }, async (request) => {
      const session = await authenticateCitizenSession(request);
      return { identities: await login.linkedIdentities(session.accountId) };
    });
  };
}
