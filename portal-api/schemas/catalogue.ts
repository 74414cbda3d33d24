import { Type } from '@sinclair/typebox';
import { SEARCH_HITS_MAX, SEARCH_WORDS_MAX } from '../../core/catalogue/search-catalogue.ts';
import { LanguageSchema } from '../../core/language.ts';

export const MunicipalityIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ServiceIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const PaymentMethods = (description: string) => Type.Array(Type.Union([Type.Literal('online'), Type.Literal('invoice')]), { description });

export const ServicesOfMunicipality = Type.Object({
  municipality: Type.Object({ id: Type.String(), name: Type.String(), participates: Type.Boolean() }),
  services: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.Ref('LocalisedText'),
    feeRappen: Type.Integer({ description: 'Fee in Rappen (CHF 1 = 100)' }),
    expectedProcessingDays: Type.Integer(),
    audience: Type.Union([Type.Literal('personal'), Type.Literal('organisation'), Type.Literal('both')], {
      description: 'Who may apply (ORG-5): a person for themselves, on behalf of an organisation they are a member of, or both',
    }),
    description: Type.Union([Type.Ref('LocalisedText'), Type.Null()], { description: 'What the citizen gets, from the service\'s package' }),
    documents: Type.Array(Type.Object({ kind: Type.String(), name: Type.Ref('LocalisedText') }), { description: 'The documents the service issues' }),
    paymentMethods: PaymentMethods('How the fee may be paid here: online (Payrexx: TWINT, PostFinance, cards) and/or invoice (QR-bill); empty for a free service'),
  })),
});

export const CatalogueSearchQuery = Type.Object({
  // The parameter as sent is bounded here; the words themselves, once trimmed, by the search (SEARCH_WORDS_MAX).
  q: Type.String({ maxLength: 2 * SEARCH_WORDS_MAX, description: `What the citizen looks for, in their own words and any of the four languages: 1 to ${SEARCH_WORDS_MAX} characters once spaces around are trimmed` }),
  municipality: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A municipality\'s id: each hit then says whether and how it offers the service (SVC-4)' })),
  language: Type.Optional({ ...LanguageSchema, description: 'The language of the names and descriptions answered; de unless given' }),
});

export const CatalogueSearchResult = Type.Object({
  municipality: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), participates: Type.Boolean() }, {
    description: 'The municipality asked about; one that does not take part in the portal offers nothing',
  })),
  services: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String({ description: 'In the language asked for' }),
    description: Type.Union([Type.String(), Type.Null()], { description: 'What the citizen gets, in the language asked for' }),
    offered: Type.Optional(Type.Union([
      Type.Object({
        feeRappen: Type.Integer({ description: 'Fee in Rappen (CHF 1 = 100) in this municipality; 0 for a free service' }),
        expectedProcessingDays: Type.Integer(),
        paymentMethods: PaymentMethods('How the fee may be paid there; empty for a free service'),
      }),
      Type.Literal(false),
    ], { description: 'Only with `municipality`: how it offers the service (as GET /municipalities/{id}/services says), or false where it does not' })),
  }), { maxItems: SEARCH_HITS_MAX, description: 'The services found, the most relevant first' }),
});
