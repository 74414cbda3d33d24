import type { FastifyInstance } from 'fastify';
import { authenticateCitizenSession } from '../../plugins/citizen-auth.ts';

/**
 * Every route in routes/citizen/ and below is the bearer token's owner's: 401 problem JSON without
 * a live session, else `request.citizen` is it. Checked after the request's schema, as the
 * handlers did before: a malformed request is told so whoever sends it.
 */
export default async function citizenOnly(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', async (request) => {
    request.citizen = await authenticateCitizenSession(request);
  });
}
