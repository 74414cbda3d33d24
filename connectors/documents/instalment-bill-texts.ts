/**
 * Texts of an instalment's page in an instalment plan (issue 15): above its Swiss QR-bill, which
 * name the instalment, its due date, amount and reference. One complete set per language; the plan's
 * own texts are the service package's template, the payment part's labels the QR-bill library's.
 */
import type { InvoiceLanguage } from './invoice-texts.ts';

export type InstalmentBillTexts = {
  readonly qrBillLanguage: 'DE' | 'FR' | 'IT' | 'EN';
  readonly labels: { readonly dueDate: string; readonly amount: string; readonly reference: string; readonly planId: string };
  /** Heading of an instalment's page. */
  readonly heading: (number: number, of: number) => string;
  /** The sentence above the payment part. */
  readonly note: (dueDate: string) => string;
  /** The QR-bill's message: plan and instalment. */
  readonly qrMessage: (planId: string, number: number, of: number) => string;
};

export const INSTALMENT_BILL_TEXTS: Readonly<Record<InvoiceLanguage, InstalmentBillTexts>> = {
  de: {
    qrBillLanguage: 'DE',
    labels: { dueDate: 'Fällig am', amount: 'Betrag', reference: 'Referenz', planId: 'Plan-Nr.' },
    heading: (number, of) => `Rate ${number} von ${of}`,
    note: (dueDate) => `Bitte bezahlen Sie diese Rate bis am ${dueDate} mit dem untenstehenden QR-Zahlteil; geben Sie die Referenz unverändert an.`,
    qrMessage: (planId, number, of) => `Ratenplan ${planId}, Rate ${number}/${of}`,
  },
  fr: {
    qrBillLanguage: 'FR',
    labels: { dueDate: 'Échéance', amount: 'Montant', reference: 'Référence', planId: 'N° du plan' },
    heading: (number, of) => `Mensualité ${number} sur ${of}`,
    note: (dueDate) => `Veuillez payer cette mensualité d’ici au ${dueDate} au moyen de la section paiement QR ci-dessous, en indiquant la référence sans la modifier.`,
    qrMessage: (planId, number, of) => `Plan de paiement ${planId}, mensualité ${number}/${of}`,
  },
  it: {
    qrBillLanguage: 'IT',
    labels: { dueDate: 'Scadenza', amount: 'Importo', reference: 'Riferimento', planId: 'N. del piano' },
    heading: (number, of) => `Rata ${number} di ${of}`,
    note: (dueDate) => `Vi preghiamo di pagare questa rata entro il ${dueDate} con la sezione pagamento QR sottostante, indicando il riferimento senza modificarlo.`,
    qrMessage: (planId, number, of) => `Piano di pagamento ${planId}, rata ${number}/${of}`,
  },
  en: {
    qrBillLanguage: 'EN',
    labels: { dueDate: 'Due on', amount: 'Amount', reference: 'Reference', planId: 'Plan no.' },
    heading: (number, of) => `Instalment ${number} of ${of}`,
    note: (dueDate) => `Please pay this instalment by ${dueDate} with the payment part below, quoting the reference unchanged.`,
    qrMessage: (planId, number, of) => `Instalment plan ${planId}, instalment ${number}/${of}`,
  },
};
