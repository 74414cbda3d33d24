import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from './problem-details.ts';

export const TOKEN_ISSUER = 'gemeindeportal';

export interface Citizen {
  id: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; role?: string; municipalities?: string[] };
    user: { sub: string; role?: string; municipalities?: string[] };
  }
}

/**
 * Citizens authenticate with a signed bearer token (HS256). The accounts issue will issue them;
 * until then `npm run token` mints a development token.
 */
export async function registerCitizenAuth(app: FastifyInstance, secret: string): Promise<void> {
  await app.register(fastifyJwt, {
    secret,
    sign: { algorithm: 'HS256', iss: TOKEN_ISSUER },
    verify: { algorithms: ['HS256'], allowedIss: TOKEN_ISSUER },
  });
}

export async function authenticateCitizen(request: FastifyRequest): Promise<Citizen> {
  try {
    const payload = await request.jwtVerify<{ sub?: unknown; role?: unknown }>();
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('no subject');
    // Staff tokens carry a role; they never stand for a citizen.
    if (payload.role !== undefined) throw new Error('not a citizen token');
    return { id: payload.sub };
  } catch {
    throw new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich', 'A valid bearer token is required.');
  }
}

export const bearerSecurity = [{ bearerAuth: [] }];
