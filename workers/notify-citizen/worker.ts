import { Type } from '@sinclair/typebox';
import { isKnownTemplate, visitTemplate } from '../../core/cases/message-texts.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({
  caseId: Type.String(),
  rejectionReason: Type.Optional(Type.String()),
  /** The template's own parameters, mapped in the diagram (e.g. the clerk's question). */
  messageParams: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }))),
});

/**
 * Posts a message to the case (CASE-3); the diagram chooses the text with the task header
 * `template`. The message is kept once per visit of the task: a retried job does not post twice,
 * a loop that comes back (a second question) posts again. The citizen is told by e-mail
 * separately (core/cases/case-notices.ts).
 */
export function createNotifyCitizenWorker(deps: { caseRecords: CaseRecordsRepository }) {
  return defineJobWorker({
    type: 'notify-citizen',
    input: Input,
    timeoutMs: 30_000,
    async handle({ variables, customHeaders, elementInstanceKey }) {
      const template = customHeaders.template;
      if (!template || !isKnownTemplate(template)) throw new NonRetryableError(`unknown message template "${template ?? ''}"`);
      const params: Record<string, string> = { ...variables.messageParams };
      if (variables.rejectionReason) params.reason = variables.rejectionReason;
      await deps.caseRecords.postMessage(variables.caseId, visitTemplate(template, elementInstanceKey), params);
      return complete({});
    },
  });
}
