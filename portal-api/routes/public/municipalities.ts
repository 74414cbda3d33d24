import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { MunicipalityIdParams, ServicesOfMunicipality } from '../../schemas/catalogue.ts';
import { problemResponses } from '../../schemas/common.ts';
import { offersOf } from '../../../core/catalogue/municipal-offers.ts';
import { caseErrors } from '../../../core/errors/case-errors.ts';

/** SVC-4: before filling in a form the citizen sees whether the municipality offers the service. */
export default async function municipalityRoutes(app: FastifyInstance, { catalogue }: RouteDeps): Promise<void> {
  app.get('/municipalities/:id/services', {
    schema: {
      tags: ['catalogue'],
      summary: 'Services a municipality offers on the portal',
      params: MunicipalityIdParams,
      response: { 200: ServicesOfMunicipality, ...problemResponses(404) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const municipality = await catalogue.findMunicipality(id);
    if (!municipality) {
      throw caseErrors.municipalityNotFound('/params/id');
    }
    const offers = await offersOf(catalogue, municipality);
    return {
      municipality: { id: municipality.id, name: municipality.name, participates: municipality.participates },
      services: offers.map(({ offering: o, paymentMethods }) => ({
        id: o.serviceId, name: o.names, feeRappen: o.feeRappen, expectedProcessingDays: o.expectedProcessingDays, audience: o.audience,
        description: o.descriptions, documents: o.documents.map((d) => ({ kind: d.kind, name: d.names })), paymentMethods,
      })),
    };
  });
}
