/**
 * How the simulator decides who is calling, like Payrexx: the instance from `?instance=`, then
 * either the `X-API-KEY` header or a valid `ApiSignature` parameter over the other parameters
 * (query for GET/DELETE, body for POST/PUT). Payrexx answers every wrong secret or signature with
 * 403 "The API secret is not correct." (observed live); a missing instance with 422. A call with
 * no credential at all is answered the same 403: no other answer for it is documented.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { API_SIGNATURE_PARAMETER, hasValidSignature } from '../../connectors/payment/payrexx/api-signature.ts';
import { phpGet, type PhpArray } from '../../connectors/payment/payrexx/php-query.ts';

export type SimulatedInstance = {
  readonly apiKey: string;
  /** Where transaction webhooks go; none are sent without. */
  readonly webhookUrl?: string;
};

export type Authentication =
  | { readonly ok: true; readonly instance: string }
  | { readonly ok: false; readonly httpStatus: 403 | 422; readonly message: string };

export const WRONG_SECRET_MESSAGE = 'The API secret is not correct.';

/**
 * `query` and `parameters` are what PHP would parse: the query string, and the parameters the
 * signature covers (the query again for GET and DELETE, the body otherwise).
 */
export function authenticate(
  instances: Readonly<Record<string, SimulatedInstance>>,
  query: PhpArray,
  parameters: PhpArray,
  apiKeyHeader: string | undefined,
): Authentication {
  const instance = phpGet(query, 'instance');
  if (typeof instance !== 'string' || instance === '') {
    return { ok: false, httpStatus: 422, message: 'The request could not be processed.' };
  }
  const configured = Object.hasOwn(instances, instance) ? instances[instance] : undefined;
  if (configured === undefined) return { ok: false, httpStatus: 403, message: WRONG_SECRET_MESSAGE };
  if (apiKeyHeader !== undefined) {
    return sameSecret(apiKeyHeader, configured.apiKey) ? { ok: true, instance } : { ok: false, httpStatus: 403, message: WRONG_SECRET_MESSAGE };
  }
  const signature = phpGet(parameters, API_SIGNATURE_PARAMETER) ?? phpGet(query, API_SIGNATURE_PARAMETER);
  if (typeof signature === 'string' && hasValidSignature(parameters, signature, configured.apiKey)) return { ok: true, instance };
  return { ok: false, httpStatus: 403, message: WRONG_SECRET_MESSAGE };
}

function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
