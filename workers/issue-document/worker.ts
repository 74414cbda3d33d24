import { Type } from '@sinclair/typebox';
import { renderDocumentPdf } from '../../connectors/documents/document-pdf.ts';
import { zurichIsoDate } from '../../connectors/swiss-time.ts';
import type { FindDocumentTemplate } from '../../core/catalogue/package-templates.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import { composeDocument, DocumentTemplateError } from '../../core/documents/compose-document.ts';
import { caseInputs } from '../runtime/case-inputs.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({
  ...caseInputs,
  municipalityId: Type.String({ title: 'Gemeinde', description: 'Deren Briefkopf das Dokument trägt; aus dem Katalog.' }),
  serviceId: Type.String({ title: 'Dienst', description: 'Aus dessen Paket in processes/ die Vorlage stammt.' }),
  language: Type.Union([Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')], {
    title: 'Sprache', description: "Sprache des Dokuments: 'de', 'fr', 'it' oder 'en'.",
  }),
});

export const issueDocumentTemplate = defineTemplate({
  jobType: 'issue-document',
  version: 1,
  category: 'case',
  name: 'Dokument ausstellen',
  description: 'Erstellt ein Dokument aus der Vorlage im Paket des Dienstes als PDF, in der Sprache der Bestellung und mit dem Briefkopf der Gemeinde, und legt es unter «Meine Dokumente» ab. Die Platzhalter der Vorlage lesen die Prozessvariablen.',
  input: Input,
  headers: [{
    key: 'documentKind',
    label: 'Dokumentart',
    description: 'Die Art des Dokuments, wie sie das Manifest unter documents nennt, z. B. residence-certificate; seine Vorlage ist die gleichnamige .yaml-Datei im Ordner templates des Pakets.',
  }],
  outputs: { documentId: { label: 'Dokument', description: 'Die Id des abgelegten Dokuments.' } },
});

/** Characters a file name keeps of the document's number; the rest becomes '-'. */
const fileNameOf = (number: string): string => `${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;

/**
 * Issues a document of the running service (CASE-4): the template the task's `documentKind` header
 * names, from the service's package, filled in the case's language (SVC-7) and filed in the
 * citizen's documents, once per case and kind. A task without the header issues the service's only
 * document. A template that cannot be filled for the case raises an incident naming its file and field.
 */
export function createIssueDocumentWorker(deps: {
  catalogue: CatalogueRepository; documents: DocumentsRepository; documentTemplates: FindDocumentTemplate; now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return defineJobWorker({
    type: issueDocumentTemplate.jobType,
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables, customHeaders }) {
      const kind = customHeaders.documentKind;
      const found = await deps.documentTemplates(variables.serviceId, kind);
      if (!found) {
        throw new NonRetryableError(kind === undefined
          ? `the task names no documentKind, and ${variables.serviceId} does not issue exactly one document`
          : `the package of ${variables.serviceId} has no template for the document ${kind}`);
      }
      const municipality = await deps.catalogue.findMunicipality(variables.municipalityId);
      if (!municipality) throw new NonRetryableError(`unknown municipality ${variables.municipalityId}`);
      let pdf: Buffer;
      let number: string;
      try {
        const document = composeDocument(found.template, { language: variables.language, variables, municipality, issuedOn: zurichIsoDate(now()) });
        number = document.number.value;
        pdf = await renderDocumentPdf(document);
      } catch (error) {
        if (error instanceof DocumentTemplateError) throw new NonRetryableError(`${found.file}: ${error.pointer}: ${error.message}`);
        if (error instanceof RangeError) throw new NonRetryableError(`${found.file}: ${error.message}`);
        throw error;
      }
      const documentId = await deps.documents.file({
        caseId: variables.caseId, kind: found.kind, fileName: fileNameOf(number), mediaType: 'application/pdf', content: pdf,
      });
      return complete({ documentId });
    },
  });
}
