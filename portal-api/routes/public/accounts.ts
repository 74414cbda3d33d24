import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { registerRateLimits, tellRetryAfter } from '../../plugins/rate-limits.ts';
import { Accepted, EmailBody, LinkTokenBody, LoginAnswer, LoginSchema, PasswordResetCompletion, RegistrationSchema } from '../../schemas/accounts.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/**
 * "Mein Konto" (ACC-1…6) before login: registration, activation, forgotten password, login, and
 * the mailed links that confirm a new address or a deletion. Registration, the forgotten password
 * and login are limited per client address and per e-mail address.
 */
export default async function accountRoutes(app: FastifyInstance, { accounts }: RouteDeps): Promise<void> {
  const limited = await registerRateLimits(app, accounts.rateLimits, accounts.rateLimitHits, accounts.pseudonymise);
  const { service } = accounts;
  tellRetryAfter(app);

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

  app.post('/sessions', {
    preHandler: limited('login'),
    schema: {
      tags,
      summary: 'Log in: an opaque bearer token for the API; with the second factor on, `code` is needed too',
      description: 'An unknown address and a wrong password get the same 401. A correct password of an account not yet activated gets 403.',
      body: LoginSchema,
      response: { 201: LoginAnswer, ...problemResponses(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const { email, password, code } = request.body as { email: string; password: string; code?: string };
    const login = await accounts.sessions.login({ email, password, code, userAgent: request.headers['user-agent'] });
    return reply.code(201).send(login);
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

  app.post('/account/deletion/confirmation', {
    schema: {
      tags,
      summary: 'Delete the account with the token of the confirmation link (konto/loeschung-bestaetigen?token=…); once, before it expires',
      description: 'Sessions, drafts and memberships end; submitted applications are processed on but no longer shown (ACC-8). The rules of the request are checked again (409).',
      body: LinkTokenBody, response: { 204: Type.Null(), ...problemResponses(400, 409, 410) },
    },
  }, async (request, reply) => {
    await accounts.deletion.confirm((request.body as { token: string }).token);
    return reply.code(204).send();
  });
}
