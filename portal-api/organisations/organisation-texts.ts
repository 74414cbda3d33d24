import type { MailText } from '../accounts/account-texts.ts';
import type { Language } from '../engine-records/phase-map.ts';

export interface InvitationMailParams {
  organisation: string;
  inviter: string;
  link: string;
  validDays: number;
}

/** The mails of organisation invitations (ORG-2); links are filled in by the caller. */
export interface OrganisationMailTexts {
  /** To an account holder, named by their address or their Konto-ID. */
  invitation(p: InvitationMailParams & { name: string }): MailText;
  /** To an address without an account: open one first, then accept. */
  invitationToRegister(p: InvitationMailParams & { registerLink: string }): MailText;
}

const lines = (...parts: string[]) => parts.join('\n');

// German first (NF-2); the other languages follow the same structure.
export const ORGANISATION_MAIL_TEXTS: Record<Language, OrganisationMailTexts> = {
  de: {
    invitation: ({ name, organisation, inviter, link, validDays }) => ({
      subject: `Gemeindeportal: Einladung in die Organisation ${organisation}`,
      text: lines(`Guten Tag ${name}`, '', `${inviter} lädt Sie ein, im Gemeindeportal Mitglied der Organisation «${organisation}» zu werden.`,
        'Als Mitglied sehen Sie die Vorgänge der Organisation und können Dienste in ihrem Namen beantragen.', '',
        `Mit diesem Link nehmen Sie die Einladung innert ${validDays} Tagen an oder lehnen sie ab:`, link, '',
        'Sie finden die Einladung auch unter «Mein Konto» › «Einladungen».'),
    }),
    invitationToRegister: ({ organisation, inviter, link, registerLink, validDays }) => ({
      subject: `Gemeindeportal: Einladung in die Organisation ${organisation}`,
      text: lines('Guten Tag', '', `${inviter} lädt Sie ein, im Gemeindeportal Mitglied der Organisation «${organisation}» zu werden.`, '',
        'Dafür brauchen Sie ein eigenes Konto im Gemeindeportal. Eröffnen Sie es hier mit dieser E-Mail-Adresse:', registerLink, '',
        `Danach nehmen Sie die Einladung innert ${validDays} Tagen mit diesem Link an oder lehnen sie ab:`, link, '',
        'Kennen Sie die einladende Person nicht, können Sie diese Nachricht ignorieren.'),
    }),
  },
  fr: {
    invitation: ({ name, organisation, inviter, link, validDays }) => ({
      subject: `Portail communal : invitation dans l'organisation ${organisation}`,
      text: lines(`Bonjour ${name}`, '', `${inviter} vous invite à devenir membre de l'organisation « ${organisation} » sur le portail communal.`,
        "En tant que membre, vous voyez les dossiers de l'organisation et pouvez demander des prestations en son nom.", '',
        `Avec ce lien, vous acceptez ou refusez l'invitation dans les ${validDays} jours :`, link, '',
        "Vous trouvez aussi l'invitation sous « Mon compte » › « Invitations »."),
    }),
    invitationToRegister: ({ organisation, inviter, link, registerLink, validDays }) => ({
      subject: `Portail communal : invitation dans l'organisation ${organisation}`,
      text: lines('Bonjour', '', `${inviter} vous invite à devenir membre de l'organisation « ${organisation} » sur le portail communal.`, '',
        'Il vous faut pour cela votre propre compte sur le portail communal. Ouvrez-le ici avec cette adresse e-mail :', registerLink, '',
        `Ensuite, acceptez ou refusez l'invitation dans les ${validDays} jours avec ce lien :`, link, '',
        "Si vous ne connaissez pas la personne qui vous invite, ignorez ce message."),
    }),
  },
  it: {
    invitation: ({ name, organisation, inviter, link, validDays }) => ({
      subject: `Portale comunale: invito nell'organizzazione ${organisation}`,
      text: lines(`Buongiorno ${name}`, '', `${inviter} la invita a diventare membro dell'organizzazione «${organisation}» sul portale comunale.`,
        "Come membro vede le pratiche dell'organizzazione e può richiedere servizi a suo nome.", '',
        `Con questo link accetta o rifiuta l'invito entro ${validDays} giorni:`, link, '',
        "Trova l'invito anche in «Il mio conto» › «Inviti»."),
    }),
    invitationToRegister: ({ organisation, inviter, link, registerLink, validDays }) => ({
      subject: `Portale comunale: invito nell'organizzazione ${organisation}`,
      text: lines('Buongiorno', '', `${inviter} la invita a diventare membro dell'organizzazione «${organisation}» sul portale comunale.`, '',
        'Per farlo le serve un conto proprio sul portale comunale. Lo apra qui con questo indirizzo e-mail:', registerLink, '',
        `In seguito accetti o rifiuti l'invito entro ${validDays} giorni con questo link:`, link, '',
        'Se non conosce la persona che la invita, ignori questo messaggio.'),
    }),
  },
  en: {
    invitation: ({ name, organisation, inviter, link, validDays }) => ({
      subject: `Municipal portal: invitation to the organisation ${organisation}`,
      text: lines(`Hello ${name}`, '', `${inviter} invites you to become a member of the organisation "${organisation}" on the municipal portal.`,
        "As a member you see the organisation's cases and can apply for services on its behalf.", '',
        `With this link you accept or decline the invitation within ${validDays} days:`, link, '',
        'You also find the invitation under "My account" › "Invitations".'),
    }),
    invitationToRegister: ({ organisation, inviter, link, registerLink, validDays }) => ({
      subject: `Municipal portal: invitation to the organisation ${organisation}`,
      text: lines('Hello', '', `${inviter} invites you to become a member of the organisation "${organisation}" on the municipal portal.`, '',
        'For this you need an account of your own on the municipal portal. Open it here with this e-mail address:', registerLink, '',
        `Then accept or decline the invitation within ${validDays} days with this link:`, link, '',
        'If you do not know the person inviting you, ignore this message.'),
    }),
  },
};
