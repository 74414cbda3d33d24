import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { caseErrors } from '../../../core/errors/case-errors.ts';
import { catalogueErrors } from '../../../core/errors/catalogue-errors.ts';
import { offeredPaymentMethods } from '../../../core/catalogue/payment-methods.ts';
import { startFormFor } from '../../../core/catalogue/start-form-for.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { CatalogueSearchQuery, CatalogueSearchResult, ServiceIdParams } from '../../schemas/catalogue.ts';
import { problemResponses } from '../../schemas/common.ts';

/** The catalogue for anyone: the search (SVC-2, SVC-4) and a service's start form, so that any portal front end renders it with form-js (issue 15). */
export default async function serviceRoutes(app: FastifyInstance, { catalogue, searchCatalogue }: RouteDeps): Promise<void> {
  app.get('/services', {
    schema: {
      tags: ['catalogue'],
      summary: 'Find services by everyday words, synonyms or typos in German, French, Italian or English; with a municipality, whether and how it offers each',
      querystring: CatalogueSearchQuery,
      response: { 200: CatalogueSearchResult, ...problemResponses(400) },
    },
  }, async (request) => {
    const { q, municipality, language } = request.query as Static<typeof CatalogueSearchQuery>;
    return searchCatalogue({ words: q, language: language ?? 'de', municipalityId: municipality });
  });

  app.get('/services/:id/form', {
    schema: {
      tags: ['catalogue'],
      summary: 'The form a citizen fills in to order the service (a form-js schema from the service\'s package)',
      description: 'With municipality, the form as that municipality shows it: its payment choice offers only the methods open there, and none where the service is free there.',
      params: ServiceIdParams,
      querystring: Type.Object({ municipality: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ id: Type.String(), type: Type.String(), components: Type.Array(Type.Unknown()) }, { additionalProperties: true }), ...problemResponses(400, 404) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const { municipality: municipalityId } = request.query as { municipality?: string };
    const form = await catalogue.startForm(id);
    if (!form) throw caseErrors.startFormNotFound(id);
    if (municipalityId === undefined) return form;
    const municipality = await catalogue.findMunicipality(municipalityId);
    if (!municipality) throw catalogueErrors.searchMunicipalityUnknown();
    const offering = await catalogue.findOffering(municipality.id, id);
    // Where the service is not offered, the application says so; the form stays the package's.
    return offering ? startFormFor(form, offeredPaymentMethods(municipality, offering)) : form;
  });
}
