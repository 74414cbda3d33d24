import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { SecondFactorService } from '../../../core/accounts/second-factor.ts';
import { TotpCodeBody } from '../../schemas/accounts.ts';
import { authenticateCitizenSession, bearerSecurity } from '../../plugins/citizen-auth.ts';
import { problemResponses } from '../../schemas/common.ts';

const tags = ['accounts'];

/** The optional second factor (TOTP): enrol, confirm with a first code, switch off with a code. */
export function accountSecondFactorRoutes(secondFactor: SecondFactorService) {
  return async function (app: FastifyInstance): Promise<void> {
    app.post('/account/second-factor', {
      schema: {
        tags, summary: 'Start enrolling an authenticator app: its secret and otpauth:// URI (for a QR code); on only after confirmation', security: bearerSecurity,
        response: { 201: Type.Object({ secret: Type.String(), otpauthUri: Type.String() }), ...problemResponses(401, 409) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      return reply.code(201).send(await secondFactor.begin(session.accountId));
    });

    app.post('/account/second-factor/confirmation', {
      schema: {
        tags, summary: 'Confirm the enrolment with the app\'s first code: from now on login needs a code', security: bearerSecurity,
        body: TotpCodeBody, response: { 204: Type.Null(), ...problemResponses(400, 401, 409, 429) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      await secondFactor.confirm(session.accountId, (request.body as { code: string }).code);
      return reply.code(204).send();
    });

    app.post('/account/second-factor/removal', {
      schema: {
        tags, summary: 'Switch the second factor off; needs a current code (wrong codes are limited per account: 429 with Retry-After)', security: bearerSecurity,
        body: TotpCodeBody, response: { 204: Type.Null(), ...problemResponses(400, 401, 409, 429) },
      },
    }, async (request, reply) => {
      const session = await authenticateCitizenSession(request);
      await secondFactor.disable(session.accountId, (request.body as { code: string }).code);
      return reply.code(204).send();
    });
  };
}
