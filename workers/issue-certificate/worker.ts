import { Type } from '@sinclair/typebox';
import { renderResidenceCertificatePdf } from '../../connectors/documents/certificate-pdf.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import { caseInputs } from '../runtime/case-inputs.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { zurichIsoDate } from '../../connectors/swiss-time.ts';

const Input = Type.Object({
  ...caseInputs,
  language: Type.Union([Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')], {
    title: 'Sprache', description: "'de', 'fr', 'it' oder 'en'.",
  }),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String(), dateOfBirth: Type.String() }, {
    title: 'Antragsteller/in', description: 'Kontext mit firstName, lastName und dateOfBirth.',
  }),
  resident: Type.Object({
    residenceType: Type.Union([Type.Literal('main'), Type.Literal('secondary')]),
    since: Type.String(),
    address: Type.Object({
      street: Type.String(), houseNumber: Type.Union([Type.String(), Type.Null()]), postalCode: Type.String(), town: Type.String(),
    }),
  }, { title: 'Einwohner/in', description: 'Aus «Person im Einwohnerregister suchen»: residenceType, since, address.' }),
});

export const issueCertificateTemplate = defineTemplate({
  jobType: 'issue-certificate',
  version: 1,
  category: 'case',
  name: 'Bescheinigung ausstellen',
  description: 'Stellt die Wohnsitzbescheinigung als PDF in der Sprache der Bestellung aus und legt sie unter «Meine Dokumente» ab.',
  input: Input,
  outputs: { documentId: { label: 'Dokument', description: 'Die Id der abgelegten Bescheinigung.' } },
});

/** Issues the certificate as a PDF in the chosen language (SVC-7) and files it in the citizen's documents. */
export function createIssueCertificateWorker(deps: { catalogue: CatalogueRepository; documents: DocumentsRepository; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return defineJobWorker({
    type: issueCertificateTemplate.jobType,
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables }) {
      const municipality = await deps.catalogue.findMunicipality(variables.municipalityId);
      if (!municipality) throw new NonRetryableError(`unknown municipality ${variables.municipalityId}`);
      const certificateNumber = `WB-${municipality.bfsNumber}-${variables.caseId.slice(0, 8).toUpperCase()}`;
      const pdf = await renderResidenceCertificatePdf({
        language: variables.language,
        certificateNumber,
        issuedOn: zurichIsoDate(now()),
        municipality: { name: municipality.name },
        person: variables.applicant,
        residence: variables.resident,
      });
      const documentId = await deps.documents.file({
        caseId: variables.caseId,
        kind: 'residence-certificate',
        fileName: `${certificateNumber}.pdf`,
        mediaType: 'application/pdf',
        content: pdf,
      });
      return complete({ documentId });
    },
  });
}
