/** The payment tasks' element templates: take the fee, and its compensations (refund, cancel). */
import { caseInputs, type ConnectorTemplate } from '../runtime/element-template.ts';

export const PAYMENT_TEMPLATES: readonly ConnectorTemplate[] = [
  {
    jobType: 'request-payment',
    version: 1,
    category: 'payment',
    name: 'Gebühr einfordern',
    description: 'Fordert die Gebühr ein: Payrexx-Zahlungsseite der Gemeinde oder Rechnung mit QR-Einzahlungsschein. Danach wartet der Prozess auf die Nachricht payment-received.',
    inputs: [
      ...caseInputs,
      { name: 'serviceId', label: 'Dienst', description: 'Der Dienst aus dem Katalog; bestimmt Konto und Buchungstext.', value: '=serviceId' },
      { name: 'language', label: 'Sprache', description: "Sprache der Rechnung: 'de', 'fr', 'it' oder 'en'.", value: '=language' },
      { name: 'feeRappen', label: 'Betrag (Rappen)', description: 'Ganzzahl, z. B. 3000 für CHF 30.00.', value: '=feeRappen' },
      { name: 'paymentMethod', label: 'Zahlungsart', description: "'online' oder 'invoice'.", value: '=paymentMethod' },
      { name: 'applicant', label: 'Antragsteller/in', description: 'Kontext mit firstName und lastName (Rechnungsempfänger/in).', value: '=applicant' },
      { name: 'resident', label: 'Einwohner/in', description: 'Aus «Person im Einwohnerregister suchen»; ihre address ist die Rechnungsadresse.', value: '=resident' },
    ],
    outputs: [{ variable: 'payment', label: 'Zahlung', description: 'paymentId, method, amountRappen, paymentUrl und invoiceDocumentId.' }],
    errors: [],
  },
  {
    jobType: 'refund-payment',
    version: 1,
    category: 'payment',
    name: 'Zahlung zurückerstatten',
    description: 'Kompensation von «Gebühr einfordern»: erstattet eine Online-Zahlung über Payrexx zurück oder meldet eine bezahlte Rechnung der Finanzverwaltung zur Rückzahlung.',
    inputs: [...caseInputs],
    outputs: [{ variable: 'refund', label: 'Rückerstattung', description: "'refunded', 'refund-due' oder 'nothing-paid'." }],
    errors: [],
  },
  {
    jobType: 'cancel-payment',
    version: 1,
    category: 'payment',
    name: 'Zahlung stornieren',
    description: 'Schliesst die Payrexx-Zahlungsseite oder storniert die Rechnung einer unbezahlten Bestellung.',
    inputs: [{ name: 'caseId', label: 'Vorgang', description: 'Der Vorgang, dessen offene Zahlung storniert wird.', value: '=caseId' }],
    outputs: [],
    errors: [],
  },
];
