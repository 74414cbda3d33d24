import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { assessResidence } from './residence-assessment.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String(), dateOfBirth: Type.String() }),
});

/** Looks the applicant up in the municipality's back office, whatever its vendor, and assesses the residence. */
export function createFindResidentWorker(deps: BackOfficeCallDeps & { caseRecords: Pick<CaseRecordsRepository, 'noteRegisterExtract'> }) {
  return defineJobWorker({
    type: 'find-resident',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables, signal }) {
      const { applicant } = variables;
      return callBackOffice(
        deps,
        { municipalityId: variables.municipalityId, target: 'municipality', correlationId: variables.caseId, signal },
        async (port, context) => {
          const query = { firstName: applicant.firstName, lastName: applicant.lastName, dateOfBirth: applicant.dateOfBirth };
          const match = await port.findResident(query, context);
          if (!match) return bpmnError('PERSON_NOT_FOUND', 'no unambiguous match in the residents register');
          const residence = await port.getResidence(match.residentId, context);
          // The clerk's review form shows this; the tasklist cannot read process variables (8.6).
          if (residence) {
            await deps.caseRecords.noteRegisterExtract(variables.caseId, { residenceType: residence.residenceType, since: residence.since, blocked: residence.blocked });
          }
          return complete({
            residenceAssessment: assessResidence(residence, context.municipalityBfs),
            resident: residence && {
              residentId: match.residentId,
              residenceType: residence.residenceType,
              since: residence.since,
              blocked: residence.blocked,
              address: residence.address,
            },
          });
        },
      );
    },
  });
}
