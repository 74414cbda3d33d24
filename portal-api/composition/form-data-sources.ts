// The sources of start-form options the API reads at intake: the municipalities' back offices.
import { createVendorRegistry } from '../../connectors/back-office/vendors.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { createOpenItemsSource, type FormDataSources } from '../../core/forms/form-data-sources.ts';
import type { Parts } from '../../core/platform-parts.ts';

export function composeFormDataSources({ config, logger }: Parts, catalogue: CatalogueRepository): FormDataSources {
  const backOffices = createVendorRegistry({
    timeoutMs: config.BACK_OFFICE_TIMEOUT_MS,
    breaker: { failuresToOpen: config.BACK_OFFICE_BREAKER_FAILURES, openForMs: config.BACK_OFFICE_BREAKER_OPEN_MS },
    logger,
  });
  return {
    'open-items': createOpenItemsSource(async (municipalityId) => {
      const municipality = await catalogue.findMunicipality(municipalityId);
      return municipality ? { port: backOffices.forEndpoint(municipality.backOffice), bfsNumber: municipality.bfsNumber } : undefined;
    }, config.BACK_OFFICE_TIMEOUT_MS),
  };
}
