/** Reading Talus's JSON answers: parse, then check the documented shape. */
import type { Static, TSchema } from '@sinclair/typebox';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { BackOfficeProtocolError } from '../errors.ts';
import { TALUS } from './api.ts';

/**
 * The answer's body as `check`'s type, or a BackOfficeProtocolError that names the first
 * offending path, never a value: values may be personal data.
 */
export function readJson<T extends TSchema>(
  check: TypeCheck<T>,
  text: string,
  operation: string,
  status: number,
  what = 'answer',
): Static<T> {
  const body = parseJson(text);
  if (body === undefined) {
    throw new BackOfficeProtocolError(`${TALUS} ${operation}: ${what} ${status} is not valid JSON`, { vendor: TALUS, operation, status });
  }
  if (check.Check(body)) return body;
  const first = check.Errors(body).First();
  const where = first === undefined ? '' : ` at '${first.path || '/'}'`;
  throw new BackOfficeProtocolError(`${TALUS} ${operation}: ${what} does not have the documented shape${where}`, {
    vendor: TALUS,
    operation,
    status,
  });
}

/** The parsed JSON, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
