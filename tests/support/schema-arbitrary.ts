/**
 * fast-check arbitraries from the JSON Schemas of the API's routes (TypeBox output, as @fastify/swagger
 * puts it in the OpenAPI document), for a fuzz test. `valueOf` gives values that Fastify's validation
 * accepts (ajv 8, ajv-formats in full mode, coerceTypes 'array'), biased towards what the code and
 * PostgreSQL behind it may not: U+0000, lone surrogates, year 0000, 1e300, over-long strings, ...
 * `mutationOf` gives values that mostly break the schema.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';

/** A JSON Schema object, as TypeBox and @fastify/swagger produce it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A schema where JSON Schema also allows `true` (anything) and `false` (nothing). */
export type SchemaLike = JsonSchema | boolean;

/** How `valueOf` and `mutationOf` follow `$ref`s and how deep they nest objects and arrays. */
export interface SchemaArbitraryOptions {
  /** The schema a `$ref` names (`#/components/schemas/Problem`, or a plain `$id` such as `LocalisedText`). */
  resolveRef?: (ref: string) => JsonSchema | undefined;
  /** From this many nested objects/arrays on, only what the schema requires is generated (default 4). */
  maxDepth?: number;
}

interface Context {
  readonly resolveRef: (ref: string) => JsonSchema | undefined;
  readonly maxDepth: number;
  /** Objects and arrays around the value being generated. */
  readonly depth: number;
  /** `$ref`s followed since the last object or array, to stop a reference cycle. */
  readonly hops: number;
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array';

const JSON_TYPES: readonly JsonType[] = ['string', 'integer', 'number', 'boolean', 'null', 'object', 'array'];
const DEFAULT_MAX_DEPTH = 4;
/** Depth beyond maxDepth at which a schema that requires its own recursion is given up. */
const RECURSION_ALLOWANCE = 8;
const MAX_REF_HOPS = 32;
/** Longest string for a schema without maxLength: well past PostgreSQL's 2704-byte btree index row. */
const LONG_STRING = 10_000;
/** Up to this maxItems, arrays of exactly maxItems items are generated as well. */
const LONGEST_BOUNDARY_ARRAY = 50;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Values that satisfy `schema` as Fastify validates it, biased towards edge cases. */
export function valueOf(schema: SchemaLike, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return build(schema, contextOf(options));
}

/** Values that mostly break `schema`: structural mutations of valid values, any JSON, boundary violations. */
export function mutationOf(schema: SchemaLike, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const ctx = contextOf(options);
  return fc.oneof(
    { weight: 4, arbitrary: structuralMutation(schema, ctx) },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 4, arbitrary: violationOf(schema, ctx) },
  );
}

/** Strings of `minLength`..`maxLength` code points (at most 10 000 unless minLength needs more) mixing text with NUL, lone surrogates, bidi marks, emoji, SQL/HTML metacharacters; also long runs and whitespace only. */
export function nastyString(opts: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return shapedString(NASTY_PIECE, opts.minLength ?? 0, opts.maxLength);
}

function contextOf(options: SchemaArbitraryOptions): Context {
  const resolveRef = options.resolveRef ?? (() => undefined);
  return { resolveRef, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, depth: 0, hops: 0 };
}

// ---------------------------------------------------------------------------------------------
// Reading schemas
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchema(value: unknown): value is SchemaLike {
  return typeof value === 'boolean' || isRecord(value);
}

function numberKeyword(schema: JsonSchema, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringKeyword(schema: JsonSchema, keyword: string): string | undefined {
  const value = schema[keyword];
  return typeof value === 'string' ? value : undefined;
}

function schemaList(schema: JsonSchema, keyword: string): SchemaLike[] | undefined {
  const value = schema[keyword];
  return Array.isArray(value) ? value.filter(isSchema) : undefined;
}

function schemaMap(schema: JsonSchema, keyword: string): Record<string, SchemaLike> {
  const value = schema[keyword];
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, SchemaLike] => isSchema(entry[1])));
}

function requiredKeys(schema: JsonSchema): string[] {
  const value = schema.required;
  return Array.isArray(value) ? value.filter((key: unknown): key is string => typeof key === 'string') : [];
}

function without(schema: JsonSchema, ...keywords: string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => !keywords.includes(keyword)));
}

function isJsonType(value: unknown): value is JsonType {
  return JSON_TYPES.some((type) => type === value);
}

/** Keywords of one type: a schema without `type` but with them gets values of that type (which others would pass too). */
const TYPE_HINTS: ReadonlyArray<[JsonType, string[]]> = [
  ['object', ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties']],
  ['array', ['items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems']],
  ['string', ['minLength', 'maxLength', 'pattern', 'format']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

function typesOf(schema: JsonSchema): JsonType[] {
  const declared = schema.type;
  const listed = (Array.isArray(declared) ? declared : [declared]).filter(isJsonType);
  if (listed.length > 0) return listed;
  return TYPE_HINTS.filter(([, keywords]) => keywords.some((keyword) => keyword in schema)).map(([type]) => type);
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

function typeAllowed(value: unknown, types: JsonType[]): boolean {
  const type = jsonTypeOf(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}

/** Sets a key even when it is `__proto__`. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// $ref, allOf and the merging of schemas
// ---------------------------------------------------------------------------------------------

function resolve(schema: JsonSchema, ctx: Context): { schema: JsonSchema; ctx: Context } {
  const ref = stringKeyword(schema, '$ref');
  if (ref === undefined) return { schema, ctx };
  if (ctx.hops >= MAX_REF_HOPS) throw new Error(`schema-arbitrary: $ref cycle through "${ref}"`);
  const target = ctx.resolveRef(ref);
  if (target === undefined) throw new Error(`schema-arbitrary: cannot resolve $ref "${ref}" (pass options.resolveRef)`);
  // OpenAPI 3.1 allows keywords beside $ref; they apply as well.
  return resolve(mergeSchemas(target, without(schema, '$ref')), { ...ctx, hops: ctx.hops + 1 });
}

/** One schema for `allOf`: its branches' constraints combined (objects merged, bounds tightened). */
function flattenAllOf(schema: JsonSchema, ctx: Context): JsonSchema {
  const branches = schemaList(schema, 'allOf');
  if (branches === undefined) return schema;
  let merged = without(schema, 'allOf');
  for (const branch of branches) {
    if (branch === false) throw new Error('schema-arbitrary: allOf with a false branch accepts nothing');
    if (branch === true) continue;
    merged = mergeSchemas(merged, flattenAllOf(resolve(branch, ctx).schema, ctx));
  }
  return merged;
}

const TIGHTER_WITH_MAX = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const TIGHTER_WITH_MIN = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

/**
 * A schema accepting what both accept, as far as this module needs: types intersected, bounds
 * tightened, properties and required merged, enums intersected, unions crossed. Other keywords
 * (pattern, format, ...): b's win.
 */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: Record<string, unknown> = { ...a, ...b };
  for (const keyword of TIGHTER_WITH_MAX) tighten(merged, keyword, a, b, Math.max);
  for (const keyword of TIGHTER_WITH_MIN) tighten(merged, keyword, a, b, Math.min);
  if ('type' in a && 'type' in b) merged.type = intersectTypes(typesOf(a), typesOf(b));
  if ('required' in a || 'required' in b) merged.required = [...new Set([...requiredKeys(a), ...requiredKeys(b)])];
  if ('properties' in a || 'properties' in b) merged.properties = mergeProperties(a, b);
  if (a.additionalProperties === false || b.additionalProperties === false) merged.additionalProperties = false;
  const enumA: unknown = a.enum;
  const enumB: unknown = b.enum;
  if (Array.isArray(enumA) && Array.isArray(enumB)) merged.enum = enumA.filter((x: unknown) => enumB.some((y: unknown) => jsonEqual(x, y)));
  const unionA = schemaList(a, 'anyOf') ?? schemaList(a, 'oneOf');
  const unionB = schemaList(b, 'anyOf') ?? schemaList(b, 'oneOf');
  if (unionA && unionB) {
    delete merged.oneOf;
    merged.anyOf = unionA.flatMap((x) => unionB.map((y) => ({ allOf: [x, y] })));
  }
  return merged;
}

function tighten(merged: Record<string, unknown>, keyword: string, a: JsonSchema, b: JsonSchema, pick: (x: number, y: number) => number): void {
  const x = numberKeyword(a, keyword);
  const y = numberKeyword(b, keyword);
  if (x !== undefined && y !== undefined) merged[keyword] = pick(x, y);
}

function intersectTypes(a: JsonType[], b: JsonType[]): JsonType[] {
  const both = a.filter((type) => b.includes(type));
  // An integer is a number: integer ∩ number is integer.
  if (a.includes('integer') && b.includes('number') && !both.includes('integer')) both.push('integer');
  if (b.includes('integer') && a.includes('number') && !both.includes('integer')) both.push('integer');
  return both;
}

/** Properties of both; a closed side (additionalProperties: false) drops the other's undeclared ones. */
function mergeProperties(a: JsonSchema, b: JsonSchema): Record<string, SchemaLike> {
  const propsA = schemaMap(a, 'properties');
  const propsB = schemaMap(b, 'properties');
  const merged: Record<string, SchemaLike> = {};
  for (const key of new Set([...Object.keys(propsA), ...Object.keys(propsB)])) {
    if (a.additionalProperties === false && !(key in propsA)) continue;
    if (b.additionalProperties === false && !(key in propsB)) continue;
    const x = propsA[key];
    const y = propsB[key];
    merged[key] = x !== undefined && y !== undefined ? { allOf: [x, y] } : (x ?? y ?? true);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------------------------

function build(schema: SchemaLike, ctx: Context): fc.Arbitrary<unknown> {
  if (schema === true) return anyJson(ctx);
  if (schema === false) throw new Error('schema-arbitrary: the schema false accepts nothing');
  if (ctx.depth > ctx.maxDepth + RECURSION_ALLOWANCE) throw new Error('schema-arbitrary: the schema requires nesting without end');
  const resolved = resolve(schema, ctx);
  const flat = flattenAllOf(resolved.schema, resolved.ctx);
  const union = schemaList(flat, 'anyOf') ?? schemaList(flat, 'oneOf');
  if (union) return unionValue(without(flat, 'anyOf', 'oneOf'), union, resolved.ctx);
  if ('const' in flat) return fc.constant(flat.const).map((value) => structuredClone(value));
  if (Array.isArray(flat.enum)) return enumValue(flat, flat.enum);
  const types = typesOf(flat);
  if (types.length === 0) return anyJson(resolved.ctx);
  return oneOfArbitraries(types.map((type) => typedValue(type, flat, resolved.ctx)));
}

function oneOfArbitraries<T>(arbitraries: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  const [first, ...others] = arbitraries;
  if (first === undefined) throw new Error('schema-arbitrary: no value satisfies the schema');
  return others.length === 0 ? first : fc.oneof(first, ...others);
}

function deeper(ctx: Context): Context {
  return { ...ctx, depth: ctx.depth + 1, hops: 0 };
}

function atDepthLimit(ctx: Context): boolean {
  return ctx.depth >= ctx.maxDepth;
}

function typedValue(type: JsonType, schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': return stringValue(schema);
    case 'integer': return integerValue(schema);
    case 'number': return numberValue(schema);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'object': return objectValue(schema, ctx);
    case 'array': return arrayValue(schema, ctx);
  }
}

// oneOf is generated like anyOf, which assumes its branches exclusive (TypeBox emits anyOf only). Under
// Fastify's coercion a digits-only string would match both {type: 'string'} and {type: 'integer'}.
function unionValue(rest: JsonSchema, branches: SchemaLike[], ctx: Context): fc.Arbitrary<unknown> {
  const open = branches.filter((branch): branch is JsonSchema | true => branch !== false);
  const usable = atDepthLimit(ctx) ? preferLeaves(open, ctx) : open;
  return oneOfArbitraries(usable.map((branch) => build(branch === true ? rest : mergeSchemas(rest, branch), ctx)));
}

/** At the depth limit, the branches that do not nest (e.g. the null of a nullable object) if there are any. */
function preferLeaves(branches: Array<JsonSchema | true>, ctx: Context): Array<JsonSchema | true> {
  const leaves = branches.filter((branch) => {
    if (branch === true) return false;
    const types = typesOf(resolve(branch, ctx).schema);
    return types.length > 0 && !types.includes('object') && !types.includes('array');
  });
  return leaves.length > 0 ? leaves : branches;
}

function enumValue(schema: JsonSchema, values: unknown[]): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const allowed = types.length === 0 ? values : values.filter((value) => typeAllowed(value, types));
  if (allowed.length === 0) throw new Error('schema-arbitrary: no enum value has the schema\'s type');
  return fc.constantFrom(...allowed).map((value) => structuredClone(value));
}

function anyJson(ctx: Context): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: Math.max(0, ctx.maxDepth - ctx.depth) }) },
    { weight: 1, arbitrary: nastyString({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  );
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

/** Length as ajv counts it for minLength/maxLength: code points, a lone surrogate counting as one. */
function lengthOf(value: string): number {
  return Array.from(value).length;
}

/** Cut to at most `max` code points, then pad with `a` to at least `min`. */
function fitLength(value: string, min: number, max: number): string {
  // Array.from keeps surrogate pairs together, so joining a slice never pairs up two lone halves.
  const points = Array.from(value).slice(0, max);
  return points.join('') + 'a'.repeat(Math.max(0, min - points.length));
}

const PLAIN_TEXT = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789äöüéèàçÄÖÜß-. '), minLength: 1, maxLength: 10 });
const METACHARACTERS = ["'", '"', ';', '<', '>', '%', '_', '\\', '&', '`', '--', '/*', '*/', "''", "' OR '1'='1", "'); DROP TABLE cases; --", '<script>alert(1)</script>', '%_%', '${7*7}', '{{7*7}}', '../', '\\u0000'];
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085'];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const INVISIBLES = ['\u200E', '\u200F', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u0301'];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇨🇭', '𝕏', '\u{10FFFF}', '\uFFFF', '\uFFFD'];
const WHITESPACE = [' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u2028', '\u2029', '\u3000'];
/** Single code points a long run is made of. */
const RUN_UNITS = ['a', ' ', '\u0000', '\uD800', '😀', "'", '%', '\\', 'é', '\u202E'];

const EXOTIC_PIECES: Array<fc.WeightedArbitrary<string>> = [
  { weight: 8, arbitrary: PLAIN_TEXT },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 2, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...WHITESPACE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
];
const NASTY_PIECE = fc.oneof(...EXOTIC_PIECES, { weight: 4, arbitrary: fc.constantFrom(...METACHARACTERS) });
/** Like NASTY_PIECE without SQL/HTML metacharacters, for patterns that exclude them. */
const EXOTIC_PIECE = fc.oneof(...EXOTIC_PIECES);

function shapedString(piece: fc.Arbitrary<string>, min: number, maxLength: number | undefined): fc.Arbitrary<string> {
  const max = Math.min(maxLength ?? LONG_STRING, Math.max(LONG_STRING, min));
  if (max < min) throw new Error(`schema-arbitrary: no string is ${min} to ${max} long`);
  const mixed = fc.array(piece, { maxLength: 12 }).map((pieces) => fitLength(pieces.join(''), min, max));
  const atMax = fc.array(piece, { maxLength: 6 }).map((pieces) => fitLength(pieces.join(''), max, max));
  return fc.oneof(
    { weight: 6, arbitrary: mixed },
    { weight: 1, arbitrary: whitespaceOnly(min, max) },
    { weight: 1, arbitrary: longRun(min, max) },
    { weight: 1, arbitrary: atMax },
  );
}

function whitespaceOnly(min: number, max: number): fc.Arbitrary<string> {
  const minLength = Math.min(Math.max(min, 1), max);
  return fc.array(fc.constantFrom(...WHITESPACE), { minLength, maxLength: Math.min(max, minLength + 10) }).map((units) => units.join(''));
}

function longRun(min: number, max: number): fc.Arbitrary<string> {
  const count = fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
  // Repeating one code point never pairs lone surrogates up, so the run is exactly `count` long.
  return fc.tuple(fc.constantFrom(...RUN_UNITS), count).map(([unit, n]) => unit.repeat(n));
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const min = numberKeyword(schema, 'minLength') ?? 0;
  const max = numberKeyword(schema, 'maxLength');
  const format = stringKeyword(schema, 'format');
  const pattern = stringKeyword(schema, 'pattern');
  const formatted = format === undefined ? undefined : formattedString(format, min, max);
  if (pattern === undefined) return formatted ?? nastyString({ minLength: min, maxLength: max });
  const regex = new RegExp(pattern, 'u');
  const fits = (value: string) => regex.test(value) && withinLength(value, min, max) && (format === undefined || formatAccepts(format, value));
  const candidates = [formatted ?? nastyString({ minLength: min, maxLength: max }), shapedString(EXOTIC_PIECE, min, max), ...stringsMatching(regex, max)];
  return firstFitting(candidates, fits);
}

function withinLength(value: string, min: number, max: number | undefined): boolean {
  const length = lengthOf(value);
  return length >= min && (max === undefined || length <= max);
}

/** Strings fast-check makes from the pattern, small to large; none when it cannot (e.g. lookbehind). */
function stringsMatching(regex: RegExp, maxLength: number | undefined): fc.Arbitrary<string>[] {
  try {
    return (['small', 'medium', 'large'] as const).map((size) => fc.stringMatching(regex, maxLength === undefined ? { size } : { size, maxLength }));
  } catch {
    return [];
  }
}

/** The first candidate that fits; should none, the filter draws again (forever for a schema nothing satisfies). */
function firstFitting<T>(candidates: fc.Arbitrary<T>[], fits: (value: T) => boolean): fc.Arbitrary<T> {
  return fc.tuple(...candidates).map((values) => values.find(fits)).filter((value): value is T => value !== undefined);
}

const FORMAT_CHECKS = new Map<string, unknown>(Object.entries(fullFormats));

/** Whether ajv-formats (full mode, as @fastify/ajv-compiler adds it) accepts the string; unknown formats accept anything. */
function formatAccepts(format: string, value: string): boolean {
  const check = FORMAT_CHECKS.get(format);
  // A definition object ({ validate, compare }); number formats (int32, ...) do not apply to strings.
  const validate = isRecord(check) && !(check instanceof RegExp) ? (check.type === 'number' ? true : check.validate) : check;
  if (validate instanceof RegExp) return validate.test(value);
  if (isStringValidator(validate)) return validate(value) === true;
  return true;
}

function isStringValidator(value: unknown): value is (data: string) => unknown {
  return typeof value === 'function';
}

/** Strings of the format (ajv-formats' full mode), or undefined for a format treated as a plain string (binary, unknown ones). */
function formattedString(format: string, min: number, max: number | undefined): fc.Arbitrary<string> | undefined {
  const fitting = (arbitrary: fc.Arbitrary<string>) => arbitrary.filter((value) => withinLength(value, min, max));
  switch (format) {
    case 'date': return fitting(dateString());
    case 'time': return fitting(timeString());
    case 'date-time': return fitting(dateTimeString());
    case 'uuid': return fitting(uuidString());
    case 'email': return emailString(min, max);
    default: return undefined;
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const EDGE_YEARS = [0, 1, 999, 1582, 1899, 1900, 1969, 1970, 2000, 2038, 9999];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysIn(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
}

function digits(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ajv-formats' date: four-digit years 0000–9999 and real days (ajv accepts 0000-02-29; PostgreSQL refuses year 0). */
function dateString(): fc.Arbitrary<string> {
  const year = fc.oneof(fc.constantFrom(...EDGE_YEARS), fc.integer({ min: 0, max: 9999 }));
  // Days past the month's end become its last day: 29 February, 30 April and 31 December come up often.
  const generated = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${digits(y, 4)}-${digits(m, 2)}-${digits(Math.min(d, daysIn(y, m)), 2)}`);
  return fc.oneof({ weight: 4, arbitrary: generated }, { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '0000-02-29', '9999-12-31', '2024-02-29', '1970-01-01') });
}

/** ajv-formats' time: a zone is required; offsets up to ±23:59 with or without colon or minutes; any count of fraction digits. */
function timeString(): fc.Arbitrary<string> {
  const fraction = fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 12 }).map((d) => `.${d}`));
  const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fraction)
    .map(([h, m, s, f]) => `${digits(h, 2)}:${digits(m, 2)}:${digits(s, 2)}${f}`);
  const offset = fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(':', ''))
    .map(([sign, h, m, colon]) => `${sign}${digits(h, 2)}${colon}${digits(m, 2)}`);
  const zone = fc.oneof(fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+23:59', '-23:59', '+14:00', '+05'), offset);
  // A leap second is valid where it is 23:59 UTC.
  const leapSecond = fc.constantFrom('23:59:60Z', '23:59:60.999+00:00', '00:59:60+01:00', '22:59:60-01:00');
  return fc.oneof({ weight: 9, arbitrary: fc.tuple(clock, zone).map(([c, z]) => c + z) }, { weight: 1, arbitrary: leapSecond });
}

/** ajv-formats' date-time: `T`, `t` or any whitespace (even U+00A0) between date and time. */
function dateTimeString(): fc.Arbitrary<string> {
  const separator = fc.oneof({ weight: 8, arbitrary: fc.constant('T') }, { weight: 2, arbitrary: fc.constantFrom('t', ' ', '\u00A0') });
  const generated = fc.tuple(dateString(), separator, timeString()).map(([d, s, t]) => d + s + t);
  const edges = fc.constantFrom(
    '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z', '9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+23:59',
    '2016-12-31T23:59:60Z', '1970-01-01T00:00:00.000Z', '2024-02-29T12:00:00+14:00',
  );
  return fc.oneof({ weight: 4, arbitrary: generated }, { weight: 1, arbitrary: edges });
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** ajv-formats' uuid: any version, either case, optionally `urn:uuid:` (which PostgreSQL refuses). */
function uuidString(): fc.Arbitrary<string> {
  const variant = fc.tuple(fc.uuid(), fc.constantFrom('upper', 'urn', 'URN')).map(([uuid, kind]) =>
    kind === 'upper' ? uuid.toUpperCase() : `${kind === 'urn' ? 'urn:uuid:' : 'URN:UUID:'}${uuid}`);
  const edges = fc.constantFrom(NIL_UUID, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', `urn:uuid:${NIL_UUID}`);
  return fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 2, arbitrary: variant }, { weight: 2, arbitrary: edges });
}

// ajv-formats' full email pattern without its `i` flag, which fast-check cannot generate from; case is varied after.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const EDGE_EMAILS = ["o'brien@example.ch", "'--@example.ch", 'a+tag@example.ch', 'UPPER@EXAMPLE.CH', 'a@b.c', '{|}~^`@example.ch', '%_%@example.ch', "x'or'1'='1@example.ch", 'a.b.c@sub.domain.example.ch', '0@0.0'];

/** ajv-formats' email (full mode) within the length bounds; the local part takes the padding. */
function emailString(min: number, max: number | undefined): fc.Arbitrary<string> {
  const generated = fc.tuple(fc.stringMatching(EMAIL, max === undefined ? {} : { maxLength: max }), fc.boolean())
    .map(([email, upper]) => (upper ? email.toUpperCase() : email));
  const longest = max !== undefined && max >= 14 ? [fc.constant(`${'a'.repeat(max - 12)}@example.ch`)] : [];
  return fc.oneof({ weight: 6, arbitrary: generated }, { weight: 2, arbitrary: fc.constantFrom(...EDGE_EMAILS) }, ...longest)
    .map((email) => 'a'.repeat(Math.max(0, min - lengthOf(email))) + email)
    .filter((email) => withinLength(email, min, max));
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** Integers a database column may not hold: int32 and int64 edges, beyond 2^53, 1e300. */
const EDGE_INTEGERS = [0, 1, -1, INT32_MAX, INT32_MAX + 1, INT32_MIN, INT32_MIN - 1, Number.MAX_SAFE_INTEGER, 2 ** 53, -(2 ** 53), 2 ** 63, -(2 ** 63), 1e21, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE];
const EDGE_NUMBERS = [...EDGE_INTEGERS, 0.1, -0.1, 0.5, 1e-7, 5e-324, -5e-324, 0.30000000000000004, 123456.789];

interface NumberRange { min: number; max: number; minExcluded: boolean; maxExcluded: boolean }

function rangeOf(schema: JsonSchema): NumberRange {
  const range: NumberRange = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, minExcluded: false, maxExcluded: false };
  const minimum = numberKeyword(schema, 'minimum');
  const maximum = numberKeyword(schema, 'maximum');
  const exclusiveMinimum = numberKeyword(schema, 'exclusiveMinimum');
  const exclusiveMaximum = numberKeyword(schema, 'exclusiveMaximum');
  if (minimum !== undefined) range.min = minimum;
  if (maximum !== undefined) range.max = maximum;
  if (exclusiveMinimum !== undefined && exclusiveMinimum >= range.min) Object.assign(range, { min: exclusiveMinimum, minExcluded: true });
  if (exclusiveMaximum !== undefined && exclusiveMaximum <= range.max) Object.assign(range, { max: exclusiveMaximum, maxExcluded: true });
  return range;
}

function integerBounds(range: NumberRange): { min: number; max: number } {
  return {
    min: range.minExcluded ? Math.floor(range.min) + 1 : Math.ceil(range.min),
    max: range.maxExcluded ? Math.ceil(range.max) - 1 : Math.floor(range.max),
  };
}

/** The number checks as ajv makes them (multipleOf included, without multipleOfPrecision). */
function acceptsNumber(schema: JsonSchema, value: number, integer: boolean): boolean {
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) return false;
  const { min, max, minExcluded, maxExcluded } = rangeOf(schema);
  if (minExcluded ? value <= min : value < min) return false;
  if (maxExcluded ? value >= max : value > max) return false;
  const multipleOf = numberKeyword(schema, 'multipleOf');
  if (multipleOf === undefined) return true;
  const ratio = value / multipleOf;
  return ratio === Number.parseInt(String(ratio), 10);
}

function integerValue(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = integerBounds(rangeOf(schema));
  const multipleOf = numberKeyword(schema, 'multipleOf');
  const candidates = multipleOf === undefined ? integersWithin(min, max) : multiplesWithin(multipleOf, min, max);
  // Rounding beyond 2^53 can land on an excluded bound; the filter drops those few.
  return candidates.filter((value) => acceptsNumber(schema, value, true));
}

function integersWithin(min: number, max: number): fc.Arbitrary<number> {
  if (min > max) throw new Error(`schema-arbitrary: no integer between ${min} and ${max}`);
  const edges = [...EDGE_INTEGERS, min, min + 1, max - 1, max].filter((n) => n >= min && n <= max);
  const small = { min: Math.max(min, INT32_MIN), max: Math.min(max, INT32_MAX) };
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }).map(Math.floor) },
    ...(small.min <= small.max ? [{ weight: 3, arbitrary: fc.integer(small) }] : []),
  );
}

function multiplesWithin(multipleOf: number, min: number, max: number): fc.Arbitrary<number> {
  const factors = integerBounds({ min: Math.max(min / multipleOf, -Number.MAX_VALUE), max: Math.min(max / multipleOf, Number.MAX_VALUE), minExcluded: false, maxExcluded: false });
  return integersWithin(factors.min, factors.max).map((factor) => factor * multipleOf);
}

function numberValue(schema: JsonSchema): fc.Arbitrary<number> {
  const range = rangeOf(schema);
  const accepts = (value: number) => acceptsNumber(schema, value, false);
  const multipleOf = numberKeyword(schema, 'multipleOf');
  if (multipleOf !== undefined) return multiplesWithin(multipleOf, range.min, range.max).filter(accepts);
  const edges = [...EDGE_NUMBERS, range.min, range.max].filter(accepts);
  const bounds = integerBounds(range);
  return fc.oneof(
    { weight: 3, arbitrary: fc.double({ ...range, noNaN: true, noDefaultInfinity: true }) },
    ...(edges.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...edges) }] : []),
    ...(bounds.min <= bounds.max ? [{ weight: 2, arbitrary: integersWithin(bounds.min, bounds.max) }] : []),
  ).filter(accepts); // fc.double may give -0 for an exclusive 0
}

// ---------------------------------------------------------------------------------------------
// Objects and arrays
// ---------------------------------------------------------------------------------------------

interface ObjectShape {
  properties: Record<string, SchemaLike>;
  required: string[];
  optional: string[];
  patterns: Array<{ regex: RegExp; schema: SchemaLike }>;
  additional: SchemaLike;
  minProperties: number;
  maxProperties: number;
}

function objectShape(schema: JsonSchema): ObjectShape {
  const properties = schemaMap(schema, 'properties');
  const required = requiredKeys(schema);
  const additional = schema.additionalProperties;
  return {
    properties,
    required,
    optional: Object.keys(properties).filter((key) => !required.includes(key)),
    patterns: Object.entries(schemaMap(schema, 'patternProperties')).map(([pattern, patternSchema]) => ({ regex: new RegExp(pattern, 'u'), schema: patternSchema })),
    additional: isSchema(additional) ? additional : true,
    minProperties: numberKeyword(schema, 'minProperties') ?? 0,
    maxProperties: numberKeyword(schema, 'maxProperties') ?? Infinity,
  };
}

/** The schema a key's value must satisfy: its property's, else its pattern's, else additionalProperties. */
function schemaForKey(shape: ObjectShape, key: string): SchemaLike {
  return shape.properties[key] ?? shape.patterns.find(({ regex }) => regex.test(key))?.schema ?? (shape.additional === false ? true : shape.additional);
}

function objectValue(schema: JsonSchema, ctx: Context): fc.Arbitrary<Record<string, unknown>> {
  const shape = objectShape(schema);
  const inner = deeper(ctx);
  // At the depth limit, only as many optional properties as minProperties needs.
  const optional = atDepthLimit(ctx) ? shape.optional.slice(0, Math.max(0, shape.minProperties - shape.required.length)) : shape.optional;
  const declared = [...shape.required, ...optional];
  const extrasNeeded = Math.max(0, shape.minProperties - declared.length);
  const parts = {
    values: fc.record(Object.fromEntries(declared.map((key) => [key, build(schemaForKey(shape, key), inner)]))),
    order: fc.shuffledSubarray(optional, { minLength: optional.length }),
    count: fc.nat({ max: optional.length }),
    extras: atDepthLimit(ctx) && extrasNeeded === 0 ? fc.constant<Array<[string, unknown]>>([]) : extraEntries(shape, inner, extrasNeeded),
  };
  return fc.record(parts).map((chosen) => assembleObject(shape, chosen)).filter((value) => Object.keys(value).length >= shape.minProperties);
}

function assembleObject(
  shape: ObjectShape,
  { values, order, count, extras }: { values: Record<string, unknown>; order: string[]; count: number; extras: Array<[string, unknown]> },
): Record<string, unknown> {
  const wanted = Math.max(count, shape.minProperties - shape.required.length);
  const keys = [...shape.required, ...order.slice(0, Math.min(wanted, shape.maxProperties - shape.required.length))];
  const value: Record<string, unknown> = {};
  for (const key of keys) define(value, key, values[key]);
  for (const [key, extra] of extras) {
    if (Object.keys(value).length >= shape.maxProperties) break;
    if (!Object.hasOwn(value, key) && !Object.hasOwn(shape.properties, key)) define(value, key, extra);
  }
  return value;
}

/** Keys beyond the declared properties: for patternProperties if any, else where additionalProperties allows. */
function extraEntries(shape: ObjectShape, ctx: Context, needed: number): fc.Arbitrary<Array<[string, unknown]>> {
  const entry = extraEntry(shape, ctx);
  if (entry === undefined) return fc.constant([]);
  return fc.uniqueArray(entry, { selector: ([key]) => key, minLength: needed, maxLength: needed + 3 });
}

function extraEntry(shape: ObjectShape, ctx: Context): fc.Arbitrary<[string, unknown]> | undefined {
  if (shape.patterns.length > 0) {
    return oneOfArbitraries(shape.patterns.map((pattern) => fc.tuple(patternKey(pattern.regex, shape), build(pattern.schema, ctx))));
  }
  if (shape.additional === false) return undefined;
  const value = shape.additional === true ? anyJson(ctx) : build(shape.additional, ctx);
  return fc.tuple(nastyString({ maxLength: 24 }), value);
}

/** A key of this pattern and no other (another pattern's schema would apply to it as well). */
function patternKey(regex: RegExp, shape: ObjectShape): fc.Arbitrary<string> {
  const fits = (key: string) => shape.patterns.every((pattern) => pattern.regex.test(key) === (pattern.regex === regex));
  return firstFitting([nastyString({ maxLength: 24 }), shapedString(EXOTIC_PIECE, 0, 24), ...stringsMatching(regex, undefined)], fits);
}

function arrayValue(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown[]> {
  const items = schema.items;
  const inner = deeper(ctx);
  // A tuple (TypeBox's Type.Tuple: items as a list, additionalItems false, exactly that many).
  if (Array.isArray(items)) return fc.tuple(...items.filter(isSchema).map((item) => build(item, inner)));
  const minItems = numberKeyword(schema, 'minItems') ?? 0;
  const maxItems = numberKeyword(schema, 'maxItems') ?? Infinity;
  // Not even built when nothing is required: the items may be where the schema recurses.
  if (atDepthLimit(ctx) && minItems === 0) return fc.constant([]);
  const item = build(isSchema(items) ? items : true, inner);
  const unique = schema.uniqueItems === true;
  const arrayOf = (minLength: number, maxLength: number) =>
    unique ? fc.uniqueArray(item, { comparator: jsonEqual, minLength, maxLength }) : fc.array(item, { minLength, maxLength });
  if (atDepthLimit(ctx)) return arrayOf(minItems, minItems);
  const usual = arrayOf(minItems, Math.min(maxItems, minItems + 5));
  if (maxItems > LONGEST_BOUNDARY_ARRAY || maxItems <= minItems + 5) return usual;
  return fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: arrayOf(maxItems, maxItems) });
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/** Values of every JSON type, to put where another type belongs. */
const WRONG_VALUES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 1e300, '', 'x', '\u0000', '1e309', [], {}, ['x'], { x: 1 }];

/** A value from WRONG_VALUES, starting at `index`, whose JSON type differs from `current`'s. */
function wrongValueFor(current: unknown, index: number): unknown {
  const currentType = jsonTypeOf(current);
  for (let i = 0; i < WRONG_VALUES.length; i += 1) {
    const candidate = WRONG_VALUES[(index + i) % WRONG_VALUES.length];
    if (jsonTypeOf(candidate) !== currentType) return structuredClone(candidate);
  }
  return null;
}

type Container = Record<string, unknown> | unknown[];

/** The objects and arrays in `value`, itself first. */
function containersIn(value: unknown): Container[] {
  const found: Container[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      found.push(node);
      node.forEach(visit);
    } else if (isRecord(node)) {
      found.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(value);
  return found;
}

type MutationKind = 'remove' | 'retype' | 'add';

/** A valid value with one property or item removed, given a wrong type, or one added. */
function structuralMutation(schema: SchemaLike, ctx: Context): fc.Arbitrary<unknown> {
  return fc.record({
    value: build(schema, ctx),
    kind: fc.constantFrom<MutationKind>('remove', 'retype', 'add'),
    pick: fc.nat(),
    key: nastyString({ minLength: 1, maxLength: 24 }),
  }).map(({ value, kind, pick, key }) => mutate(structuredClone(value), kind, pick, key));
}

function mutate(root: unknown, kind: MutationKind, pick: number, key: string): unknown {
  const containers = containersIn(root);
  const target = containers[pick % Math.max(1, containers.length)];
  if (target === undefined) return wrongValueFor(root, pick);
  const slots = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
  const slot = slots[Math.floor(pick / containers.length) % Math.max(1, slots.length)];
  if (slot === undefined || kind === 'add') return add(root, target, key, pick);
  if (Array.isArray(target)) {
    if (typeof slot !== 'number') return root;
    if (kind === 'remove') target.splice(slot, 1);
    else target[slot] = wrongValueFor(target[slot], pick);
  } else if (typeof slot === 'string') {
    if (kind === 'remove') delete target[slot];
    else target[slot] = wrongValueFor(target[slot], pick);
  }
  return root;
}

function add(root: unknown, target: Container, key: string, pick: number): unknown {
  const extra = structuredClone(WRONG_VALUES[pick % WRONG_VALUES.length]);
  if (Array.isArray(target)) target.push(extra);
  else define(target, Object.hasOwn(target, key) ? `${key}\u0000` : key, extra);
  return root;
}

/** Values that break one of the schema's constraints, here or in a nested property or item. */
function violationOf(schema: SchemaLike, ctx: Context): fc.Arbitrary<unknown> {
  const found = violations(schema, ctx);
  return found.length > 0 ? oneOfArbitraries(found) : fc.jsonValue();
}

function violations(schema: SchemaLike, ctx: Context): fc.Arbitrary<unknown>[] {
  if (typeof schema === 'boolean') return schema ? [] : [anyJson(ctx)];
  const resolved = resolve(schema, ctx);
  const flat = flattenAllOf(resolved.schema, resolved.ctx);
  const found = [wrongType(flat)];
  const union = schemaList(flat, 'anyOf') ?? schemaList(flat, 'oneOf');
  if (union) found.push(...union.filter((branch) => branch !== false).flatMap((branch) => violations(branch === true ? true : mergeSchemas(without(flat, 'anyOf', 'oneOf'), branch), resolved.ctx)));
  if ('const' in flat) found.push(outsideOf([flat.const]));
  if (Array.isArray(flat.enum)) found.push(outsideOf(flat.enum));
  if (!union && !('const' in flat) && !Array.isArray(flat.enum)) found.push(...typedViolations(flat, resolved.ctx));
  return found.filter((arbitrary): arbitrary is fc.Arbitrary<unknown> => arbitrary !== undefined);
}

function typedViolations(schema: JsonSchema, ctx: Context): Array<fc.Arbitrary<unknown> | undefined> {
  return typesOf(schema).flatMap((type) => {
    switch (type) {
      case 'string': return stringViolations(schema);
      case 'integer': return numberViolations(schema, true);
      case 'number': return numberViolations(schema, false);
      case 'object': return objectViolations(schema, ctx);
      case 'array': return arrayViolations(schema, ctx);
      default: return [];
    }
  });
}

/** A value of a type the schema does not allow; none when it allows any. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const types = typesOf(schema);
  if (types.length === 0) return undefined;
  const wrong = WRONG_VALUES.filter((value) => !typeAllowed(value, types));
  return wrong.length > 0 ? fc.constantFrom(...wrong).map((value) => structuredClone(value)) : undefined;
}

/** Values near the allowed ones but not among them (case, padding, NUL). */
function outsideOf(values: unknown[]): fc.Arbitrary<unknown> | undefined {
  const near = values.flatMap((value): unknown[] => {
    if (typeof value === 'string') return [value.toUpperCase(), `${value} `, ` ${value}`, `${value}\u0000`, value.slice(0, -1)];
    if (typeof value === 'number') return [value + 1, -value - 1, value + 0.5];
    return [];
  });
  const outside = [...near, '', 'null', 'unknown', 0].filter((candidate) => !values.some((value) => jsonEqual(value, candidate)));
  return outside.length > 0 ? fc.constantFrom(...outside) : undefined;
}

const INVALID_FORMATS: Record<string, string[]> = {
  'date': ['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '0000-00-00', '275760-09-13', '+275760-09-13', '-000001-01-01', '2024-1-1', '20240101', '2024-01-01T00:00:00Z'],
  'time': ['24:00:00Z', '12:00:00', '12:60:00Z', '12:00:00+24:00', '23:59:60+01:00'],
  'date-time': ['2024-01-01', '2024-01-01T00:00:00', '2024-01-01T24:00:00Z', '2024-02-30T00:00:00Z', '+275760-09-13T00:00:00Z', '2024-01-01T12:00:60Z', '2024-01-01T00:00:00+24:00'],
  'uuid': ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', `{${NIL_UUID}}`, NIL_UUID.replaceAll('-', ''), `${NIL_UUID}0`],
  'email': ['plain', 'a@b', '@example.ch', 'a..b@example.ch', 'a@-example.ch', 'a b@example.ch', 'a@example.ch\u0000', '"quoted"@example.ch', 'ü@example.ch'],
};

function stringViolations(schema: JsonSchema): Array<fc.Arbitrary<unknown> | undefined> {
  const min = numberKeyword(schema, 'minLength') ?? 0;
  const max = numberKeyword(schema, 'maxLength');
  const invalidFormats = INVALID_FORMATS[stringKeyword(schema, 'format') ?? ''];
  return [
    max === undefined ? undefined : nastyString({ minLength: max + 1, maxLength: max + 1 }),
    min === 0 ? undefined : nastyString({ minLength: min - 1, maxLength: min - 1 }),
    // Nasty strings rarely match a pattern; some may, as not every mutation has to be invalid.
    'pattern' in schema ? nastyString({ minLength: min, maxLength: max }) : undefined,
    invalidFormats === undefined ? undefined : fc.constantFrom(...invalidFormats),
  ];
}

/** Strings that Fastify's coercion may or may not turn into numbers, as a query string would carry them. */
const NUMBER_LIKE_STRINGS = ['1e309', 'NaN', 'Infinity', '-0', '0x1F', '1_000', ' 7 ', '١٢', '9007199254740993'];

function numberViolations(schema: JsonSchema, integer: boolean): Array<fc.Arbitrary<unknown> | undefined> {
  const { min, max, minExcluded, maxExcluded } = rangeOf(schema);
  const multipleOf = numberKeyword(schema, 'multipleOf');
  const outside = [
    ...(min > -Number.MAX_VALUE ? [minExcluded ? min : min - 1] : []),
    ...(max < Number.MAX_VALUE ? [maxExcluded ? max : max + 1] : []),
    ...(integer ? [0.5, Math.max(min, 0) + 0.5] : []),
    ...(multipleOf === undefined ? [] : [multipleOf * 1.5]),
  ];
  return [outside.length > 0 ? fc.constantFrom(...outside) : undefined, fc.constantFrom(...NUMBER_LIKE_STRINGS)];
}

function objectViolations(schema: JsonSchema, ctx: Context): Array<fc.Arbitrary<unknown> | undefined> {
  const shape = objectShape(schema);
  const valid = objectValue(schema, ctx);
  const extraKey = fc.tuple(valid, nastyString({ minLength: 1, maxLength: 24 }), anyJson(deeper(ctx)));
  const found: Array<fc.Arbitrary<unknown> | undefined> = [
    shape.required.length === 0 ? undefined : fc.tuple(valid, fc.constantFrom(...shape.required)).map(([value, key]) => omit(value, key)),
    shape.additional === false ? extraKey.map(([value, key, extra]) => withKey(value, `${key}\u200B`, extra)) : undefined,
    shape.minProperties === 0 ? undefined : valid.map((value) => keepKeys(value, shape.minProperties - 1)),
    shape.maxProperties === Infinity ? undefined : fc.tuple(valid, fc.uniqueArray(nastyString({ minLength: 1, maxLength: 24 }), { minLength: shape.maxProperties + 1, maxLength: shape.maxProperties + 1 }))
      .map(([value, keys]) => keys.reduce((out, key) => withKey(out, key, null), value)),
  ];
  if (atDepthLimit(ctx)) return found;
  // One nested violation per property: the rest of the object stays valid.
  for (const [key, propertySchema] of Object.entries(shape.properties)) {
    const nested = violations(propertySchema, deeper(ctx));
    if (nested.length > 0) found.push(fc.tuple(valid, oneOfArbitraries(nested)).map(([value, bad]) => withKey(value, key, bad)));
  }
  return found;
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

function withKey(value: Record<string, unknown>, key: string, extra: unknown): Record<string, unknown> {
  const copy = { ...value };
  define(copy, key, extra);
  return copy;
}

function keepKeys(value: Record<string, unknown>, count: number): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).slice(0, Math.max(0, count)));
}

function arrayViolations(schema: JsonSchema, ctx: Context): Array<fc.Arbitrary<unknown> | undefined> {
  const items = schema.items;
  if (Array.isArray(items) || atDepthLimit(ctx)) return [];
  const item = build(isSchema(items) ? items : true, deeper(ctx));
  const minItems = numberKeyword(schema, 'minItems') ?? 0;
  const maxItems = numberKeyword(schema, 'maxItems');
  const nested = violations(isSchema(items) ? items : true, deeper(ctx));
  return [
    maxItems === undefined || maxItems >= LONGEST_BOUNDARY_ARRAY ? undefined : fc.array(item, { minLength: maxItems + 1, maxLength: maxItems + 1 }),
    minItems === 0 ? undefined : fc.array(item, { minLength: minItems - 1, maxLength: minItems - 1 }),
    schema.uniqueItems === true ? item.map((value) => [value, structuredClone(value)]) : undefined,
    nested.length === 0 ? undefined : fc.tuple(arrayValue(schema, ctx), oneOfArbitraries(nested)).map(([valid, bad]) => [...valid, bad]),
  ];
}
