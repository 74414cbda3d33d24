import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { ProblemError } from '../../core/errors/problem-error.ts';
import { problemResponses } from '../schemas/common.ts';

const ServicesOfMunicipality = Type.Object({
  municipality: Type.Object({ id: Type.String(), name: Type.String(), participates: Type.Boolean() }),
  services: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.Ref('LocalisedText'),
    feeRappen: Type.Integer({ description: 'Fee in Rappen (CHF 1 = 100)' }),
    expectedProcessingDays: Type.Integer(),
    audience: Type.Union([Type.Literal('personal'), Type.Literal('organisation'), Type.Literal('both')], {
      description: 'Who may apply (ORG-5): a person for themselves, on behalf of an organisation they are a member of, or both',
    }),
  })),
});

/** SVC-4: before filling in a form the citizen sees whether the municipality offers the service. */
export function municipalityRoutes(catalogue: CatalogueRepository) {
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/municipalities/:id/services', {
      schema: {
        tags: ['catalogue'],
        summary: 'Services a municipality offers on the portal',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: ServicesOfMunicipality, ...problemResponses(404) },
      },
    }, async (request) => {
      const { id } = request.params as { id: string };
      const municipality = await catalogue.findMunicipality(id);
      if (!municipality) {
        throw new ProblemError(404, 'municipality-not-found', 'Gemeinde nicht gefunden', undefined, [{ pointer: '/params/id', detail: 'is not a known municipality' }]);
      }
      const offerings = municipality.participates ? await catalogue.listOfferings(id) : [];
      return {
        municipality: { id: municipality.id, name: municipality.name, participates: municipality.participates },
        services: offerings.map((o) => ({ id: o.serviceId, name: o.names, feeRappen: o.feeRappen, expectedProcessingDays: o.expectedProcessingDays, audience: o.audience })),
      };
    });
  };
}
