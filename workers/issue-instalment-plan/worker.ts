import { Type } from '@sinclair/typebox';
import { renderDocumentPdf } from '../../connectors/documents/document-pdf.ts';
import { instalmentBillPages } from '../../connectors/documents/instalment-bills.ts';
import { qrCreditor, swissAddress } from '../../connectors/documents/qr-bill.ts';
import { referenceForInvoice } from '../../connectors/payment/payment-reference.ts';
import { zurichIsoDate } from '../../connectors/swiss-time.ts';
import type { FindDocumentTemplate } from '../../core/catalogue/package-templates.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import type { Instalment, InstalmentsRepository } from '../../core/db/instalments-repository.ts';
import type { PaymentsRepository } from '../../core/db/payments-repository.ts';
import { composeDocument, DocumentTemplateError } from '../../core/documents/compose-document.ts';
import { caseInputs } from '../runtime/case-inputs.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Rappen = Type.Integer({ minimum: 1 });

const Input = Type.Object({
  ...caseInputs,
  serviceId: Type.String({ title: 'Dienst', description: 'Aus dessen Paket die Vorlage des Ratenplans (templates/instalment-plan.yaml) stammt.' }),
  language: Type.Union([Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')], {
    title: 'Sprache', description: "Sprache des Ratenplans: 'de', 'fr', 'it' oder 'en'.",
  }),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String() }, {
    title: 'Antragsteller/in', description: 'Kontext mit firstName und lastName: wer die Raten bezahlt.',
  }),
  openItems: Type.Array(Type.Object({ itemId: Type.String(), description: Type.String({ minLength: 1 }), amountRappen: Rappen, dueDate: IsoDate }), {
    minItems: 1, maxItems: 50, title: 'Offene Posten', description: 'Die Posten, die der Plan umfasst: itemId, description, amountRappen, dueDate.',
  }),
  instalmentPlan: Type.Object({
    planId: Type.String({ minLength: 1 }),
    totalRappen: Rappen,
    schedule: Type.Array(Type.Object({ dueDate: IsoDate, amountRappen: Rappen }), { minItems: 1, maxItems: 12 }),
  }, { title: 'Ratenplan', description: 'Aus «Ratenplan beantragen»: planId, totalRappen und die Raten (dueDate, amountRappen).' }),
  resident: Type.Optional(Type.Union([
    Type.Object({
      address: Type.Object({ street: Type.String(), houseNumber: Type.Union([Type.String(), Type.Null()]), postalCode: Type.String(), town: Type.String() }),
    }),
    Type.Null(),
  ], { title: 'Einwohner/in', description: 'Aus «Person im Einwohnerregister suchen»; ihre address steht auf dem Plan und den Einzahlungsscheinen. Leer: ohne Adresse.' })),
});

export const issueInstalmentPlanTemplate = defineTemplate({
  jobType: 'issue-instalment-plan',
  version: 1,
  category: 'payment',
  name: 'Ratenplan ausstellen',
  description: 'Gibt jeder Rate eine QR-Referenz auf das Konto der Gemeinde, speichert die Raten und legt den Ratenplan aus der Vorlage instalment-plan im Paket des Dienstes, mit einem QR-Einzahlungsschein je Rate, unter «Meine Dokumente» ab.',
  input: Input,
  outputs: {
    instalmentSchedule: { label: 'Raten', description: 'Liste mit id, number, dueDate, amountRappen und reference; eine Zahlung sendet instalment-paid mit der id der Rate.' },
    planDocumentId: { label: 'Dokument', description: 'Die Id des abgelegten Ratenplans.' },
  },
});
type Variables = (typeof Input)['static'];

export interface IssueInstalmentPlanDeps {
  catalogue: CatalogueRepository;
  /** The invoices' number sequence: an instalment's reference is unique among invoices and instalments. */
  payments: Pick<PaymentsRepository, 'nextInvoiceNumber'>;
  instalments: InstalmentsRepository;
  documents: DocumentsRepository;
  /** The service packages' document templates: the plan's text is its package's template of the kind instalment-plan. */
  documentTemplates: FindDocumentTemplate;
  now?: () => Date;
}

/** The document kind of the plan, as the package's manifest names it. */
const DOCUMENT_KIND = 'instalment-plan';

/**
 * Issues the agreed instalment plan (issue 15): each instalment gets a QR reference to the
 * municipality's account and is stored, once whatever the retries; the plan, its text from the
 * service package's template and a page with a QR-bill per instalment, is filed in the citizen's
 * documents in the case's language.
 */
export function createIssueInstalmentPlanWorker(deps: IssueInstalmentPlanDeps) {
  const now = deps.now ?? (() => new Date());

  async function storedInstalments(v: Variables, iban: string): Promise<Instalment[]> {
    const existing = await deps.instalments.ofCase(v.caseId);
    if (existing.length > 0) return existing;
    const instalments = [];
    for (const [index, { dueDate, amountRappen }] of v.instalmentPlan.schedule.entries()) {
      const reference = referenceForInvoice({ iban, sequence: await deps.payments.nextInvoiceNumber() });
      instalments.push({ number: index + 1, dueOn: dueDate, amountRappen, reference: reference.value, referenceType: reference.type, creditorIban: iban });
    }
    return deps.instalments.record({ caseId: v.caseId, municipalityId: v.municipalityId, planId: v.instalmentPlan.planId }, instalments);
  }

  return defineJobWorker({
    type: issueInstalmentPlanTemplate.jobType,
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v }) {
      const municipality = await deps.catalogue.findMunicipality(v.municipalityId);
      if (!municipality) throw new NonRetryableError(`unknown municipality ${v.municipalityId}`);
      const creditor = municipality.creditor;
      if (!creditor) throw new NonRetryableError(`${municipality.id} has no creditor account for QR-bills`);
      const template = await deps.documentTemplates(v.serviceId, DOCUMENT_KIND);
      if (!template) throw new NonRetryableError(`the package of ${v.serviceId} has no template for the document ${DOCUMENT_KIND}`);
      const instalments = await storedInstalments(v, creditor.iban);
      const instalmentSchedule = instalments.map(({ id, number, dueOn, amountRappen, reference }) => ({ id, number, dueDate: dueOn, amountRappen, reference }));
      const address = v.resident?.address;
      let pdf: Buffer;
      try {
        const bills = instalmentBillPages({
          language: v.language,
          creditor: qrCreditor(creditor),
          debtor: { name: `${v.applicant.firstName} ${v.applicant.lastName}`, address: address ? swissAddress(address) : null },
          planId: v.instalmentPlan.planId,
          instalments: instalments.map((instalment) => ({
            number: instalment.number, dueDate: instalment.dueOn, amountRappen: instalment.amountRappen,
            reference: { type: instalment.referenceType, value: instalment.reference },
          })),
        });
        const document = composeDocument(template.template, { language: v.language, variables: { ...v, instalmentSchedule }, municipality, issuedOn: zurichIsoDate(now()) });
        pdf = await renderDocumentPdf(document, bills);
      } catch (error) {
        if (error instanceof DocumentTemplateError) throw new NonRetryableError(`${template.file}: ${error.pointer}: ${error.message}`);
        if (error instanceof RangeError) throw new NonRetryableError(`${template.file}: ${error.message}`);
        throw error;
      }
      const caseNumber = v.caseId.slice(0, 8).toUpperCase();
      const planDocumentId = await deps.documents.file({
        caseId: v.caseId, kind: DOCUMENT_KIND, fileName: `Ratenplan-${caseNumber}.pdf`, mediaType: 'application/pdf', content: pdf,
      });
      return complete({ instalmentSchedule, planDocumentId });
    },
  });
}
