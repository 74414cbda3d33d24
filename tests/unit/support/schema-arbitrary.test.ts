import AjvCompiler from '@fastify/ajv-compiler';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccountSchema, DeletionRequest, EmailChange, LoginSchema, PasswordResetCompletion, ProfileChanges, RegistrationSchema,
  SessionIdParams, TotpCodeBody,
} from '../../../portal-api/schemas/accounts.ts';
import { DraftBody } from '../../../portal-api/schemas/drafts.ts';
import {
  InvitationRequestSchema, InvitationTokenBody, MemberParams, NewOrganisationSchema, OrganisationChangesSchema, RoleChangeSchema,
} from '../../../portal-api/schemas/organisations.ts';
import { ApplicationSchema } from '../../../core/cases/application-schema.ts';
import { IdempotencyHeaders } from '../../../portal-api/schemas/common.ts';
import { CaseDetailSchema } from '../../../core/cases/case-schemas.ts';
import { CitizenAnswerSchema } from '../../../portal-api/schemas/cases.ts';
import { ProblemSchema } from '../../../portal-api/schemas/common.ts';
import { LocalisedTextSchema } from '../../../core/language.ts';
import { mutationOf, nastyString, valueOf, type JsonSchema, type SchemaArbitraryOptions } from '../../support/schema-arbitrary.ts';

const TreeSchema = {
  $id: 'Tree',
  type: 'object',
  properties: { label: { type: 'string', maxLength: 5 }, children: { type: 'array', items: { $ref: 'Tree' } } },
  required: ['children'],
  additionalProperties: false,
};

/** Schemas that `$ref`s name by `$id`, as portal-api/app.ts adds them to Fastify. */
const SHARED: Record<string, JsonSchema> = { LocalisedText: LocalisedTextSchema, Problem: ProblemSchema, Tree: TreeSchema };
const options: SchemaArbitraryOptions = { resolveRef: (ref) => SHARED[ref] };

// As portal-api/app.ts configures Fastify's validation; @fastify/ajv-compiler adds ajv-formats as Fastify does.
const FASTIFY_AJV_OPTIONS = { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } as const;
const fastifyCompiler = AjvCompiler()(SHARED, { customOptions: FASTIFY_AJV_OPTIONS });
const strictCompiler = AjvCompiler()(SHARED, { customOptions: { ...FASTIFY_AJV_OPTIONS, coerceTypes: false } });

/** Whether the value, sent as JSON, passes the validator (coercion and defaults change the data, hence a fresh copy). */
function validator(compiler: typeof fastifyCompiler, schema: JsonSchema): (value: unknown) => boolean {
  // Fastify passes the route definition (its types say the schema, which the object also is for them).
  const validate = compiler({ schema, method: 'POST', url: '/fuzz', httpPart: 'body' });
  return (value) => validate(JSON.parse(JSON.stringify(value))) === true;
}

const REPOSITORY_SCHEMAS: Record<string, JsonSchema> = {
  RegistrationSchema, LoginSchema, ProfileChanges, PasswordResetCompletion, EmailChange, DeletionRequest, TotpCodeBody, SessionIdParams,
  NewOrganisationSchema, OrganisationChangesSchema, InvitationRequestSchema, InvitationTokenBody, MemberParams, RoleChangeSchema,
  ApplicationSchema, IdempotencyHeaders, DraftBody, CitizenAnswerSchema, CaseDetailSchema,
  AccountSchema, ProblemSchema,
};

const SYNTHETIC_SCHEMAS: Record<string, JsonSchema> = {
  'bounded integer': { type: 'integer', minimum: 1, maximum: 200 },
  'query string with a default': { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }, additionalProperties: false },
  'unbounded integer': { type: 'integer' },
  'integer multiple of 5': { type: 'integer', multipleOf: 5, exclusiveMinimum: -12, maximum: 1000 },
  'exclusive number': { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
  'number multiple of 0.01': { type: 'number', multipleOf: 0.01, minimum: -10, maximum: 10 },
  'unbounded number': { type: 'number' },
  'nullable short string': { type: ['string', 'null'], maxLength: 3 },
  'fixed-length string': { type: 'string', minLength: 7, maxLength: 7 },
  'pattern with length': { type: 'string', pattern: '^[a-z]+$', minLength: 5, maxLength: 8 },
  'unanchored pattern': { type: 'string', pattern: '\\S', minLength: 1, maxLength: 30 },
  'date': { type: 'string', format: 'date' },
  'date-time': { type: 'string', format: 'date-time' },
  'time': { type: 'string', format: 'time' },
  'uuid': { type: 'string', format: 'uuid' },
  'short email': { type: 'string', format: 'email', minLength: 20, maxLength: 30 },
  'binary': { type: 'string', format: 'binary' },
  'enum': { enum: ['a', 1, null, { b: [true] }] },
  'const': { const: { a: [1, 'x'] } },
  'oneOf object or null': { oneOf: [{ type: 'object', properties: { a: { const: 1 } }, required: ['a'] }, { type: 'null' }] },
  'allOf objects': {
    allOf: [
      { type: 'object', properties: { a: { type: 'string', minLength: 2 } }, required: ['a'] },
      { type: 'object', properties: { a: { type: 'string', maxLength: 4 }, b: { type: 'integer', minimum: 0 } }, required: ['b'] },
    ],
  },
  'additionalProperties schema': { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 2, maxProperties: 4 },
  'closed patternProperties': { type: 'object', patternProperties: { '^x-[a-z]+$': { type: 'boolean' } }, additionalProperties: false, maxProperties: 3 },
  'unique uuid array': { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1, maxItems: 8, uniqueItems: true },
  'unique small integers': { type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, uniqueItems: true, maxItems: 4 },
  'tuple': { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false, minItems: 2, maxItems: 2 },
  'anything': {},
  'open object': { type: 'object' },
  'recursive $ref': { $ref: 'Tree' },
};

const ALL_SCHEMAS = Object.entries({ ...REPOSITORY_SCHEMAS, ...SYNTHETIC_SCHEMAS });

/** How many objects and arrays the value nests (a scalar: 0). */
function nesting(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(nesting));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(nesting));
  return 0;
}

function hasLoneSurrogate(value: string): boolean {
  return !value.isWellFormed();
}

describe('valueOf', () => {
  it.each(ALL_SCHEMAS)('when the schema is %s, then every value passes Fastify\'s validation, even without its coercion', (_name, schema) => {
    const fastifyAccepts = validator(fastifyCompiler, schema);
    const strictlyAccepts = validator(strictCompiler, schema);
    fc.assert(fc.property(valueOf(schema, options), (value) => fastifyAccepts(value) && strictlyAccepts(value)), { seed: 42, numRuns: 200 });
  });

  it('when a schema recurses, then nesting stops soon after maxDepth', () => {
    const values = fc.sample(valueOf({ $ref: 'Tree' }, { ...options, maxDepth: 2 }), { seed: 42, numRuns: 200 });
    // Tree requires its children array: at the limit an object still gets an (empty) one.
    expect(Math.max(...values.map(nesting))).toBe(4);
  });

  it('when maxDepth is 0, then objects get only what they require, or minProperties needs', () => {
    const organisations = fc.sample(valueOf(NewOrganisationSchema, { maxDepth: 0 }), { seed: 42, numRuns: 100 });
    expect(new Set(organisations.map((value) => Object.keys(Object(value)).join()))).toEqual(new Set(['name,postalAddress']));
    const changes = fc.sample(valueOf(ProfileChanges, { maxDepth: 0 }), { seed: 42, numRuns: 100 });
    const accepts = validator(fastifyCompiler, ProfileChanges);
    expect(changes.every((value) => accepts(value) && Object.keys(Object(value)).length === 1)).toBe(true);
  });

  it('when a $ref cannot be resolved, then building the arbitrary fails with the ref', () => {
    expect(() => valueOf({ $ref: '#/components/schemas/Missing' })).toThrow('#/components/schemas/Missing');
  });

  it('when a string has no bounds, then NUL, lone surrogates and strings past 2704 bytes come up', () => {
    const values = fc.sample(valueOf({ type: 'string' }), { seed: 42, numRuns: 500 }).filter((value) => typeof value === 'string');
    expect(values.some((value) => value.includes('\u0000'))).toBe(true);
    expect(values.some(hasLoneSurrogate)).toBe(true);
    expect(values.some((value) => Buffer.byteLength(value) > 2704)).toBe(true);
  });

  it('when the format is date, then year 0000, 9999 and leap days come up', () => {
    const values = fc.sample(valueOf({ type: 'string', format: 'date' }), { seed: 42, numRuns: 300 });
    expect(values).toEqual(expect.arrayContaining([expect.stringMatching(/^0000-/), expect.stringMatching(/^9999-/), expect.stringMatching(/-02-29$/)]));
  });

  it('when the format is date-time, then offsets, a leap second and year 0000 come up', () => {
    const values = fc.sample(valueOf({ type: 'string', format: 'date-time' }), { seed: 42, numRuns: 300 });
    expect(values).toEqual(expect.arrayContaining([expect.stringMatching(/[+-]\d\d:?\d\d$/), expect.stringMatching(/:60(\.\d+)?(Z|[+-])/i), expect.stringMatching(/^0000-/)]));
  });

  it('when an integer has no bounds, then values beyond 32 and 53 bits come up', () => {
    const values = fc.sample(valueOf({ type: 'integer' }), { seed: 42, numRuns: 300 }).map(Number);
    expect(values.some((value) => value > 2 ** 31 - 1)).toBe(true);
    expect(values.some((value) => !Number.isSafeInteger(value))).toBe(true);
  });

  it('when a string is bounded, then both bounds are reached', () => {
    const lengths = fc.sample(valueOf({ type: 'string', minLength: 2, maxLength: 40 }), { seed: 42, numRuns: 300 })
      .map((value) => Array.from(String(value)).length);
    expect(lengths).toEqual(expect.arrayContaining([2, 40]));
  });

  it('when sampled twice with one seed, then the values are the same', () => {
    const arbitrary = valueOf(ApplicationSchema, options);
    expect(fc.sample(arbitrary, { seed: 1, numRuns: 20 })).toEqual(fc.sample(arbitrary, { seed: 1, numRuns: 20 }));
  });
});

describe('nastyString', () => {
  it('when sampled a few hundred times, then NUL and lone surrogates come up', () => {
    const values = fc.sample(nastyString({}), { seed: 42, numRuns: 300 });
    expect(values.some((value) => value.includes('\u0000'))).toBe(true);
    expect(values.some(hasLoneSurrogate)).toBe(true);
  });

  it('when sampled a few hundred times, then RTL marks, emoji, metacharacters and whitespace-only strings come up', () => {
    const values = fc.sample(nastyString({ minLength: 1 }), { seed: 42, numRuns: 300 });
    expect(values.some((value) => /[\u200F\u202E]/.test(value))).toBe(true);
    expect(values.some((value) => /\p{Extended_Pictographic}/u.test(value))).toBe(true);
    for (const metacharacter of ["'", '"', ';', '<', '%', '_', '\\']) expect(values.some((value) => value.includes(metacharacter))).toBe(true);
    expect(values.some((value) => /^\s+$/.test(value))).toBe(true);
  });

  it('when given length bounds, then every string has that many code points', () => {
    fc.assert(fc.property(nastyString({ minLength: 3, maxLength: 12 }), (value) => {
      const length = Array.from(value).length;
      return length >= 3 && length <= 12;
    }), { seed: 42, numRuns: 200 });
  });

  it('when sampled twice with one seed, then the strings are the same', () => {
    expect(fc.sample(nastyString({ maxLength: 50 }), { seed: 1, numRuns: 20 })).toEqual(fc.sample(nastyString({ maxLength: 50 }), { seed: 1, numRuns: 20 }));
  });
});

describe('mutationOf', () => {
  it.each(ALL_SCHEMAS.filter(([name]) => name !== 'anything'))('when the schema is %s, then many mutations fail Fastify\'s validation', (_name, schema) => {
    const fastifyAccepts = validator(fastifyCompiler, schema);
    const values = fc.sample(mutationOf(schema, options), { seed: 42, numRuns: 200 });
    const invalid = values.filter((value) => !fastifyAccepts(value));
    expect(invalid.length).toBeGreaterThan(values.length / 4);
  });

  it('when a property is required, then some mutations leave it out', () => {
    const values = fc.sample(mutationOf(RegistrationSchema), { seed: 42, numRuns: 300 });
    expect(values.some((value) => typeof value === 'object' && value !== null && !Array.isArray(value) && !('email' in value) && 'password' in value)).toBe(true);
  });

  it('when sampled twice with one seed, then the values are the same', () => {
    const arbitrary = mutationOf(NewOrganisationSchema, options);
    expect(fc.sample(arbitrary, { seed: 1, numRuns: 20 })).toEqual(fc.sample(arbitrary, { seed: 1, numRuns: 20 }));
  });
});
