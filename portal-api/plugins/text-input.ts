import type { FastifyInstance } from 'fastify';
import { invalidField } from '../../core/errors/problem-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes text as it comes (the engine's own records): no check for NUL or broken characters. */
    rawText?: boolean;
  }
}

// U+0000, or a lone half of a UTF-16 surrogate pair: not a character, and stored as U+FFFD without a word.
// eslint-disable-next-line no-control-regex -- U+0000 is what is looked for
const BROKEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string in `value` that PostgreSQL cannot store as text, or undefined. */
function brokenTextIn(value: unknown, pointer: string, depth = 0): string | undefined {
  if (typeof value === 'string') return BROKEN_TEXT.test(value) ? pointer : undefined;
  if (typeof value !== 'object' || value === null || depth > 32 || Buffer.isBuffer(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (BROKEN_TEXT.test(key)) return pointer;
    const found = brokenTextIn(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses, naming the field, text no citizen types and PostgreSQL cannot store: U+0000 (the
 * database refused it with an error, answered as 500) and lone surrogates (silently stored as
 * U+FFFD). Runs before the schemas are checked, on body, query and path.
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.rawText) return;
    refuseBrokenText(request.params, '/params');
    refuseBrokenText(request.query, '/querystring');
    refuseBrokenText(request.body, '/body');
  });
}

/** The same check for input a route reads on its own after the hooks (the JSON part of a multipart form), named under `pointer`. */
export function refuseBrokenText(value: unknown, pointer: string): void {
  const found = brokenTextIn(value, pointer);
  if (found) throw invalidField(found, 'contains a character that is not text (U+0000 or a broken surrogate pair)');
}
