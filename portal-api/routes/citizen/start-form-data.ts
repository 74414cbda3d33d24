import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { StartFormDataRequest } from '../../../core/cases/start-form-data.ts';
import { LanguageSchema } from '../../../core/language.ts';
import type { RouteDeps } from '../../app-deps.ts';
import { bearerSecurity } from '../../plugins/citizen-auth.ts';
import { ServiceIdParams } from '../../schemas/catalogue.ts';
import { problemResponses } from '../../schemas/common.ts';

/** What a portal front end opens a service's start form with: pre-filled, and with the options only the back office knows (INT-4). */
export default async function startFormDataRoutes(app: FastifyInstance, { loadStartFormData }: RouteDeps): Promise<void> {
  app.post('/services/:id/form-data', {
    schema: {
      tags: ['catalogue'],
      summary: 'The data to open the service\'s start form with (form-js importSchema(schema, data)): pre-filled from the account, with options read from the back office',
      description: 'Fields the package pre-fills come from the account; a field the form shows read-only is always the account\'s own. '
        + 'Options a field offers by valuesKey (e.g. openItems: the person\'s unpaid bills) are read for the person the form names; '
        + 'send what the citizen filled in so far as data (e.g. the date of birth). Nothing is stored.',
      security: bearerSecurity,
      params: ServiceIdParams,
      body: Type.Object({
        municipalityId: Type.String({ minLength: 1, maxLength: 100 }),
        language: LanguageSchema,
        data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Record(Type.String(), Type.Unknown()) }), ...problemResponses(400, 401, 404, 422, 503) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    return { data: await loadStartFormData(request.citizen.accountId, id, request.body as StartFormDataRequest) };
  });
}
