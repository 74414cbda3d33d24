import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * What a parsed file breaks of its TypeBox schema, one problem per JSON pointer (`/` for the whole
 * file), at most 20: TypeBox may report a field twice (missing, then not a string), the first says it.
 */
export function schemaProblems(schema: TSchema, document: unknown): { pointer: string; message: string }[] {
  const byPointer = new Map<string, string>();
  for (const error of Value.Errors(schema, document)) if (!byPointer.has(error.path || '/')) byPointer.set(error.path || '/', error.message);
  return [...byPointer].slice(0, 20).map(([pointer, message]) => ({ pointer, message }));
}
