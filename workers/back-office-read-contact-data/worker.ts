import { Type } from '@sinclair/typebox';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';

const Input = Type.Object({ caseId: Type.String(), municipalityId: Type.String(), residentId: Type.String({ minLength: 1 }) });

/**
 * Reads the phone number and e-mail address the register keeps (ADM-4), so that the clerk's
 * review compares them with the requested ones: the tasklist cannot read process variables (8.6).
 */
export function createReadContactDataWorker(deps: BackOfficeCallDeps & { caseRecords: Pick<CaseRecordsRepository, 'noteRegisterContact'> }) {
  return defineJobWorker({
    type: 'back-office-read-contact-data',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const contact = await port.getContactData(v.residentId, context);
        if (!contact) return bpmnError('RESIDENT_NOT_FOUND', 'the register does not know the resident');
        await deps.caseRecords.noteRegisterContact(v.caseId, contact);
        return complete({ registerContact: contact });
      });
    },
  });
}
