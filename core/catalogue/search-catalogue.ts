import type { CatalogueSearchRepository } from '../db/catalogue-search-repository.ts';
import type { CatalogueRepository, PaymentMethod } from '../db/catalogue-repository.ts';
import { catalogueErrors } from '../errors/catalogue-errors.ts';
import type { Language, LocalisedText } from '../language.ts';
import { offersOf } from './municipal-offers.ts';

/** The longest search a citizen may type, in characters once the spaces around are trimmed. */
export const SEARCH_WORDS_MAX = 100;
/** The most services one search answers. */
export const SEARCH_HITS_MAX = 20;

export interface CatalogueSearch {
  /** What the citizen typed. */
  words: string;
  /** The language the names and descriptions are answered in. */
  language: Language;
  /** The municipality whose offer each hit is compared with (SVC-4). */
  municipalityId?: string | undefined;
}

/** How the chosen municipality offers a service: its fee, the usual handling time and how it may be paid there. */
export interface OfferedHere {
  feeRappen: number;
  expectedProcessingDays: number;
  paymentMethods: PaymentMethod[];
}

export interface FoundService {
  id: string;
  name: string;
  description: string | null;
  /** Only when a municipality was chosen: how it offers the service, or false where it does not. */
  offered?: OfferedHere | false;
}

export interface CatalogueSearchResult {
  municipality?: { id: string; name: string; participates: boolean };
  services: FoundService[];
}

export type SearchCatalogue = (search: CatalogueSearch) => Promise<CatalogueSearchResult>;

const inLanguage = (text: LocalisedText, language: Language): string => text[language] ?? text.de;

/**
 * The catalogue search (SVC-2, SVC-1, SVC-4): services found by everyday words, synonyms and typos
 * in any of the four languages, the most relevant first, and for the chosen municipality whether
 * and how it offers each, as its own catalogue says.
 */
export function createSearchCatalogue({ search, catalogue }: {
  search: CatalogueSearchRepository;
  catalogue: Pick<CatalogueRepository, 'findMunicipality' | 'listOfferings'>;
}): SearchCatalogue {
  return async ({ words, language, municipalityId }) => {
    const typed = words.trim();
    if (typed.length === 0) throw catalogueErrors.searchWordsMissing();
    if ([...typed].length > SEARCH_WORDS_MAX) throw catalogueErrors.searchWordsTooLong(SEARCH_WORDS_MAX);
    const municipality = municipalityId === undefined ? undefined : await catalogue.findMunicipality(municipalityId);
    if (municipalityId !== undefined && !municipality) throw catalogueErrors.searchMunicipalityUnknown();
    const hits = await search.search(typed, SEARCH_HITS_MAX);
    const found = hits.map((hit) => ({
      id: hit.serviceId,
      name: inLanguage(hit.names, language),
      description: hit.descriptions ? inLanguage(hit.descriptions, language) : null,
    }));
    if (!municipality) return { services: found };
    const offers = new Map((await offersOf(catalogue, municipality)).map((offer) => [offer.offering.serviceId, offer]));
    return {
      municipality: { id: municipality.id, name: municipality.name, participates: municipality.participates },
      services: found.map((service) => {
        const offer = offers.get(service.id);
        return {
          ...service,
          offered: offer
            ? { feeRappen: offer.offering.feeRappen, expectedProcessingDays: offer.offering.expectedProcessingDays, paymentMethods: offer.paymentMethods }
            : false,
        };
      }),
    };
  };
}
