import type { Language } from '../language.ts';

export interface CaseNoticeTexts {
  subject: string;
  greeting(name: string): string;
  body(service: string, caseNumber: string, municipality: string): string;
  closing: string;
}

// German first (NF-2); the mail names service, case number and municipality, never the message
// itself: an e-mail leaves the platform, the message is read behind the login.
export const CASE_NOTICE_TEXTS: Record<Language, CaseNoticeTexts> = {
  de: {
    subject: 'Neue Nachricht zu Ihrem Vorgang',
    greeting: (name) => `Guten Tag ${name}`,
    body: (service, caseNumber, municipality) =>
      `Zu Ihrem Vorgang «${service}» (Nr. ${caseNumber}) bei der Gemeinde ${municipality} gibt es eine neue Nachricht. Sie lesen sie in Ihrem Konto unter «Meine Vorgänge»:`,
    closing: 'Freundliche Grüsse\nIhr Gemeindeportal\n\nDiese Nachricht wurde automatisch versandt.',
  },
  fr: {
    subject: 'Nouveau message concernant votre demande',
    greeting: (name) => `Bonjour ${name}`,
    body: (service, caseNumber, municipality) =>
      `Un nouveau message concerne votre demande « ${service} » (n° ${caseNumber}) auprès de la commune de ${municipality}. Vous le lirez dans votre compte, sous « Mes demandes » :`,
    closing: 'Meilleures salutations\nVotre portail communal\n\nCe message a été envoyé automatiquement.',
  },
  it: {
    subject: 'Nuovo messaggio sulla sua pratica',
    greeting: (name) => `Buongiorno ${name}`,
    body: (service, caseNumber, municipality) =>
      `C'è un nuovo messaggio sulla sua pratica «${service}» (n. ${caseNumber}) presso il Comune di ${municipality}. Lo legge nel suo conto, sotto «Le mie pratiche»:`,
    closing: 'Cordiali saluti\nIl suo portale comunale\n\nQuesto messaggio è stato inviato automaticamente.',
  },
  en: {
    subject: 'New message about your case',
    greeting: (name) => `Hello ${name}`,
    body: (service, caseNumber, municipality) =>
      `There is a new message about your case "${service}" (no. ${caseNumber}) with the municipality of ${municipality}. Read it in your account under "My cases":`,
    closing: 'Kind regards\nYour municipal portal\n\nThis message was sent automatically.',
  },
};
