import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { caseErrors } from '../../../core/errors/case-errors.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { ServiceIdParams } from '../../schemas/catalogue.ts';
import { problemResponses } from '../../schemas/common.ts';

/** A service's start form, so that any portal front end renders it with form-js (issue 15). */
export default async function serviceRoutes(app: FastifyInstance, { catalogue }: RouteDeps): Promise<void> {
  app.get('/services/:id/form', {
    schema: {
      tags: ['catalogue'],
      summary: 'The form a citizen fills in to order the service (a form-js schema from the service\'s package)',
      params: ServiceIdParams,
      response: { 200: Type.Object({ id: Type.String(), type: Type.String(), components: Type.Array(Type.Unknown()) }, { additionalProperties: true }), ...problemResponses(404) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const form = await catalogue.startForm(id);
    if (!form) throw caseErrors.startFormNotFound(id);
    return form;
  });
}
