/**
 * The simulated Talus authorization server: issues opaque bearer tokens for the client
 * credentials of the installation and checks them on every API call. Under the
 * `expiredCredentials` fault every token issued before the fault was switched on is expired;
 * fresh ones work, as when Talus's token signing key has been rotated.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ProtocolContext } from '../vendor-simulator.ts';
import { TALUS_SCOPE } from '../../../connectors/back-office/talus/api.ts';
import type { SimulatedAnswer } from './simulator-answers.ts';
import { parseTalusCredential } from '../../../connectors/back-office/talus/token.ts';

export const TOKEN_LIFETIME_S = 300;

export type TokenIssuer = {
  /** The token endpoint's answer. */
  issue(request: FastifyRequest): SimulatedAnswer;
  /** The 401 for a request without a good token for `bfs`, or undefined when it may pass. */
  refusal(request: FastifyRequest, bfs: number | undefined): SimulatedAnswer | undefined;
};

type Grant = { readonly issuedAt: number; readonly expiresAt: number };

export function createTokenIssuer(context: ProtocolContext, now: () => number = Date.now): TokenIssuer {
  const expected = parseTalusCredential(context.credential);
  const grants = new Map<string, Grant>();

  function isClient(header: string | undefined): boolean {
    const presented = basicCredentials(header);
    // Both compared, always: how far the comparison got must not show in the timing.
    const sameId = context.sameSecret(presented?.clientId, expected.clientId);
    const sameSecret = context.sameSecret(presented?.clientSecret, expected.clientSecret);
    return sameId && sameSecret;
  }

  function expiredByFault(grant: Grant, bfs: number | undefined): boolean {
    const faults = context.faults();
    return (
      faults.mode === 'expiredCredentials' &&
      (faults.municipality === undefined || faults.municipality === bfs) &&
      grant.issuedAt < context.faultsSince()
    );
  }

  return {
    issue(request) {
      if (!isClient(request.headers.authorization)) {
        return { status: 401, body: { error: 'invalid_client' }, headers: { 'www-authenticate': 'Basic realm="talus"' } };
      }
      const form = request.body;
      if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || !isForm(form)) {
        return oauthError('invalid_request');
      }
      if (form.grant_type !== 'client_credentials') {
        return oauthError(form.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type');
      }
      if (form.scope !== undefined && form.scope.split(' ').some((scope) => scope !== TALUS_SCOPE)) {
        return oauthError('invalid_scope');
      }
      const issuedAt = now();
      for (const [token, grant] of grants) if (grant.expiresAt <= issuedAt) grants.delete(token);
      const token = randomBytes(32).toString('base64url');
      grants.set(token, { issuedAt, expiresAt: issuedAt + TOKEN_LIFETIME_S * 1000 });
      return {
        status: 200,
        headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
        body: { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, scope: TALUS_SCOPE },
      };
    },

    refusal(request, bfs) {
      const token = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token === undefined) return { status: 401, headers: { 'www-authenticate': 'Bearer realm="talus"' } };
      const grant = grants.get(token);
      if (grant === undefined || now() >= grant.expiresAt || expiredByFault(grant, bfs)) return invalidToken();
      return undefined;
    },
  };
}

/** RFC 6750 §3.1: no body, the reason is in the header. */
export function invalidToken(): SimulatedAnswer {
  return {
    status: 401,
    headers: { 'www-authenticate': 'Bearer realm="talus", error="invalid_token", error_description="token unknown or expired"' },
  };
}

function oauthError(error: string): SimulatedAnswer {
  return { status: 400, body: { error } };
}

function isForm(body: unknown): body is Readonly<Record<string, string | undefined>> {
  return typeof body === 'object' && body !== null;
}

/** RFC 6749 §2.3.1: Basic over the form-encoded client id and secret. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const encoded = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replaceAll('+', ' '));
}
