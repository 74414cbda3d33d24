/**
 * Texts of the fee invoice with a QR-bill (payments issue), one complete set per language. German
 * is the reference; a new language is one more entry here (and one the QR-bill library knows).
 */

export const INVOICE_LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type InvoiceLanguage = (typeof INVOICE_LANGUAGES)[number];

export type InvoiceTexts = {
  /** Heading of the document and its PDF title. */
  readonly title: string;
  /** BCP 47 tag written into the PDF, for screen readers. */
  readonly pdfLanguage: string;
  /** Language of the payment part, as swissqrbill names it. */
  readonly qrBillLanguage: 'DE' | 'FR' | 'IT' | 'EN';
  readonly labels: {
    readonly invoiceDate: string;
    readonly caseNumber: string;
    readonly reference: string;
    readonly dueDate: string;
    readonly description: string;
    readonly amount: string;
    readonly total: string;
  };
  /** The sentence under the amounts, naming the due date. */
  readonly paymentNote: (dueDate: string) => string;
  readonly thanks: string;
};

export const INVOICE_TEXTS: Readonly<Record<InvoiceLanguage, InvoiceTexts>> = {
  de: {
    title: 'Rechnung',
    pdfLanguage: 'de-CH',
    qrBillLanguage: 'DE',
    labels: {
      invoiceDate: 'Rechnungsdatum',
      caseNumber: 'Geschäftsnummer',
      reference: 'Referenz',
      dueDate: 'Zahlbar bis',
      description: 'Bezeichnung',
      amount: 'Betrag',
      total: 'Total',
    },
    paymentNote: (dueDate) =>
      `Bitte bezahlen Sie den Betrag bis am ${dueDate} mit dem untenstehenden QR-Zahlteil. Geben Sie dabei die Referenz unverändert an, damit wir Ihre Zahlung zuordnen können.`,
    thanks: 'Besten Dank für Ihre Zahlung.',
  },
  fr: {
    title: 'Facture',
    pdfLanguage: 'fr-CH',
    qrBillLanguage: 'FR',
    labels: {
      invoiceDate: 'Date de facturation',
      caseNumber: 'Numéro de dossier',
      reference: 'Référence',
      dueDate: 'Payable jusqu’au',
      description: 'Désignation',
      amount: 'Montant',
      total: 'Total',
    },
    paymentNote: (dueDate) =>
      `Nous vous prions de payer le montant d’ici au ${dueDate} au moyen de la section paiement QR ci-dessous, en indiquant la référence sans la modifier afin que nous puissions attribuer votre paiement.`,
    thanks: 'Nous vous remercions de votre paiement.',
  },
  it: {
    title: 'Fattura',
    pdfLanguage: 'it-CH',
    qrBillLanguage: 'IT',
    labels: {
      invoiceDate: 'Data della fattura',
      caseNumber: 'Numero della pratica',
      reference: 'Riferimento',
      dueDate: 'Pagabile entro il',
      description: 'Descrizione',
      amount: 'Importo',
      total: 'Totale',
    },
    paymentNote: (dueDate) =>
      `Vi preghiamo di pagare l’importo entro il ${dueDate} con la sezione pagamento QR sottostante, indicando il riferimento senza modificarlo affinché possiamo attribuire il vostro pagamento.`,
    thanks: 'Vi ringraziamo per il pagamento.',
  },
  en: {
    title: 'Invoice',
    pdfLanguage: 'en',
    qrBillLanguage: 'EN',
    labels: {
      invoiceDate: 'Invoice date',
      caseNumber: 'Case number',
      reference: 'Reference',
      dueDate: 'Payable by',
      description: 'Description',
      amount: 'Amount',
      total: 'Total',
    },
    paymentNote: (dueDate) =>
      `Please pay the amount by ${dueDate} using the QR payment part below, quoting the reference unchanged so that we can match your payment.`,
    thanks: 'Thank you for your payment.',
  },
};
