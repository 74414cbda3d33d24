/**
 * Texts of the instalment plan with its QR-bills (issue 15), one complete set per language. German
 * is the reference; the payment part's own labels come from the QR-bill library in its language.
 */
import type { InvoiceLanguage } from './invoice-texts.ts';

export type InstalmentPlanTexts = {
  /** Heading of the document and its PDF title. */
  readonly title: string;
  readonly pdfLanguage: string;
  readonly qrBillLanguage: 'DE' | 'FR' | 'IT' | 'EN';
  readonly labels: {
    readonly planDate: string;
    readonly caseNumber: string;
    readonly planId: string;
    readonly items: string;
    readonly amount: string;
    readonly total: string;
    readonly instalments: string;
    readonly number: string;
    readonly dueDate: string;
    readonly reference: string;
  };
  /** The sentence before the open items. */
  readonly intro: (instalments: number) => string;
  /** What happens when an instalment is not paid. */
  readonly conditions: string;
  /** Heading of an instalment's page. */
  readonly instalmentHeading: (number: number, of: number) => string;
  /** The sentence on an instalment's page, above its payment part. */
  readonly instalmentNote: (dueDate: string) => string;
  /** The QR-bill's message: plan and instalment. */
  readonly qrMessage: (planId: string, number: number, of: number) => string;
};

export const INSTALMENT_PLAN_TEXTS: Readonly<Record<InvoiceLanguage, InstalmentPlanTexts>> = {
  de: {
    title: 'Ratenplan',
    pdfLanguage: 'de-CH',
    qrBillLanguage: 'DE',
    labels: {
      planDate: 'Datum', caseNumber: 'Geschäftsnummer', planId: 'Plan-Nr.', items: 'Offene Rechnungen', amount: 'Betrag', total: 'Total',
      instalments: 'Raten', number: 'Nr.', dueDate: 'Fällig am', reference: 'Referenz',
    },
    intro: (instalments) => `Die Gemeinde ist einverstanden, dass Sie die folgenden offenen Rechnungen in ${instalments} Monatsraten bezahlen.`,
    conditions: 'Bitte bezahlen Sie jede Rate bis zu ihrem Fälligkeitstag mit ihrem QR-Einzahlungsschein auf den folgenden Seiten; geben Sie die Referenz unverändert an. Eine Rate, die nicht rechtzeitig eingeht, erinnern wir einmal. Bleibt sie auch nach der Nachfrist unbezahlt, ist der Ratenplan aufgehoben und der ganze Restbetrag sofort fällig.',
    instalmentHeading: (number, of) => `Rate ${number} von ${of}`,
    instalmentNote: (dueDate) => `Bitte bezahlen Sie diese Rate bis am ${dueDate} mit dem untenstehenden QR-Zahlteil.`,
    qrMessage: (planId, number, of) => `Ratenplan ${planId}, Rate ${number}/${of}`,
  },
  fr: {
    title: 'Plan de paiement',
    pdfLanguage: 'fr-CH',
    qrBillLanguage: 'FR',
    labels: {
      planDate: 'Date', caseNumber: 'Numéro de dossier', planId: 'N° du plan', items: 'Factures ouvertes', amount: 'Montant', total: 'Total',
      instalments: 'Mensualités', number: 'N°', dueDate: 'Échéance', reference: 'Référence',
    },
    intro: (instalments) => `La commune accepte que vous payiez les factures ouvertes suivantes en ${instalments} mensualités.`,
    conditions: 'Veuillez payer chaque mensualité d’ici à son échéance au moyen de sa QR-facture figurant aux pages suivantes, en indiquant la référence sans la modifier. Nous rappelons une fois une mensualité qui ne nous parvient pas à temps. Si elle reste impayée après le délai supplémentaire, le plan de paiement est annulé et tout le solde est exigible immédiatement.',
    instalmentHeading: (number, of) => `Mensualité ${number} sur ${of}`,
    instalmentNote: (dueDate) => `Veuillez payer cette mensualité d’ici au ${dueDate} au moyen de la section paiement QR ci-dessous.`,
    qrMessage: (planId, number, of) => `Plan de paiement ${planId}, mensualité ${number}/${of}`,
  },
  it: {
    title: 'Piano di pagamento',
    pdfLanguage: 'it-CH',
    qrBillLanguage: 'IT',
    labels: {
      planDate: 'Data', caseNumber: 'Numero della pratica', planId: 'N. del piano', items: 'Fatture aperte', amount: 'Importo', total: 'Totale',
      instalments: 'Rate', number: 'N.', dueDate: 'Scadenza', reference: 'Riferimento',
    },
    intro: (instalments) => `Il Comune accetta che paghiate le seguenti fatture aperte in ${instalments} rate mensili.`,
    conditions: 'Vi preghiamo di pagare ogni rata entro la sua scadenza con la relativa QR-fattura nelle pagine seguenti, indicando il riferimento senza modificarlo. Una rata che non giunge in tempo viene sollecitata una volta. Se resta non pagata anche dopo il termine supplementare, il piano di pagamento è annullato e l’intero saldo è esigibile immediatamente.',
    instalmentHeading: (number, of) => `Rata ${number} di ${of}`,
    instalmentNote: (dueDate) => `Vi preghiamo di pagare questa rata entro il ${dueDate} con la sezione pagamento QR sottostante.`,
    qrMessage: (planId, number, of) => `Piano di pagamento ${planId}, rata ${number}/${of}`,
  },
  en: {
    title: 'Instalment plan',
    pdfLanguage: 'en-CH',
    qrBillLanguage: 'EN',
    labels: {
      planDate: 'Date', caseNumber: 'Case number', planId: 'Plan no.', items: 'Open bills', amount: 'Amount', total: 'Total',
      instalments: 'Instalments', number: 'No.', dueDate: 'Due on', reference: 'Reference',
    },
    intro: (instalments) => `The municipality agrees that you pay the following open bills in ${instalments} monthly instalments.`,
    conditions: 'Please pay each instalment by its due date with its QR-bill on the following pages, quoting the reference unchanged. An instalment that does not arrive in time is reminded once. If it is still unpaid after the grace period, the plan ends and the whole remaining amount is due at once.',
    instalmentHeading: (number, of) => `Instalment ${number} of ${of}`,
    instalmentNote: (dueDate) => `Please pay this instalment by ${dueDate} with the payment part below.`,
    qrMessage: (planId, number, of) => `Instalment plan ${planId}, instalment ${number}/${of}`,
  },
};
