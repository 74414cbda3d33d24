import { Type } from '@sinclair/typebox';
import { isKnownTemplate } from '../portal-api/cases/message-texts.ts';
import type { CaseRecordsRepository } from '../portal-api/db/case-records-repository.ts';
import { NonRetryableError, complete, defineJobWorker } from './job-worker.ts';

const Input = Type.Object({
  caseId: Type.String(),
  rejectionReason: Type.Optional(Type.String()),
});

/**
 * Posts a message to the case (CASE-3); the diagram chooses the text with the task header
 * `template`. E-mail notification comes with the accounts issue.
 */
export function createNotifyCitizenWorker(deps: { caseRecords: CaseRecordsRepository }) {
  return defineJobWorker({
    type: 'notify-citizen',
    input: Input,
    timeoutMs: 30_000,
    async handle({ variables, customHeaders }) {
      const template = customHeaders.template;
      if (!template || !isKnownTemplate(template)) throw new NonRetryableError(`unknown message template "${template ?? ''}"`);
      const params: Record<string, string> = variables.rejectionReason ? { reason: variables.rejectionReason } : {};
      await deps.caseRecords.postMessage(variables.caseId, template, params);
      return complete({});
    },
  });
}
