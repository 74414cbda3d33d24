// The catalogue search's test data (tests/fixtures/search/): the relevance queries with the
// service each must find first, and the catalogue they are searched in — the real packages of
// processes/ and, for the services the seeds name that have no package yet, their stand-ins.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { readServicePackages } from '../../core/catalogue/service-packages.ts';
import { ServiceManifestSchema, type ServiceManifest } from '../../core/catalogue/service-manifest.ts';
import type { ServiceRegistration } from '../../core/db/services-repository.ts';
import { LanguageSchema } from '../../core/language.ts';

const FIXTURES = new URL('../fixtures/search/', import.meta.url);
const PROCESSES = new URL('../../processes/', import.meta.url);

const RelevanceQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  language: LanguageSchema,
  expected: Type.String({ minLength: 1 }),
  note: Type.Optional(Type.String()),
}, { additionalProperties: false });

export type RelevanceQuery = Static<typeof RelevanceQuerySchema>;

/** What a stand-in gives: what a package's manifest says that the search reads. */
const StandInSchema = Type.Pick(ServiceManifestSchema, ['id', 'names', 'descriptions', 'keywords'], { additionalProperties: false });

function checked<T extends Parameters<typeof Value.Check>[0]>(schema: T, data: unknown, file: string): Static<T> {
  const error = Value.Errors(schema, data).First();
  if (error) throw new Error(`tests/fixtures/search/${file}: ${error.path}: ${error.message}`);
  return data as Static<T>;
}

const readFixture = (file: string): unknown => parseYaml(readFileSync(new URL(file, FIXTURES), 'utf8'));

/** The relevance queries (relevance-queries.yaml), checked. */
export function relevanceQueries(): RelevanceQuery[] {
  return checked(Type.Object({ queries: Type.Array(RelevanceQuerySchema, { minItems: 1 }) }), readFixture('relevance-queries.yaml'), 'relevance-queries.yaml').queries;
}

/** A stand-in as the manifest of a package that takes part in nothing but the search. */
function standInManifest(standIn: Static<typeof StandInSchema>): ServiceManifest {
  const manifest: ServiceManifest = {
    ...standIn,
    bpmnProcessId: standIn.id,
    audience: 'personal',
    responsibility: { level: 'municipality' },
    fee: { defaultRappen: 0 },
    payment: { methods: [] },
    documents: [],
    expectedProcessingDays: 5,
  };
  return checked(ServiceManifestSchema, manifest, `seed-services.yaml (${standIn.id})`);
}

/**
 * The catalogue the relevance queries are searched in: every package of processes/, and the
 * stand-ins of seed-services.yaml whose service has no package yet (a package's own words win).
 */
export async function searchTestCatalogue(): Promise<ServiceRegistration[]> {
  const packages = await readServicePackages(fileURLToPath(PROCESSES));
  const packaged = new Set(packages.map((p) => p.manifest.id));
  const standIns = checked(Type.Array(StandInSchema), readFixture('seed-services.yaml'), 'seed-services.yaml')
    .filter((standIn) => !packaged.has(standIn.id))
    .map((standIn) => ({ manifest: standInManifest(standIn), startForm: null, documentTemplates: [] }));
  return [...packages.map(({ manifest, startForm, documentTemplates }) => ({ manifest, startForm, documentTemplates })), ...standIns];
}
