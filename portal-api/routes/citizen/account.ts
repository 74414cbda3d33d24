import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { PostalAddress } from '../../../core/db/accounts-repository.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { tellRetryAfter } from '../../plugins/rate-limits.ts';
import { Accepted, EmailChange, PasswordChange, ProfileChanges } from '../../schemas/accounts.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/** "Meine Daten" (ACC-5): the account as it is, and changes of name, address, password and e-mail address. */
export default async function accountRoutes(app: FastifyInstance, { accounts: { service }, agov }: RouteDeps): Promise<void> {
  tellRetryAfter(app);

  app.get('/account', {
    schema: { tags, summary: '"Meine Daten": Konto-ID, name, e-mail and postal address', security: bearerSecurity, response: { 200: Type.Ref('Account'), ...problemResponses(401) } },
  }, async (request) => {
    const { accountId } = request.citizen;
    const profile = await service.profile(accountId);
    if (!agov) return profile;
    return { ...profile, identities: await agov.login.linkedIdentities(accountId) };
  });

  app.patch('/account', {
    schema: {
      tags, summary: 'Change name and postal address (ACC-5); `address: null` removes it', security: bearerSecurity,
      body: ProfileChanges, response: { 200: Type.Ref('Account'), ...problemResponses(400, 401) },
    },
  }, async (request) => service.updateProfile(request.citizen.accountId, request.body as { firstName?: string; lastName?: string; address?: PostalAddress | null }));

  app.put('/account/password', {
    schema: {
      tags, summary: 'Change the password (ACC-5); needs the current one, and the other sessions end', security: bearerSecurity,
      description: 'Wrong current passwords are limited per account (429 with Retry-After). An account opened with AGOV has no password yet (400 password-not-set): it sets one through the forgotten-password mail.',
      body: PasswordChange, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const { accountId, sessionId } = request.citizen;
    const { currentPassword, newPassword } = request.body as { currentPassword: string; newPassword: string };
    await service.changePassword(accountId, sessionId, currentPassword, newPassword);
    return reply.code(204).send();
  });

  app.post('/account/email-change', {
    schema: {
      tags, summary: 'Change the e-mail address (ACC-5): the new address gets a confirmation link and applies only once it is followed; the old one is told',
      description: 'An account with a password sends it (wrong ones are limited per account: 429 with Retry-After). An account opened with AGOV has none: it leaves `password` out, and its session must come from an AGOV login of the last 10 minutes, else 403 reauthentication-required.',
      security: bearerSecurity, body: EmailChange, response: { 202: Accepted, ...problemResponses(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const { newEmail, password } = request.body as { newEmail: string; password?: string };
    await service.requestEmailChange(request.citizen, newEmail, password);
    return reply.code(202).send({ message: 'Bitte bestätigen Sie die neue Adresse mit dem Link, den wir ihr geschickt haben.' });
  });
}
