import type { Language, LocalisedText } from '../language.ts';
import { CITIZEN_ANSWER_PREFIX } from '../db/citizen-answers-repository.ts';

type Texts = LocalisedText;

// Messages to the citizen (CASE-3); German first, the other languages where translated.
const TEMPLATES: Record<string, Texts> = {
  'certificate-issued': {
    de: 'Ihre Bescheinigung ist ausgestellt. Sie finden sie unter «Meine Dokumente».',
    fr: 'Votre attestation a été établie. Vous la trouverez sous « Mes documents ».',
    it: 'Il suo attestato è stato rilasciato. Lo trova sotto «I miei documenti».',
    en: 'Your certificate has been issued. You will find it under "My documents".',
  },
  'application-rejected': {
    de: 'Ihr Antrag wurde abgelehnt. Grund: {reason}',
    fr: 'Votre demande a été refusée. Motif : {reason}',
    it: 'La sua domanda è stata respinta. Motivo: {reason}',
    en: 'Your application was rejected. Reason: {reason}',
  },
  'payment-reminder': {
    de: 'Ihre Bestellung wartet noch auf die Zahlung. Ohne Zahlung wird sie storniert.',
    fr: 'Votre commande attend encore le paiement. Sans paiement, elle sera annulée.',
    it: "La sua ordinazione attende ancora il pagamento. Senza pagamento verrà annullata.",
    en: 'Your order is still waiting for payment. Without payment it will be cancelled.',
  },
  'order-cancelled': {
    de: 'Ihre Bestellung wurde storniert, weil keine Zahlung eingegangen ist.',
    fr: "Votre commande a été annulée, faute de paiement.",
    it: "La sua ordinazione è stata annullata perché non è pervenuto alcun pagamento.",
    en: 'Your order was cancelled because no payment was received.',
  },
  'information-requested': {
    de: 'Für Ihren Antrag braucht die Gemeinde weitere Angaben: «{question}» Bitte antworten Sie in Ihrem Konto beim Vorgang.',
    fr: 'La commune a besoin de précisions pour votre demande : « {question} » Veuillez répondre dans votre compte, sous la demande.',
    it: 'Per la sua domanda il Comune necessita di ulteriori indicazioni: «{question}» Risponda nel suo conto, presso la pratica.',
    en: 'The municipality needs more information for your application: "{question}" Please answer in your account, on the case.',
  },
  'contact-data-changed': {
    de: 'Die Gemeinde hat Ihre Kontaktdaten im Einwohnerregister geändert.',
    fr: 'La commune a modifié vos coordonnées dans le registre des habitants.',
    it: 'Il Comune ha modificato i suoi dati di contatto nel registro degli abitanti.',
    en: 'The municipality has changed your contact details in the residents register.',
  },
  'contact-data-change-rejected': {
    de: 'Die Gemeinde hat die Änderung Ihrer Kontaktdaten nicht übernommen. Begründung: {comment}',
    fr: "La commune n'a pas repris la modification de vos coordonnées. Motif : {comment}",
    it: 'Il Comune non ha ripreso la modifica dei suoi dati di contatto. Motivo: {comment}',
    en: 'The municipality did not take over the change of your contact details. Reason: {comment}',
  },
  'contact-data-person-not-found': {
    de: 'Die Gemeinde hat Sie mit Namen und Geburtsdatum nicht im Einwohnerregister gefunden; Ihre Kontaktdaten wurden nicht geändert. Bitte wenden Sie sich an die Einwohnerkontrolle.',
    fr: "La commune ne vous a pas trouvé·e dans le registre des habitants avec ce nom et cette date de naissance ; vos coordonnées n'ont pas été modifiées. Veuillez vous adresser au contrôle des habitants.",
    it: 'Il Comune non l’ha trovata nel registro degli abitanti con nome e data di nascita; i suoi dati di contatto non sono stati modificati. Si rivolga al controllo abitanti.',
    en: 'The municipality did not find you in the residents register by name and date of birth; your contact details were not changed. Please contact the residents office.',
  },
  'instalment-plan-agreed': {
    de: 'Ihr Ratenplan ist vereinbart. Sie finden ihn mit einem QR-Einzahlungsschein je Rate unter «Meine Dokumente»; den Stand der Raten sehen Sie beim Vorgang.',
    fr: 'Votre plan de paiement est convenu. Vous le trouverez avec une QR-facture par mensualité sous « Mes documents » ; l’état des mensualités figure dans la demande.',
    it: 'Il suo piano di pagamento è concordato. Lo trova con una QR-fattura per rata sotto «I miei documenti»; lo stato delle rate figura nella pratica.',
    en: 'Your instalment plan is agreed. You will find it with a QR-bill for each instalment under "My documents"; the case shows the state of the instalments.',
  },
  'instalment-reminder': {
    de: 'Rate {number} Ihres Ratenplans, fällig am {dueDate}, ist noch nicht eingegangen. Bitte bezahlen Sie sie umgehend mit ihrem QR-Einzahlungsschein. Bleibt sie nach der Nachfrist unbezahlt, ist der Ratenplan aufgehoben und der ganze Restbetrag sofort fällig.',
    fr: 'La mensualité {number} de votre plan de paiement, échue le {dueDate}, ne nous est pas encore parvenue. Veuillez la payer sans délai avec sa QR-facture. Si elle reste impayée après le délai supplémentaire, le plan est annulé et tout le solde est exigible immédiatement.',
    it: 'La rata {number} del suo piano di pagamento, scaduta il {dueDate}, non è ancora pervenuta. La paghi subito con la sua QR-fattura. Se resta non pagata dopo il termine supplementare, il piano è annullato e l’intero saldo è esigibile immediatamente.',
    en: 'Instalment {number} of your instalment plan, due on {dueDate}, has not arrived yet. Please pay it at once with its QR-bill. If it is still unpaid after the grace period, the plan ends and the whole remaining amount is due at once.',
  },
  'instalment-plan-ended': {
    de: 'Ihr Ratenplan ist aufgehoben, weil eine Rate auch nach der Erinnerung nicht bezahlt wurde. Der offene Restbetrag ist sofort fällig; die Finanzverwaltung der Gemeinde meldet sich bei Ihnen.',
    fr: 'Votre plan de paiement est annulé, car une mensualité n’a pas été payée malgré le rappel. Le solde est exigible immédiatement ; l’administration des finances de la commune prendra contact avec vous.',
    it: 'Il suo piano di pagamento è annullato perché una rata non è stata pagata nemmeno dopo il sollecito. Il saldo è esigibile immediatamente; l’amministrazione delle finanze del Comune la contatterà.',
    en: 'Your instalment plan has ended because an instalment was not paid even after the reminder. The remaining amount is due at once; the municipality\'s finance department will contact you.',
  },
  'instalment-plan-paid': {
    de: 'Sie haben alle Raten Ihres Ratenplans bezahlt. Besten Dank.',
    fr: 'Vous avez payé toutes les mensualités de votre plan de paiement. Nous vous en remercions.',
    it: 'Ha pagato tutte le rate del suo piano di pagamento. La ringraziamo.',
    en: 'You have paid every instalment of your instalment plan. Thank you.',
  },
  'payment-refunded': {
    de: 'Die bezahlte Gebühr von CHF {amount} wird Ihnen zurückerstattet.',
    fr: 'La taxe payée de CHF {amount} vous sera remboursée.',
    it: 'La tassa pagata di CHF {amount} le sarà rimborsata.',
    en: 'The fee of CHF {amount} you paid will be refunded.',
  },
};

const REASONS: Record<string, Texts> = {
  'order-invalid': {
    de: 'Die Bestellung ist unvollständig oder ungültig.', fr: 'La commande est incomplète ou invalide.',
    it: "L'ordinazione è incompleta o non valida.", en: 'The order is incomplete or invalid.',
  },
  'person-not-found': {
    de: 'Die Person ist im Einwohnerregister nicht verzeichnet.', fr: "La personne n'est pas inscrite au registre des habitants.",
    it: 'La persona non figura nel registro degli abitanti.', en: 'The person is not listed in the residents register.',
  },
  'not-resident': {
    de: 'Die Person hat keinen Hauptwohnsitz in der Gemeinde.', fr: "La personne n'a pas son domicile principal dans la commune.",
    it: 'La persona non ha il domicilio principale nel comune.', en: 'The person has no main residence in the municipality.',
  },
  'amount-above-limit': {
    de: 'Der Betrag übersteigt, was die Gemeinde online in Raten gewährt; bitte wenden Sie sich an die Finanzverwaltung.',
    fr: 'Le montant dépasse ce que la commune accorde en ligne par mensualités ; veuillez vous adresser à l’administration des finances.',
    it: 'L’importo supera quanto il Comune concede online a rate; si rivolga all’amministrazione delle finanze.',
    en: 'The amount exceeds what the municipality grants in instalments online; please contact the finance department.',
  },
  'item-not-open': {
    de: 'Eine der gewählten Rechnungen ist nicht mehr offen.', fr: 'L’une des factures choisies n’est plus ouverte.',
    it: 'Una delle fatture scelte non è più aperta.', en: 'One of the chosen bills is no longer open.',
  },
  'in-debt-enforcement': {
    de: 'Eine der gewählten Rechnungen ist bereits in Betreibung.', fr: 'L’une des factures choisies fait déjà l’objet d’une poursuite.',
    it: 'Una delle fatture scelte è già in esecuzione.', en: 'One of the chosen bills is already in debt enforcement.',
  },
  'below-minimum': {
    de: 'Der Gesamtbetrag ist zu klein für einen Ratenplan.', fr: 'Le montant total est trop faible pour un plan de paiement.',
    it: 'L’importo totale è troppo basso per un piano di pagamento.', en: 'The total is too small for an instalment plan.',
  },
  'review-rejected': {
    de: 'Die Einwohnerkontrolle hat den Antrag nach Prüfung abgelehnt.', fr: 'Le contrôle des habitants a refusé la demande après examen.',
    it: "Il controllo abitanti ha respinto la domanda dopo l'esame.", en: "The residents' office rejected the application after review.",
  },
};

const pick = (texts: Texts, language: string): string => texts[language as Language] ?? texts.de;

/** Messages a clerk writes are stored under this prefix and one id each: the text is theirs, in the case's language. */
export const CLERK_MESSAGE_PREFIX = 'clerk-message:';

/** Who wrote a message: the citizen (an answer) or the municipality (everything else). */
export const authorOf = (template: string): 'citizen' | 'municipality' =>
  template.startsWith(CITIZEN_ANSWER_PREFIX) ? 'citizen' : 'municipality';

/**
 * A process's message is stored once per visit of its task (`template#visit`): what the citizen
 * and clerks see is the template's name.
 */
export const visitTemplate = (template: string, visit: string): string => `${template}#${visit}`;
export const templateName = (stored: string): string => stored.split('#')[0] ?? stored;

export function renderMessage(stored: string, params: Record<string, string>, language: string): string {
  if (stored.startsWith(CLERK_MESSAGE_PREFIX) || stored.startsWith(CITIZEN_ANSWER_PREFIX)) return params.text ?? '';
  const template = templateName(stored);
  const texts = Object.hasOwn(TEMPLATES, template) ? TEMPLATES[template] : undefined;
  if (!texts) return template;
  return pick(texts, language).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? '';
    const reason = name === 'reason' && Object.hasOwn(REASONS, value) ? REASONS[value] : undefined;
    return reason ? pick(reason, language) : value;
  });
}

export const isKnownTemplate = (template: string): boolean => Object.hasOwn(TEMPLATES, template);

/** The names of the messages a process may send (notify-citizen's `template` header). */
export const messageTemplateNames = (): string[] => Object.keys(TEMPLATES);
