import { Type } from '@sinclair/typebox';
import { bpmnError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps } from '../back-office/back-office-call.ts';
import { platformReference } from '../back-office/platform-reference.ts';

const OptionalContact = (schema: ReturnType<typeof Type.String>) => Type.Optional(Type.Union([schema, Type.Null()]));

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  residentId: Type.String({ minLength: 1 }),
  /** Left out: stays; null: removed (ADM-4). */
  changes: Type.Object({
    phone: OptionalContact(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
    email: OptionalContact(Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' })),
  }, { additionalProperties: false, minProperties: 1 }),
});

/** Writes an approved change of contact data into the register, once per case and task (ADM-4). */
export function createChangeContactDataWorker(deps: BackOfficeCallDeps) {
  return defineJobWorker({
    type: 'back-office-change-contact-data',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v, elementId, signal }) {
      return callBackOffice(deps, { municipalityId: v.municipalityId, target: 'municipality', correlationId: v.caseId, signal }, async (port, context) => {
        const receipt = await port.changeContactData({ reference: platformReference(v.caseId, elementId), residentId: v.residentId, ...v.changes }, context);
        return receipt ? complete({ contactDataChange: receipt }) : bpmnError('RESIDENT_NOT_FOUND', 'the register does not know the resident');
      });
    },
  });
}
