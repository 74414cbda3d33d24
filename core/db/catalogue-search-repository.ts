import type { Knex } from 'knex';
import type { LocalisedText } from '../language.ts';

/** A service the search found, best first. */
export interface CatalogueSearchHit {
  serviceId: string;
  names: LocalisedText;
  descriptions: LocalisedText | null;
}

/** Finds services by the words of their names, keywords and descriptions in any of the four languages (SVC-2). */
export interface CatalogueSearchRepository {
  /** At most `limit` services matching `words`, the most relevant first. */
  search(words: string, limit: number): Promise<CatalogueSearchHit[]>;
}

// Migration 025's text search configurations: each language's stemmer after unaccent.
const CONFIGURATIONS = ['catalogue_search_de', 'catalogue_search_fr', 'catalogue_search_it', 'catalogue_search_en'];

/**
 * The query in each language's configuration, its words joined by OR rather than AND: a citizen's
 * sentence ("ich brauche einen Wohnsitznachweis") should find a service by any of its words, and
 * ts_rank ranks the services that match more of them higher. plainto_tsquery quotes every lexeme,
 * and the parser's tokens hold no space, so its ' & ' are the operators alone.
 */
const anyWord = CONFIGURATIONS
  .map((configuration) => `replace(plainto_tsquery('${configuration}', :words)::text, ' & ', ' | ')::tsquery`)
  .join(' || ');

/**
 * A service matches by its words or, misspelt, by pg_trgm's word similarity to its names and
 * keywords (`<%`: at least pg_trgm.word_similarity_threshold, 0.6 unless the database sets
 * another). Ranked by the full-text rank (weights: name 1, keywords 0.8, description 0.3) plus
 * that similarity, which carries a misspelt word the stemmers do not know.
 */
const SEARCH = `
  with query as (select ${anyWord} as terms, catalogue_search_fold(:words) as folded)
  select id, names, descriptions
    from services, query
   where search_document @@ query.terms or query.folded <% search_words
   order by ts_rank('{0.1, 0.3, 0.8, 1.0}', search_document, query.terms) + word_similarity(query.folded, search_words) desc, id
   limit :limit`;

export function createCatalogueSearchRepository(db: Knex): CatalogueSearchRepository {
  return {
    async search(words, limit) {
      const { rows } = await db.raw(SEARCH, { words, limit }) as { rows: Record<string, unknown>[] };
      return rows.map((row) => ({
        serviceId: row.id as string,
        names: row.names as LocalisedText,
        descriptions: (row.descriptions as LocalisedText | null) ?? null,
      }));
    },
  };
}
