import { Type } from '@sinclair/typebox';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { LANGUAGES } from '../../core/language.ts';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({
  caseId: Type.String(),
  serviceId: Type.String(),
  municipalityId: Type.String(),
  language: Type.String(),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String(), dateOfBirth: Type.String() }),
});

const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES);

/** Checks the order against today's configuration: the API checked it at submission, but offerings change. */
export function createValidateOrderWorker(deps: { catalogue: CatalogueRepository; caseRecords: CaseRecordsRepository }) {
  return defineJobWorker({
    type: 'validate-order',
    input: Input,
    timeoutMs: 30_000,
    async handle({ variables }) {
      const invalid = (reason: string) => bpmnError('ORDER_INVALID', reason);
      if (!SUPPORTED_LANGUAGES.has(variables.language)) return invalid('unsupported language');
      if (!(await deps.caseRecords.caseExists(variables.caseId))) return invalid('unknown case');
      const offering = await deps.catalogue.findOffering(variables.municipalityId, variables.serviceId);
      if (!offering) return invalid('service not offered by the municipality');
      return complete({ orderValid: true });
    },
  });
}
