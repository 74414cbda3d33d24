/**
 * The placeholders of a document template: `{{ … }}` around a FEEL expression, the language the
 * modellers already write in the diagrams and forms, evaluated by the interpreter form-js uses
 * (@bpmn-io/feelin). `Gemeinde {{municipality.name}}`, `{{swissDate(applicant.dateOfBirth)}}`,
 * `{{if resident.residenceType = "main" then "Hauptwohnsitz" else "Nebenwohnsitz"}}`.
 * A placeholder ends at the first `}}` outside a FEEL string.
 */
import { evaluate, parseExpression } from '@bpmn-io/feelin';

export type TemplatePart = { readonly text: string } | { readonly expression: string };

/** A placeholder cannot be filled; the message names the expression, never a value (it may be personal data). */
export class PlaceholderError extends Error {
  override readonly name = 'PlaceholderError';
}

/** The text's literal parts and placeholders in order; throws PlaceholderError for a `{{` never closed. */
export function splitPlaceholders(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let rest = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', rest)) {
    const close = closingOf(text, open + 2);
    if (close === -1) throw new PlaceholderError(`${text.slice(open, open + 30)}… has no closing }}`);
    if (open > rest) parts.push({ text: text.slice(rest, open) });
    parts.push({ expression: text.slice(open + 2, close).trim() });
    rest = close + 2;
  }
  if (rest < text.length) parts.push({ text: text.slice(rest) });
  return parts;
}

/** Where the placeholder opened before `from` closes: the first `}}` outside a FEEL string, or -1. */
function closingOf(text: string, from: number): number {
  let inString = false;
  for (let at = from; at < text.length; at += 1) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '}' && text[at + 1] === '}') {
      return at;
    }
  }
  return -1;
}

/**
 * What is wrong with the text's placeholders, one message each: one not closed, empty, not FEEL,
 * or calling a function that is neither FEEL's nor one of `functionNames`.
 */
export function placeholderProblems(text: string, functionNames: readonly string[]): string[] {
  let parts: TemplatePart[];
  try {
    parts = splitPlaceholders(text);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  for (const part of parts) {
    if (!('expression' in part)) continue;
    if (part.expression === '') {
      problems.push('{{}} is empty: a placeholder holds a FEEL expression');
    } else if (!parses(part.expression)) {
      problems.push(`{{${part.expression}}} is not a FEEL expression`);
    } else {
      const unknown = unknownFunctions(part.expression, functionNames);
      if (unknown.length > 0) problems.push(`{{${part.expression}}} calls ${unknown.join(', ')}, which is neither a FEEL function nor one of ${functionNames.join(', ')}`);
    }
  }
  return problems;
}

function parses(expression: string): boolean {
  let broken = false;
  parseExpression(expression, {}, undefined).iterate({
    enter: (node) => {
      if (node.type.isError) broken = true;
    },
  });
  return !broken;
}

/** The functions an expression calls that nobody provides: found by a dry run over no data, the document's functions answering null. */
function unknownFunctions(expression: string, functionNames: readonly string[]): string[] {
  const stubs = Object.fromEntries(functionNames.map((name) => [name, () => null]));
  try {
    return evaluate(expression, stubs).warnings
      .filter((warning) => warning.type === 'NO_FUNCTION_FOUND')
      .map((warning) => expression.slice(warning.position.from, warning.position.to).split('(')[0]?.trim() ?? '');
  } catch {
    return [];
  }
}

/** The text with each placeholder replaced by its value in `context`; throws PlaceholderError for one without a printable value. */
export function fillPlaceholders(text: string, context: Record<string, unknown>): string {
  return splitPlaceholders(text).map((part) => ('text' in part ? part.text : printed(part.expression, context))).join('');
}

/** The warnings that name what was missing (a variable, a key) and nothing of what was there. */
const MISSING = new Set(['NO_VARIABLE_FOUND', 'NO_CONTEXT_ENTRY_FOUND', 'NO_PROPERTY_FOUND']);

function printed(expression: string, context: Record<string, unknown>): string {
  let result: ReturnType<typeof evaluate>;
  try {
    result = evaluate(expression, context);
  } catch (error) {
    throw new PlaceholderError(`{{${expression}}} failed: ${(error as Error).message}`);
  }
  const { value } = result;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isFeelDate(value)) return value.toFormat('dd.MM.yyyy');
  if (value === null || value === undefined) {
    const missing = result.warnings.filter((warning) => MISSING.has(warning.type)).map((warning) => warning.message);
    throw new PlaceholderError(`{{${expression}}} has no value${missing.length > 0 ? ` (${missing.join('; ')})` : ''}`);
  }
  throw new PlaceholderError(`{{${expression}}} is ${Array.isArray(value) ? 'a list' : typeof value === 'boolean' ? 'true or false' : 'a context'}, not a text: say it in words, e.g. with if … then "…" else "…"`);
}

/** A FEEL date (`date("2026-01-05")`), which the interpreter gives as a Luxon DateTime. */
function isFeelDate(value: unknown): value is { toFormat(format: string): string } {
  return typeof value === 'object' && value !== null && (value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true;
}
