import { Type } from '@sinclair/typebox';
import { isKnownTemplate, messageTemplateNames, renderMessage, visitTemplate } from '../../core/cases/message-texts.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({
  caseId: Type.String({ title: 'Vorgang', description: 'Der Vorgang, zu dem die Nachricht erscheint.' }),
  rejectionReason: Type.Optional(Type.String()),
  /** The template's own parameters, mapped in the diagram (e.g. the clerk's question). */
  messageParams: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }), {
    title: 'Platzhalter der Nachricht',
    description: 'Kontext mit den Platzhaltern der Nachricht, z. B. ={question: informationRequest}; leer, wenn die Nachricht keine hat.',
  })),
});

const firstLine = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

// Placeholders stay visible in the choices' texts: «{question}», not an empty «».
const placeholders = new Proxy<Record<string, string>>({}, { get: (_target, key) => `{${String(key)}}` });

/** The `template` header's choices: the known messages, each shown with its German text. */
const messageChoices = messageTemplateNames().map((value) => ({
  value,
  name: `${value}: ${firstLine(renderMessage(value, placeholders, 'de'))}`,
}));

// Version 2: the messages of the contact-data change (ADM-4) joined the dropdown; version 3: the instalment plan's.
export const notifyCitizenTemplate = defineTemplate({
  jobType: 'notify-citizen',
  version: 3,
  category: 'case',
  name: 'Bürger/in benachrichtigen',
  description: 'Schreibt der Bürgerin oder dem Bürger eine Nachricht zum Vorgang, einmal je Besuch der Aufgabe.',
  input: Input,
  headers: [{ key: 'template', label: 'Nachricht', description: 'Welche Nachricht die Bürgerin oder der Bürger erhält.', choices: messageChoices }],
});

/**
 * Posts a message to the case (CASE-3); the diagram chooses the text with the task header
 * `template`. The message is kept once per visit of the task: a retried job does not post twice,
 * a loop that comes back (a second question) posts again. The citizen is told by e-mail
 * separately (core/cases/case-notices.ts).
 */
export function createNotifyCitizenWorker(deps: { caseRecords: CaseRecordsRepository }) {
  return defineJobWorker({
    type: notifyCitizenTemplate.jobType,
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
