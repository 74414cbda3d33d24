/**
 * The manifest of a service package (`processes/<service-id>/service.yaml`): what makes a municipal
 * service besides its diagram and forms. Published as `processes/service.schema.json` (written by
 * `npm run templates`), so that an editor checks a manifest while it is written.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Text = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });

/** German first, with French, Italian and English beside: every text a citizen reads. */
const Texts = (description: string) => Type.Object({ de: Text, fr: Text, it: Text, en: Text }, { additionalProperties: false, description });

const Words = Type.Array(Type.String({ minLength: 2, maxLength: 60 }), { maxItems: 50, uniqueItems: true });

const Slug = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' });

/** The account fields a start form may be pre-filled from (INT-4). */
export const PREFILL_SOURCES = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'street', 'houseNumber', 'postalCode', 'town', 'country'] as const;

/** The platform's sources of start-form options (see core/forms/form-data-sources.ts). */
export const FORM_DATA_SOURCES = ['open-items'] as const;

const literals = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(values.map((value) => Type.Literal(value)), options);

const SettingName = Type.String({ pattern: '^[a-z][A-Za-z0-9]{0,62}$' });

/**
 * A value each municipality may set for the service (e.g. the instalment plan's thresholds): its
 * type, its default and bounds. The process reads the municipality's values as `settings.<name>`.
 */
const SettingDeclaration = Type.Union([
  Type.Object({
    type: Type.Union([Type.Literal('integer'), Type.Literal('number')]),
    default: Type.Number(),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    names: Texts('What the setting means, as the municipality\'s administrator reads it.'),
  }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('boolean'), default: Type.Boolean(), names: Texts('What the setting means.') }, { additionalProperties: false }),
  Type.Object({
    type: Type.Literal('string'), default: Type.String({ maxLength: 500 }), maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    pattern: Type.Optional(Type.String({
      minLength: 1, maxLength: 200, description: 'A regular expression the whole value must match, e.g. an ISO 8601 duration that a timer of the diagram reads.',
    })),
    names: Texts('What the setting means.'),
  }, { additionalProperties: false }),
]);

export type SettingDeclaration = Static<typeof SettingDeclaration>;

export const ServiceManifestSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'The service\'s id; the package\'s folder carries the same name.' }),
  bpmnProcessId: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$', description: 'The id of the executable process in the package\'s diagram.' }),
  names: Texts('The service\'s name as citizens read it.'),
  descriptions: Texts('One or two sentences: what the citizen gets.'),
  keywords: Type.Object({ de: Words, fr: Words, it: Words, en: Words }, {
    additionalProperties: false, description: 'Everyday words the catalogue search finds the service by, per language.',
  }),
  audience: literals(['personal', 'organisation', 'both'], { description: 'Who orders it: a person for themselves, an organisation, or both (ORG-5).' }),
  responsibility: Type.Union([
    Type.Object({ level: literals(['municipality', 'canton']) }, { additionalProperties: false }),
    Type.Object({ level: Type.Literal('institution'), institutionKind: literals(['debt-enforcement-office', 'civil-registry-office']) }, { additionalProperties: false }),
  ], { description: 'Which level handles it (SVC-5): the municipality, an institution serving it (naming its kind), or the canton.' }),
  fee: Type.Object({
    defaultRappen: Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'In Rappen: CHF 20.00 is 2000.' }),
  }, { additionalProperties: false, description: 'The fee a municipality charges unless its configuration says otherwise.' }),
  payment: Type.Object({
    methods: Type.Array(literals(['online', 'invoice']), {
      uniqueItems: true, maxItems: 2,
      description: 'How the fee may be paid where a municipality offers it: online (Payrexx) and/or invoice (QR-bill). Empty for a free service.',
    }),
  }, { additionalProperties: false }),
  documents: Type.Array(Type.Object({ kind: Slug, names: Texts('The document\'s name.') }, { additionalProperties: false }), {
    maxItems: 20, description: 'The documents the service issues.',
  }),
  expectedProcessingDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Working days a case usually takes (SVC-4).' }),
  startForm: Type.Optional(Type.String({
    pattern: '^[a-z0-9][a-z0-9-]*[.]form$', description: 'The form-js form in the package that the citizen fills in to order the service.',
  })),
  prefill: Type.Optional(Type.Record(
    Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$' }),
    literals(PREFILL_SOURCES),
    { maxProperties: 50, description: 'Which account fields pre-fill which start-form fields (INT-4): form field path → account field. A pre-filled field the form marks readonly is the account\'s own: the server fills it and refuses another value.' },
  )),
  formData: Type.Optional(Type.Record(
    Type.String({ pattern: '^[a-z][A-Za-z0-9]{0,62}$' }),
    literals(FORM_DATA_SOURCES),
    {
      maxProperties: 10,
      description: 'Options the platform reads for the start form, by the valuesKey of the fields that offer them: open-items lists the person\'s unpaid bills from the municipality\'s finance module. The process gets the records the citizen chose under the same name.',
    },
  )),
  settings: Type.Optional(Type.Record(SettingName, SettingDeclaration, {
    maxProperties: 30, description: 'Values each municipality may set for the service, with their defaults; the process reads them as settings.<name>.',
  })),
}, { additionalProperties: false, $id: 'https://gemeindeportal.example/schemas/service-manifest.json' });

export type ServiceManifest = Static<typeof ServiceManifestSchema>;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];
export type FormDataSource = (typeof FORM_DATA_SOURCES)[number];

/** A schema as the ordering below reads it: the properties of an object, of each member of a union, or of a record's values, and an array's items. */
interface SchemaShape { properties?: Record<string, SchemaShape>; anyOf?: SchemaShape[]; patternProperties?: Record<string, SchemaShape>; items?: SchemaShape }

/** `value` with the keys of every object in the order its schema lists them (others after, as they come). */
function inSchemaOrder(schema: SchemaShape, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(schema.items ?? {}, item));
  if (typeof value !== 'object' || value === null) return value;
  const members = schema.anyOf ?? [schema];
  const properties: Record<string, SchemaShape> = Object.assign({}, ...members.map((member) => member.properties ?? {}));
  const recordValues = members.flatMap((member) => Object.values(member.patternProperties ?? {}))[0];
  const keys = [...new Set([...Object.keys(properties), ...Object.keys(value)])].filter((key) => Object.hasOwn(value, key));
  return Object.fromEntries(keys.map((key) => [key, inSchemaOrder(properties[key] ?? recordValues ?? {}, (value as Record<string, unknown>)[key])]));
}

/**
 * The manifest with its fields in the schema's order, German first in every text, as the shipped
 * files have them: a manifest read back from the database comes with its keys in the order
 * PostgreSQL's jsonb keeps them.
 */
export const inManifestOrder = (manifest: ServiceManifest): ServiceManifest => inSchemaOrder(ServiceManifestSchema as SchemaShape, manifest) as ServiceManifest;

/** The published JSON Schema: the TypeBox schema with the draft and a title for editors. */
export function publishedManifestSchema(): TSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Service package manifest (processes/<service-id>/service.yaml)',
    description: 'What makes a municipal service besides its diagram and forms: names, descriptions and search words in the four languages, who may order it, which level is responsible, its fee, payment, documents, usual handling time, and which account fields pre-fill its form.',
    ...JSON.parse(JSON.stringify(ServiceManifestSchema)) as TSchema,
  };
}
