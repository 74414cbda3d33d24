import { Type } from '@sinclair/typebox';
import { BackOfficeError } from '../connectors/back-office/errors.ts';
import type { BackOfficeRegistry } from '../connectors/back-office/registry.ts';
import { UnknownBackOfficeError } from '../connectors/back-office/registry.ts';
import type { CatalogueRepository } from '../portal-api/db/catalogue-repository.ts';
import { NonRetryableError, bpmnError, complete, defineJobWorker } from './job-worker.ts';
import { assessResidence } from './residence-assessment.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String(), dateOfBirth: Type.String() }),
});

/** Looks the applicant up in the municipality's back office and assesses the residence. */
export function createFindResidentWorker(deps: { catalogue: CatalogueRepository; backOffices: BackOfficeRegistry }) {
  return defineJobWorker({
    type: 'find-resident',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables, signal }) {
      const municipality = await deps.catalogue.findMunicipality(variables.municipalityId);
      if (!municipality) throw new NonRetryableError(`unknown municipality ${variables.municipalityId}`);
      let port;
      try {
        port = deps.backOffices.forEndpoint(municipality.backOffice);
      } catch (error) {
        if (error instanceof UnknownBackOfficeError) throw new NonRetryableError(error.message);
        throw error;
      }
      const context = { municipalityBfs: municipality.bfsNumber, correlationId: variables.caseId, signal };
      try {
        const match = await port.findResident(variables.applicant, context);
        if (!match) return bpmnError('PERSON_NOT_FOUND', 'no unambiguous match in the residents register');
        const residence = await port.getResidence(match.residentId, context);
        const residenceAssessment = assessResidence(residence, municipality.bfsNumber);
        return complete({
          residenceAssessment,
          resident: residence && {
            residentId: match.residentId,
            residenceType: residence.residenceType,
            since: residence.since,
            blocked: residence.blocked,
            address: residence.address,
          },
        });
      } catch (error) {
        if (error instanceof BackOfficeError && !error.retryable) throw new NonRetryableError(error.message, { cause: error });
        throw error;
      }
    },
  });
}
