import { Type } from '@sinclair/typebox';
import { renderInvoicePdf } from '../../connectors/documents/invoice-pdf.ts';
import { qrCreditor, swissAddress } from '../../connectors/documents/qr-bill.ts';
import { referenceForInvoice } from '../../connectors/payment/payment-reference.ts';
import type { CatalogueRepository, Municipality, ServiceOffering } from '../../core/db/catalogue-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import type { Payment, PaymentsRepository } from '../../core/db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import { caseInputs } from '../runtime/case-inputs.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { NonRetryableError, complete, defineJobWorker } from '../runtime/job-worker.ts';
import { zurichIsoDate } from '../../connectors/swiss-time.ts';

const Input = Type.Object({
  ...caseInputs,
  serviceId: Type.String({ title: 'Dienst', description: 'Der Dienst aus dem Katalog; bestimmt Konto und Buchungstext.' }),
  language: Type.Union([Type.Literal('de'), Type.Literal('fr'), Type.Literal('it'), Type.Literal('en')], {
    title: 'Sprache', description: "Sprache der Rechnung: 'de', 'fr', 'it' oder 'en'.",
  }),
  feeRappen: Type.Integer({ minimum: 1, title: 'Betrag (Rappen)', description: 'Ganzzahl, z. B. 3000 für CHF 30.00.' }),
  paymentMethod: Type.Union([Type.Literal('online'), Type.Literal('invoice')], { title: 'Zahlungsart', description: "'online' oder 'invoice'." }),
  applicant: Type.Object({ firstName: Type.String(), lastName: Type.String() }, {
    title: 'Antragsteller/in', description: 'Kontext mit firstName und lastName (Rechnungsempfänger/in).',
  }),
  resident: Type.Object({
    address: Type.Object({ street: Type.String(), houseNumber: Type.Union([Type.String(), Type.Null()]), postalCode: Type.String(), town: Type.String() }),
  }, { title: 'Einwohner/in', description: 'Aus «Person im Einwohnerregister suchen»; ihre address ist die Rechnungsadresse.' }),
});

export const requestPaymentTemplate = defineTemplate({
  jobType: 'request-payment',
  version: 1,
  category: 'payment',
  name: 'Gebühr einfordern',
  description: 'Fordert die Gebühr ein: Payrexx-Zahlungsseite der Gemeinde oder Rechnung mit QR-Einzahlungsschein. Danach wartet der Prozess auf die Nachricht payment-received.',
  input: Input,
  outputs: { payment: { label: 'Zahlung', description: 'paymentId, method, amountRappen, paymentUrl und invoiceDocumentId.' } },
});
type Variables = (typeof Input)['static'];

export interface RequestPaymentSettings {
  /** Where citizens return after the payment page. */
  publicUrl: string;
  /** Payrexx method identifiers offered on the payment page. */
  methods: readonly string[];
  invoiceDueDays: number;
}

export interface RequestPaymentDeps {
  catalogue: CatalogueRepository;
  payments: PaymentsRepository;
  providers: OnlinePaymentProviders;
  documents: DocumentsRepository;
  settings: RequestPaymentSettings;
  now?: () => Date;
}

/**
 * Asks for the fee (PAY-1, PAY-2, PAY-3): a Payrexx checkout on the municipality's instance, or
 * an invoice with a Swiss QR-bill filed in the citizen's documents. One payment per case,
 * whatever the retries; the process then waits for the message `payment-received`.
 */
export function createRequestPaymentWorker(deps: RequestPaymentDeps) {
  const now = deps.now ?? (() => new Date());

  async function openCheckout(payment: Payment, municipality: Municipality, caseId: string): Promise<string> {
    if (payment.paymentUrl) return payment.paymentUrl;
    if (!municipality.payrexx) throw new NonRetryableError(`${municipality.id} has no Payrexx instance`);
    const back = (result: string) => `${deps.settings.publicUrl}/payments/return?case=${encodeURIComponent(caseId)}&result=${result}`;
    const checkout = await deps.providers.forInstance(municipality.payrexx).createCheckout({
      amountRappen: payment.amountRappen,
      purpose: payment.bookingText,
      referenceId: payment.id,
      successUrl: back('success'),
      failedUrl: back('failed'),
      cancelUrl: back('cancelled'),
      methods: deps.settings.methods,
    });
    await deps.payments.attachGateway(payment.id, checkout.gatewayId, checkout.paymentUrl);
    return checkout.paymentUrl;
  }

  async function issueInvoice(payment: Payment, municipality: Municipality, offering: ServiceOffering, v: Variables): Promise<string | null> {
    const existing = await deps.payments.findInvoiceOfPayment(payment.id);
    if (existing?.documentId) return existing.documentId;
    const creditor = municipality.creditor;
    if (!creditor) throw new NonRetryableError(`${municipality.id} has no creditor account for invoices`);
    const reference = referenceForInvoice({ iban: creditor.iban, sequence: await deps.payments.nextInvoiceNumber() });
    const today = now();
    const dueOn = zurichIsoDate(new Date(today.getTime() + deps.settings.invoiceDueDays * 24 * 3600 * 1000));
    const caseNumber = v.caseId.slice(0, 8).toUpperCase();
    const pdf = await renderInvoicePdf({
      language: v.language,
      creditor: qrCreditor(creditor),
      debtor: { name: `${v.applicant.firstName} ${v.applicant.lastName}`, address: swissAddress(v.resident.address) },
      amountRappen: payment.amountRappen,
      reference,
      serviceName: offering.names[v.language] ?? offering.names.de,
      caseNumber,
      invoiceDate: zurichIsoDate(today),
      dueDate: dueOn,
      bookingText: payment.bookingText,
    });
    const documentId = await deps.documents.file({
      caseId: v.caseId, kind: 'invoice', fileName: `Rechnung-${caseNumber}.pdf`, mediaType: 'application/pdf', content: pdf,
    });
    const invoice = await deps.payments.createInvoice({
      paymentId: payment.id, reference: reference.value, referenceType: reference.type, creditorIban: creditor.iban, documentId, dueOn,
    });
    return invoice.documentId;
  }

  return defineJobWorker({
    type: requestPaymentTemplate.jobType,
    input: Input,
    timeoutMs: 60_000,
    async handle({ variables: v }) {
      const municipality = await deps.catalogue.findMunicipality(v.municipalityId);
      const offering = await deps.catalogue.findOffering(v.municipalityId, v.serviceId);
      if (!municipality || !offering) throw new NonRetryableError(`no offering of ${v.serviceId} in ${v.municipalityId}`);
      if (!offering.paymentAccount || !offering.bookingText) throw new NonRetryableError(`${v.serviceId} in ${v.municipalityId} is free of charge`);
      const payment = await deps.payments.openForCase({
        caseId: v.caseId,
        municipalityId: municipality.id,
        method: v.paymentMethod,
        amountRappen: v.feeRappen,
        account: offering.paymentAccount,
        bookingText: offering.bookingText,
      });
      const paymentUrl = payment.method === 'online' ? await openCheckout(payment, municipality, v.caseId) : null;
      const invoiceDocumentId = payment.method === 'invoice' ? await issueInvoice(payment, municipality, offering, v) : null;
      return complete({ payment: { paymentId: payment.id, method: payment.method, amountRappen: payment.amountRappen, paymentUrl, invoiceDocumentId } });
    },
  });
}
