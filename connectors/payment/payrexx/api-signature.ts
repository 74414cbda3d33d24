/**
 * Payrexx's older authentication: the parameter `ApiSignature`, the base64 of an HMAC-SHA256 keyed
 * with the API key over the request's parameters as PHP's `http_build_query` writes them
 * (RFC 1738, space as '+'), all parameters except `instance` and the signature itself.
 * Documented as `base64_encode(hash_hmac('sha256', http_build_query($params, null, '&'), $apiSecret, true))`
 * at https://developers.payrexx.com/v1.0/reference (section "Authentication - API signature").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { httpBuildQuery, phpWithout, type PhpArray } from './php-query.ts';

export const API_SIGNATURE_PARAMETER = 'ApiSignature';

/** The signature of an already built RFC 1738 query string ('' when there are no parameters). */
export function signQueryString(queryString: string, apiKey: string): string {
  return createHmac('sha256', apiKey).update(queryString, 'utf8').digest('base64');
}

/** The signature of a request's parameters, as Payrexx computes it on receipt. */
export function signParameters(parameters: PhpArray, apiKey: string): string {
  return signQueryString(httpBuildQuery(phpWithout(parameters, 'instance', API_SIGNATURE_PARAMETER)), apiKey);
}

/** Whether `presented` is the signature of `parameters`, compared in constant time. */
export function hasValidSignature(parameters: PhpArray, presented: string, apiKey: string): boolean {
  const expected = Buffer.from(signParameters(parameters, apiKey));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
