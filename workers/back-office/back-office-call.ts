import { isBackOfficeError } from '../../connectors/back-office/errors.ts';
import type { BackOfficeCallContext, BackOfficePort } from '../../connectors/back-office/port.ts';
import { UnknownBackOfficeError, type BackOfficeRegistry } from '../../connectors/back-office/registry.ts';
import type { CatalogueRepository, InstitutionKind } from '../../core/db/catalogue-repository.ts';
import { NonRetryableError } from '../runtime/job-worker.ts';

/** Whose back office a call goes to: the municipality's own, or the institution that serves it. */
export type BackOfficeTarget = 'municipality' | InstitutionKind;

export type BackOfficeCallDeps = { readonly catalogue: CatalogueRepository; readonly backOffices: BackOfficeRegistry };

/**
 * Runs `call` against the back office that serves the municipality for `target`. Configuration
 * gaps and faults that retrying cannot fix become NonRetryableError (an incident at once);
 * outages stay retryable, so the job is retried with back-off and then raises an incident.
 */
export async function callBackOffice<T>(
  deps: BackOfficeCallDeps,
  request: { readonly municipalityId: string; readonly target: BackOfficeTarget; readonly correlationId: string; readonly signal: AbortSignal },
  call: (port: BackOfficePort, context: BackOfficeCallContext) => Promise<T>,
): Promise<T> {
  const municipality = await deps.catalogue.findMunicipality(request.municipalityId);
  if (!municipality) throw new NonRetryableError(`unknown municipality ${request.municipalityId}`);
  let endpoint = municipality.backOffice;
  if (request.target !== 'municipality') {
    const institution = await deps.catalogue.findInstitutionFor(municipality.id, request.target);
    if (!institution) throw new NonRetryableError(`no ${request.target} configured for ${municipality.id}`);
    endpoint = institution.backOffice;
  }
  let port: BackOfficePort;
  try {
    port = deps.backOffices.forEndpoint(endpoint);
  } catch (error) {
    if (error instanceof UnknownBackOfficeError) throw new NonRetryableError(error.message);
    throw error;
  }
  try {
    return await call(port, { municipalityBfs: municipality.bfsNumber, correlationId: request.correlationId, signal: request.signal });
  } catch (error) {
    if (isBackOfficeError(error) && !error.retryable) {
      throw new NonRetryableError(`${error.name}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
