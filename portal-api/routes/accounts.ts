import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Accounts } from '../../core/accounts/index.ts';
import type { PostalAddress } from '../../core/db/accounts-repository.ts';
import type { AccountIdentitiesRepository } from '../../core/db/account-identities-repository.ts';
import { RateLimitedError } from '../../core/errors/account-errors.ts';
import { registerRateLimits } from '../plugins/rate-limits.ts';
import {
  Accepted, EmailBody, EmailChange, LinkTokenBody, PasswordChange, PasswordResetCompletion, ProfileChanges, RegistrationSchema,
} from '../schemas/accounts.ts';
import { authenticateCitizenSession, bearerSecurity } from '../plugins/citizen-auth.ts';
import { problemResponses } from '../schemas/common.ts';
import { accountDeletionRoutes } from './accounts-deletion.ts';
import { accountSecondFactorRoutes } from './accounts-second-factor.ts';
import { accountSessionRoutes } from './accounts-sessions.ts';

const tags = ['accounts'];

/** "Mein Konto" (ACC-1…6): registration, activation, forgotten password, "Meine Daten" and its changes; sessions and the second factor. */
export function accountRoutes(accounts: Accounts, identities?: AccountIdentitiesRepository) {
  return async function (app: FastifyInstance): Promise<void> {
    const limited = await registerRateLimits(app, accounts.rateLimits, accounts.rateLimitHits, accounts.pseudonymise);
    const { service } = accounts;
    // The use cases say how long a limited client waits (wrong passwords behind a session); HTTP says it in Retry-After.
    app.addHook('onError', async (_request, reply, error) => {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    });

    app.post('/accounts', {
      preHandler: limited('registration'),
      schema: {
        tags,
        summary: 'Open an account (ACC-1); the answer is the same for a new and a known address, the mail says which',
        description: 'The password needs at least 8 characters, an upper-case and a lower-case letter and a digit (ACC-2); a 400 names every missing part at /body/password.',
        body: RegistrationSchema,
        response: { 202: Accepted, ...problemResponses(400, 429) },
      },
    }, async (request, reply) => {
      await service.register(request.body as { firstName: string; lastName: string; email: string; password: string; language?: string });
      return reply.code(202).send({ message: 'Wir haben Ihnen eine E-Mail geschickt. Bitte folgen Sie dem Link darin.' });
    });

    app.post('/accounts/activation', {
      schema: {
        tags,
        summary: 'Activate an account with the token of the registration mail\'s link (konto/aktivieren?token=…); once, before it expires',
        body: LinkTokenBody,
        response: { 204: Type.Null(), ...problemResponses(400, 410) },
      },
    }, async (request, reply) => {
      await service.activate((request.body as { token: string }).token);
      return reply.code(204).send();
    });

    app.post('/password-resets', {
      preHandler: limited('password-reset'),
      schema: {
        tags,
        summary: 'Forgotten password (ACC-4): a known address gets a link; the answer is the same for any address',
        body: EmailBody,
        response: { 202: Accepted, ...problemResponses(400, 429) },
      },
    }, async (request, reply) => {
      await service.requestPasswordReset((request.body as { email: string }).email);
      return reply.code(202).send({ message: 'Ist die Adresse bei uns registriert, erhalten Sie eine E-Mail mit einem Link.' });
    });

    app.post('/password-resets/completion', {
      schema: {
        tags,
        summary: 'Set a new password with the token of the reset link (konto/passwort-zuruecksetzen?token=…); every session ends',
        body: PasswordResetCompletion,
        response: { 204: Type.Null(), ...problemResponses(400, 410) },
      },
    }, async (request, reply) => {
      const { token, newPassword } = request.body as { token: string; newPassword: string };
      await service.completePasswordReset(token, newPassword);
      return reply.code(204).send();
    });

    app.get('/account', {
      schema: { tags, summary: '"Meine Daten": Konto-ID, name, e-mail and postal address', security: bearerSecurity, response: { 200: Type.Ref('Account'), ...problemResponses(401) } },
    }, async (request) => {
      const { accountId } = await authenticateCitizenSession(request);
      const profile = await service.profile(accountId);
      if (!identities) return profile;
      const linked = await identities.list(accountId);
      return { ...profile, identities: linked.map((identity) => ({ provider: identity.provider, linkedAt: identity.linkedAt.toISOString() })) };
    });

    app.patch('/account', {
      schema: {
        tags, summary: 'Change name and postal address (ACC-5); `address: null` removes it', security: bearerSecurity,
        body: ProfileChanges, response: { 200: Type.Ref('Account'), ...problemResponses(400, 401) },
      },
    }, async (request) => {
      const session = await authenticateCitizenSession(request);
      return service.updateProfile(session.accountId, request.body as { firstName?: string; lastName?: string; address?: PostalAddress | null });
    });

    app.put('/account/password', {
      schema: {
        tags, summary: 'Change the password (ACC-5); needs the current one, and the other sessions end', security: bearerSecurity,
        description: 'Wrong current passwords are limited per account (429 with Retry-After). An account opened with AGOV has no password yet (400 password-not-set): it sets one through the forgotten-password mail.',
        body: PasswordChange, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 429) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      const { currentPassword, newPassword } = request.body as { currentPassword: string; newPassword: string };
      await service.changePassword(session.accountId, session.sessionId, currentPassword, newPassword);
      return reply.code(204).send();
    });

    app.post('/account/email-change', {
      schema: {
        tags, summary: 'Change the e-mail address (ACC-5): the new address gets a confirmation link and applies only once it is followed; the old one is told',
        description: 'An account with a password sends it (wrong ones are limited per account: 429 with Retry-After). An account opened with AGOV has none: it leaves `password` out, and its session must come from an AGOV login of the last 10 minutes, else 403 reauthentication-required.',
        security: bearerSecurity, body: EmailChange, response: { 202: Accepted, ...problemResponses(400, 401, 403, 429) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      const { newEmail, password } = request.body as { newEmail: string; password?: string };
      await service.requestEmailChange(session, newEmail, password);
      return reply.code(202).send({ message: 'Bitte bestätigen Sie die neue Adresse mit dem Link, den wir ihr geschickt haben.' });
    });

    app.post('/account/email-change/confirmation', {
      schema: {
        tags, summary: 'Confirm a new e-mail address with the token of its link (konto/email-bestaetigen?token=…)',
        body: LinkTokenBody, response: { 204: Type.Null(), ...problemResponses(400, 409, 410) },
      },
    }, async (request, reply) => {
      await service.confirmEmailChange((request.body as { token: string }).token);
      return reply.code(204).send();
    });

    await app.register(accountSessionRoutes(accounts.sessions, limited('login')));
    await app.register(accountSecondFactorRoutes(accounts.secondFactor));
    await app.register(accountDeletionRoutes(accounts.deletion));
  };
}
