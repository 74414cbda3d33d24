import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BACK_OFFICE_VENDORS } from '../../../../connectors/back-office/vendors.ts';
import type { Administrator, MunicipalConfiguration, MunicipalityChange, OfferingChange } from '../../../../core/catalogue/municipal-configuration.ts';
import type { RouteDeps } from '../../../app-deps.ts';
import { staffSessionSecurity } from '../../../plugins/staff-auth.ts';
import {
  ChangesQuery, ConfigurationChanges, MunicipalConfigurationSchema, MunicipalityChangeBody, OfferingChangeBody, OfferingParams,
} from '../../../schemas/administration.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { MunicipalityParams } from '../../../schemas/finance.ts';

const VENDORS = Object.values(BACK_OFFICE_VENDORS).map((vendor) => ({ id: vendor.name, name: vendor.displayName }));

/** The configuration as answered: with the vendors an administrator may choose from. */
const answer = ({ backOfficeVendor, ...configuration }: MunicipalConfiguration) => ({ ...configuration, backOffice: { vendor: backOfficeVendor, vendors: VENDORS } });

const administratorOf = (request: FastifyRequest): Administrator => ({ id: request.staff.id, name: request.staff.name });
const municipalityOf = (request: FastifyRequest) => (request.params as { municipalityId: string }).municipalityId;

/**
 * ADM-3, SVC-3, PAY-3: the municipality's administrator configures which services it offers and
 * how, its invoice creditor and its back office's vendor; every change is recorded. Role and
 * municipality are checked for the whole folder (autohooks.ts).
 */
export default async function municipalConfigurationRoutes(app: FastifyInstance, { municipalConfiguration }: RouteDeps): Promise<void> {
  if (!municipalConfiguration) return;
  app.get('/administration/municipalities/:municipalityId/configuration', {
    schema: {
      tags: ['administration'],
      summary: 'The municipality\'s configuration: every registered service, offered or not, with fee, account, booking text, invoices, group, settings and homepage link; payment set-up; back-office vendor',
      security: staffSessionSecurity,
      params: MunicipalityParams,
      response: { 200: MunicipalConfigurationSchema, ...problemResponses(401, 403, 404) },
    },
  }, async (request) => answer(await municipalConfiguration.read(municipalityOf(request))));

  app.put('/administration/municipalities/:municipalityId/offerings/:serviceId', {
    schema: {
      tags: ['administration'],
      summary: 'Offer a service with its fee, account, booking text, invoices, group and settings, change them, or withdraw it (offered: false); recorded with before and after',
      security: staffSessionSecurity,
      params: OfferingParams,
      body: OfferingChangeBody,
      response: { 200: MunicipalConfigurationSchema, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { serviceId } = request.params as { serviceId: string };
    return answer(await municipalConfiguration.setOffering(municipalityOf(request), serviceId, request.body as OfferingChange, administratorOf(request)));
  });

  app.patch('/administration/municipalities/:municipalityId', {
    schema: {
      tags: ['administration'],
      summary: 'Change the municipality\'s invoice creditor (QR-IBAN or IBAN, structured address; null: none) and/or its back office\'s vendor; recorded with before and after',
      security: staffSessionSecurity,
      params: MunicipalityParams,
      body: MunicipalityChangeBody,
      response: { 200: MunicipalConfigurationSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => answer(await municipalConfiguration.changeMunicipality(municipalityOf(request), request.body as MunicipalityChange, administratorOf(request))));

  app.get('/administration/municipalities/:municipalityId/changes', {
    schema: {
      tags: ['administration'],
      summary: 'The changes of the municipality\'s configuration, newest first: who, when, what, before and after',
      security: staffSessionSecurity,
      params: MunicipalityParams,
      querystring: ChangesQuery,
      response: { 200: ConfigurationChanges, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { limit = 50 } = request.query as { limit?: number };
    const changes = await municipalConfiguration.history(municipalityOf(request), limit);
    return { changes: changes.map(({ municipalityId: _municipalityId, changedAt, ...change }) => ({ ...change, changedAt: changedAt.toISOString() })) };
  });
}
