import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { tellRetryAfter } from '../../plugins/rate-limits.ts';
import { SecondFactorEnrolment, TotpCodeBody } from '../../schemas/accounts.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/** The optional second factor (TOTP): enrol, confirm with a first code, switch off with a code. */
export default async function accountSecondFactorRoutes(app: FastifyInstance, { accounts: { secondFactor } }: RouteDeps): Promise<void> {
  tellRetryAfter(app);

  app.post('/account/second-factor', {
    schema: {
      tags, summary: 'Start enrolling an authenticator app: its secret and otpauth:// URI (for a QR code); on only after confirmation', security: bearerSecurity,
      response: { 201: SecondFactorEnrolment, ...problemResponses(401, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await secondFactor.begin(request.citizen.accountId)));

  app.post('/account/second-factor/confirmation', {
    schema: {
      tags, summary: 'Confirm the enrolment with the app\'s first code: from now on login needs a code', security: bearerSecurity,
      body: TotpCodeBody, response: { 204: Type.Null(), ...problemResponses(400, 401, 409, 429) },
    },
  }, async (request, reply) => {
    await secondFactor.confirm(request.citizen.accountId, (request.body as { code: string }).code);
    return reply.code(204).send();
  });

  app.post('/account/second-factor/removal', {
    schema: {
      tags, summary: 'Switch the second factor off; needs a current code (wrong codes are limited per account: 429 with Retry-After)', security: bearerSecurity,
      body: TotpCodeBody, response: { 204: Type.Null(), ...problemResponses(400, 401, 409, 429) },
    },
  }, async (request, reply) => {
    await secondFactor.disable(request.citizen.accountId, (request.body as { code: string }).code);
    return reply.code(204).send();
  });
}
