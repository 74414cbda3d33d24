import { describe, expect, it } from 'vitest';
import { createSearchCatalogue, SEARCH_HITS_MAX } from '../../../../core/catalogue/search-catalogue.ts';
import type { CatalogueSearchHit, CatalogueSearchRepository } from '../../../../core/db/catalogue-search-repository.ts';
import type { ProblemError } from '../../../../core/errors/problem-error.ts';
import { AARAU, fakeCatalogue, RESIDENCE_CERTIFICATE } from '../../../../workers/testing/fake-catalogue.ts';

const CERTIFICATE_HIT: CatalogueSearchHit = {
  serviceId: 'residence-certificate',
  names: { de: 'Hauptwohnsitzbescheinigung', fr: 'Attestation de domicile principal', it: 'Attestazione di domicilio principale', en: 'Certificate of main residence' },
  descriptions: { de: 'Die Gemeinde bestätigt Ihren Wohnsitz.', fr: 'La commune atteste votre domicile.' },
};
const TOMBOLA_HIT: CatalogueSearchHit = { serviceId: 'lottery-permit', names: { de: 'Bewilligung für Lotterie und Tombola' }, descriptions: null };

/** The search's repository, answering `hits` and remembering what it was asked. */
function fakeSearch(hits: CatalogueSearchHit[]) {
  const asked: { words: string; limit: number }[] = [];
  const repository: CatalogueSearchRepository = {
    search: async (words, limit) => {
      asked.push({ words, limit });
      return hits;
    },
  };
  return { repository, asked };
}

const refusal = async (attempt: Promise<unknown>) => ((await attempt.then(() => undefined, (error: unknown) => error)) as ProblemError | undefined)?.problem;

describe('the catalogue search', () => {
  it('when the words have spaces around them, then the database is asked for the words alone and a bounded list', async () => {
    const { repository, asked } = fakeSearch([CERTIFICATE_HIT]);
    await createSearchCatalogue({ search: repository, catalogue: fakeCatalogue() })({ words: '  Wohnsitz  ', language: 'de' });
    expect(asked).toEqual([{ words: 'Wohnsitz', limit: SEARCH_HITS_MAX }]);
  });

  it.each([
    ['nothing but spaces', ' \t ', 'has no words: say what you are looking for'],
    ['101 characters', 'ä'.repeat(101), 'is longer than 100 characters'],
  ])('when the words are %s, then the search is refused naming /querystring/q and the database is not asked', async (_what, words, detail) => {
    const { repository, asked } = fakeSearch([]);
    const problem = await refusal(createSearchCatalogue({ search: repository, catalogue: fakeCatalogue() })({ words, language: 'de' }));
    expect(problem).toMatchObject({ status: 400, errors: [{ pointer: '/querystring/q', detail }] });
    expect(asked).toEqual([]);
  });

  it('when the words are 100 characters beyond the Basic Multilingual Plane, then they count as 100 and are searched', async () => {
    const { repository, asked } = fakeSearch([]);
    await createSearchCatalogue({ search: repository, catalogue: fakeCatalogue() })({ words: '𝔚'.repeat(100), language: 'de' });
    expect(asked).toHaveLength(1);
  });

  it('when the municipality is unknown, then the search is refused naming /querystring/municipality', async () => {
    const { repository, asked } = fakeSearch([CERTIFICATE_HIT]);
    const problem = await refusal(createSearchCatalogue({ search: repository, catalogue: fakeCatalogue() })({ words: 'Wohnsitz', language: 'de', municipalityId: 'atlantis' }));
    expect(problem).toMatchObject({ status: 400, errors: [{ pointer: '/querystring/municipality' }] });
    expect(asked).toEqual([]);
  });

  it('when no municipality is chosen, then the hits are named in the asked language, German where a text lacks it, and say nothing of an offer', async () => {
    const { repository } = fakeSearch([CERTIFICATE_HIT, TOMBOLA_HIT]);
    const result = await createSearchCatalogue({ search: repository, catalogue: fakeCatalogue() })({ words: 'attestation', language: 'fr' });
    expect(result).toEqual({
      services: [
        { id: 'residence-certificate', name: 'Attestation de domicile principal', description: 'La commune atteste votre domicile.' },
        { id: 'lottery-permit', name: 'Bewilligung für Lotterie und Tombola', description: null },
      ],
    });
    const english = await createSearchCatalogue({ search: repository, catalogue: fakeCatalogue() })({ words: 'residence', language: 'en' });
    expect(english.services[0]).toMatchObject({ name: 'Certificate of main residence', description: 'Die Gemeinde bestätigt Ihren Wohnsitz.' });
  });

  it('when a municipality is chosen, then each hit says how it offers the service (fee, time, its payment methods) or false where it does not', async () => {
    const { repository } = fakeSearch([CERTIFICATE_HIT, TOMBOLA_HIT]);
    const withoutCreditor = { ...AARAU, creditor: null };
    const catalogue = fakeCatalogue({ municipalities: [withoutCreditor], offerings: [RESIDENCE_CERTIFICATE] });
    const result = await createSearchCatalogue({ search: repository, catalogue })({ words: 'Bescheinigung', language: 'de', municipalityId: 'aarau' });
    expect(result.municipality).toEqual({ id: 'aarau', name: 'Aarau', participates: true });
    expect(result.services.map((service) => [service.id, service.offered])).toEqual([
      // No creditor, no QR-bill: the invoice is not offered there, as GET /municipalities/{id}/services says.
      ['residence-certificate', { feeRappen: 3_000, expectedProcessingDays: 2, paymentMethods: ['online'] }],
      ['lottery-permit', false],
    ]);
  });

  it('when the municipality does not take part in the portal, then nothing is offered there, whatever its configuration lists', async () => {
    const { repository } = fakeSearch([CERTIFICATE_HIT]);
    const catalogue = fakeCatalogue({ municipalities: [{ ...AARAU, id: 'wohlen', name: 'Wohlen', participates: false }], offerings: [RESIDENCE_CERTIFICATE] });
    const result = await createSearchCatalogue({ search: repository, catalogue })({ words: 'Wohnsitz', language: 'de', municipalityId: 'wohlen' });
    expect(result.municipality).toEqual({ id: 'wohlen', name: 'Wohlen', participates: false });
    expect(result.services).toEqual([expect.objectContaining({ id: 'residence-certificate', offered: false })]);
  });
});
