import { Type } from '@sinclair/typebox';
import { renderResidenceCertificatePdf } from '../../connectors/documents/certificate-pdf.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({
  caseId: Type.String(),
  municipalityId: Type.String(),
  language: Type.Union([Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')]),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String(), dateOfBirth: Type.String() }),
  resident: Type.Object({
    residenceType: Type.Union([Type.Literal('main'), Type.Literal('secondary')]),
    since: Type.String(),
    address: Type.Object({
      street: Type.String(), houseNumber: Type.Union([Type.String(), Type.Null()]), postalCode: Type.String(), town: Type.String(),
    }),
  }),
});

/** Today in Switzerland, whatever the server's time zone. */
const swissToday = (now: Date): string => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Zurich' });

/** Issues the certificate as a PDF in the chosen language (SVC-7) and files it in the citizen's documents. */
export function createIssueCertificateWorker(deps: { catalogue: CatalogueRepository; documents: DocumentsRepository; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return defineJobWorker({
    type: 'issue-certificate',
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables }) {
      const municipality = await deps.catalogue.findMunicipality(variables.municipalityId);
      if (!municipality) throw new NonRetryableError(`unknown municipality ${variables.municipalityId}`);
      const certificateNumber = `WB-${municipality.bfsNumber}-${variables.caseId.slice(0, 8).toUpperCase()}`;
      const pdf = await renderResidenceCertificatePdf({
        language: variables.language,
        certificateNumber,
        issuedOn: swissToday(now()),
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
