// SVC-2: the catalogue search finds services by everyday words, synonyms and typos in the four
// languages. The relevance queries (tests/fixtures/search/relevance-queries.yaml) are searched in a
// catalogue registered the way the platform registers its packages — the real packages and
// stand-ins for the services the seeds name — on a fresh PostgreSQL database and on the embedded
// PGlite, which `npm start` uses without DATABASE_URL. No engine is needed; the file sits with the
// integration tests for its real PostgreSQL.
import type { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchCatalogue, type SearchCatalogue } from '../../core/catalogue/search-catalogue.ts';
import { createCatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { createCatalogueSearchRepository } from '../../core/db/catalogue-search-repository.ts';
import { createDatabase } from '../../core/db/database.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { createServicesRepository } from '../../core/db/services-repository.ts';
import { LANGUAGES } from '../../core/language.ts';
import { relevanceQueries, searchTestCatalogue, type RelevanceQuery } from '../support/search-fixtures.ts';
import { createFreshDatabase } from '../support/test-database.ts';

/** The share of queries whose service must come first (issue 15). */
const REQUIRED_SHARE = 0.9;

const queries = relevanceQueries();

describe('the relevance query set', () => {
  it('when it is read, then it has at least 40 queries, typos among them, in each of the four languages, each expecting a service of the catalogue', async () => {
    const catalogue = new Set((await searchTestCatalogue()).map((registration) => registration.manifest.id));
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const language of LANGUAGES) expect(queries.filter((query) => query.language === language).length, language).toBeGreaterThanOrEqual(8);
    expect(queries.filter((query) => query.note?.includes('typo')).length).toBeGreaterThanOrEqual(10);
    expect(queries.filter((query) => !catalogue.has(query.expected))).toEqual([]);
    expect(new Set(queries.map((query) => query.expected))).toEqual(catalogue);
  });
});

/** How one query fared: the service it found first, if any. */
async function firstHit(search: SearchCatalogue, query: RelevanceQuery): Promise<string | undefined> {
  const { services } = await search({ words: query.q, language: query.language });
  return services[0]?.id;
}

/** A fresh database of either kind, and the folder the embedded one keeps its data in. */
interface Opened {
  db: Knex;
  dir?: string;
}

describe.each<{ name: string; open: () => Promise<Opened> }>([
  { name: 'PostgreSQL', open: async () => ({ db: createDatabase({ databaseUrl: await createFreshDatabase('catalogue_search_test'), embeddedDir: '' }) }) },
  {
    name: 'the embedded PGlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'catalogue-search-'));
      return { db: createDatabase({ embeddedDir: dir }), dir };
    },
  },
])('the catalogue search on $name', ({ name, open }) => {
  let db: Knex;
  let dir: string | undefined;
  let search: SearchCatalogue;
  beforeAll(async () => {
    ({ db, dir } = await open());
    await migrateToLatest(db);
    await createServicesRepository(db).register(await searchTestCatalogue());
    search = createSearchCatalogue({ search: createCatalogueSearchRepository(db), catalogue: createCatalogueRepository(db) });
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`when the relevance queries are searched, then at least ${REQUIRED_SHARE * 100} % find their service first`, async () => {
    const misses: string[] = [];
    for (const query of queries) {
      const first = await firstHit(search, query);
      if (first !== query.expected) misses.push(`"${query.q}" (${query.language}): expected ${query.expected}, found ${first ?? 'nothing'} first`);
    }
    const share = (queries.length - misses.length) / queries.length;
    console.log(`catalogue search on ${name}: ${queries.length - misses.length} of ${queries.length} queries find their service first (${(share * 100).toFixed(1)} %)`
      + (misses.length > 0 ? `; misses:\n  ${misses.join('\n  ')}` : '; no misses'));
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });

  it('when the words match no service, then the answer is empty', async () => {
    expect((await search({ words: 'Quantenchromodynamik', language: 'de' })).services).toEqual([]);
  });

  it.each([
    ['only stop words', 'der die das und'],
    ['only punctuation', '!!! ??? ...'],
    ['the text search\'s own operators and quotes', 'it\'s & | ! :* <-> \'\' "" \\ ( ) Wohnsitz'],
  ])('when the words are %s, then the search answers without an error', async (_what, words) => {
    const { services } = await search({ words, language: 'de' });
    expect(services.length).toBeLessThanOrEqual(20);
  });

  it('when a package is registered again with other keywords, then it is found by its new words at once', async () => {
    const registrations = await searchTestCatalogue();
    const certificate = registrations.find((registration) => registration.manifest.id === 'residence-certificate');
    if (!certificate) throw new Error('the residence certificate has no package');
    const { manifest } = certificate;
    expect((await search({ words: 'Schriftenempfangsschein', language: 'de' })).services.map((s) => s.id)).not.toContain('residence-certificate');
    await createServicesRepository(db).register([{ ...certificate, manifest: { ...manifest, keywords: { ...manifest.keywords, de: [...manifest.keywords.de, 'Schriftenempfangsschein'] } } }]);
    try {
      expect((await search({ words: 'Schriftenempfangsschein', language: 'de' })).services[0]?.id).toBe('residence-certificate');
    } finally {
      await createServicesRepository(db).register([certificate]);
    }
  });
});
