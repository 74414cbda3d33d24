import type { Knex } from 'knex';

/** The four languages of the catalogue, each with the PostgreSQL stemmer of its words. */
const LANGUAGES = [
  { code: 'de', stemmer: 'german' },
  { code: 'fr', stemmer: 'french' },
  { code: 'it', stemmer: 'italian' },
  { code: 'en', stemmer: 'english' },
] as const;

/** The search's text configuration of one language: its stemmer after accents are taken off. */
const searchConfiguration = (code: (typeof LANGUAGES)[number]['code']) => `catalogue_search_${code}`;

/** A language's part of the search document: its name weighs most (A), then its keywords (B), then its description (C). */
const documentOf = ({ code }: (typeof LANGUAGES)[number]) => {
  const configuration = `'${searchConfiguration(code)}'::regconfig`;
  return `setweight(to_tsvector(${configuration}, coalesce(names ->> '${code}', '')), 'A')`
    + ` || setweight(jsonb_to_tsvector(${configuration}, coalesce(keywords -> '${code}', '[]'::jsonb), '["string"]'), 'B')`
    + ` || setweight(to_tsvector(${configuration}, coalesce(descriptions ->> '${code}', '')), 'C')`;
};

/** Names and keywords of all four languages, lower-case and without accents: what typos are measured against. */
const wordsOf = ({ code }: (typeof LANGUAGES)[number]) =>
  `coalesce(names ->> '${code}', '') || ' ' || coalesce(keywords ->> '${code}', '')`;

/**
 * The catalogue search (issue 15, SVC-2): PostgreSQL's full-text search over each service's names,
 * keywords and descriptions in the four languages (each with its own stemmer, accents ignored), and
 * pg_trgm's similarity over names and keywords for typos. Both are generated from the columns the
 * service packages fill, so a registered package is searchable at once.
 */
export async function up(db: Knex): Promise<void> {
  // Both are "trusted" extensions: the database's owner may create them without being superuser.
  await db.raw('create extension if not exists unaccent with schema public');
  await db.raw('create extension if not exists pg_trgm with schema public');
  // unaccent() is only stable (its dictionary could change); a generated column needs an immutable function.
  await db.raw(`create function catalogue_search_fold(text) returns text language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
  for (const language of LANGUAGES) {
    const configuration = searchConfiguration(language.code);
    await db.raw(`create text search configuration ${configuration} (copy = pg_catalog.${language.stemmer})`);
    await db.raw(`alter text search configuration ${configuration} alter mapping for hword, hword_part, word with public.unaccent, ${language.stemmer}_stem`);
  }
  await db.raw(`alter table services
    add column search_document tsvector generated always as (${LANGUAGES.map(documentOf).join('\n      || ')}) stored,
    add column search_words text generated always as (catalogue_search_fold(${LANGUAGES.map(wordsOf).join(" || ' ' || ")})) stored`);
  await db.raw('create index services_search_document_index on services using gin (search_document)');
  await db.raw('create index services_search_words_index on services using gin (search_words public.gin_trgm_ops)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('drop index if exists services_search_words_index');
  await db.raw('drop index if exists services_search_document_index');
  await db.raw('alter table services drop column if exists search_words, drop column if exists search_document');
  for (const { code } of LANGUAGES) await db.raw(`drop text search configuration if exists ${searchConfiguration(code)}`);
  await db.raw('drop function if exists catalogue_search_fold(text)');
  // The extensions stay: other objects of the database may have come to use them.
}
