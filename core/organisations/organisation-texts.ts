import type { MailText } from '../accounts/account-texts.ts';
import type { Language } from '../language.ts';

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
  /** To a member another manager made a manager (ORG-3). */
  madeManager(p: RoleNoticeParams): MailText;
  /** To a manager another manager made a plain member again (ORG-3). */
  noLongerManager(p: RoleNoticeParams): MailText;
  /** To the longest-standing member, made manager because the only manager's account was deleted (ACC-7). */
  madeManagerInPlace(p: { name: string; organisation: string }): MailText;
}

export interface RoleNoticeParams {
  name: string;
  organisation: string;
  /** The manager who changed the role. */
  changedBy: string;
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
    madeManager: ({ name, organisation, changedBy }) => ({
      subject: `Gemeindeportal: Sie verwalten jetzt die Organisation ${organisation}`,
      text: lines(`Guten Tag ${name}`, '', `${changedBy} hat Sie im Gemeindeportal als verantwortliche Person der Organisation «${organisation}» bestimmt.`,
        'Sie können jetzt die Angaben der Organisation ändern, Mitglieder einladen und entfernen und Rollen vergeben.', '',
        'Sie finden die Organisation unter «Mein Konto» › «Organisationen».',
        'Ist das nicht in Ihrem Sinn, wenden Sie sich an die anderen Verantwortlichen der Organisation.'),
    }),
    noLongerManager: ({ name, organisation, changedBy }) => ({
      subject: `Gemeindeportal: Sie verwalten die Organisation ${organisation} nicht mehr`,
      text: lines(`Guten Tag ${name}`, '', `${changedBy} hat Ihnen im Gemeindeportal die Verantwortung für die Organisation «${organisation}» entzogen.`,
        'Sie bleiben Mitglied: Sie sehen die Vorgänge der Organisation weiterhin und können Dienste in ihrem Namen beantragen.', '',
        'Ist das nicht in Ihrem Sinn, wenden Sie sich an die Verantwortlichen der Organisation.'),
    }),
    madeManagerInPlace: ({ name, organisation }) => ({
      subject: `Gemeindeportal: Sie verwalten jetzt die Organisation ${organisation}`,
      text: lines(`Guten Tag ${name}`, '', `Die bisher einzige verantwortliche Person der Organisation «${organisation}» hat kein Konto im Gemeindeportal mehr.`,
        'Damit die Organisation weiter verwaltet werden kann, sind Sie als das am längsten dabei gewesene Mitglied jetzt ihre verantwortliche Person.',
        'Sie können die Angaben der Organisation ändern, Mitglieder einladen und entfernen und die Verantwortung an andere Mitglieder weitergeben.', '',
        'Sie finden die Organisation unter «Mein Konto» › «Organisationen».'),
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
    madeManager: ({ name, organisation, changedBy }) => ({
      subject: `Portail communal : vous êtes maintenant responsable de l'organisation ${organisation}`,
      text: lines(`Bonjour ${name}`, '', `${changedBy} vous a désigné·e responsable de l'organisation « ${organisation} » sur le portail communal.`,
        "Vous pouvez désormais modifier les données de l'organisation, inviter et retirer des membres et attribuer des rôles.", '',
        "Vous trouvez l'organisation sous « Mon compte » › « Organisations ».",
        "Si cela ne vous convient pas, adressez-vous aux autres responsables de l'organisation."),
    }),
    noLongerManager: ({ name, organisation, changedBy }) => ({
      subject: `Portail communal : vous n'êtes plus responsable de l'organisation ${organisation}`,
      text: lines(`Bonjour ${name}`, '', `${changedBy} vous a retiré le rôle de responsable de l'organisation « ${organisation} » sur le portail communal.`,
        "Vous restez membre : vous voyez toujours les dossiers de l'organisation et pouvez demander des prestations en son nom.", '',
        "Si cela ne vous convient pas, adressez-vous aux responsables de l'organisation."),
    }),
    madeManagerInPlace: ({ name, organisation }) => ({
      subject: `Portail communal : vous êtes maintenant responsable de l'organisation ${organisation}`,
      text: lines(`Bonjour ${name}`, '', `La seule personne responsable de l'organisation « ${organisation} » n'a plus de compte sur le portail communal.`,
        "Afin que l'organisation reste gérée, vous en êtes maintenant responsable, en tant que membre le plus ancien.",
        "Vous pouvez modifier les données de l'organisation, inviter et retirer des membres et confier la responsabilité à d'autres membres.", '',
        "Vous trouvez l'organisation sous « Mon compte » › « Organisations »."),
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
    madeManager: ({ name, organisation, changedBy }) => ({
      subject: `Portale comunale: ora è responsabile dell'organizzazione ${organisation}`,
      text: lines(`Buongiorno ${name}`, '', `${changedBy} l'ha nominata responsabile dell'organizzazione «${organisation}» sul portale comunale.`,
        "Ora può modificare i dati dell'organizzazione, invitare e rimuovere membri e assegnare ruoli.", '',
        "Trova l'organizzazione in «Il mio conto» › «Organizzazioni».",
        "Se non è d'accordo, si rivolga agli altri responsabili dell'organizzazione."),
    }),
    noLongerManager: ({ name, organisation, changedBy }) => ({
      subject: `Portale comunale: non è più responsabile dell'organizzazione ${organisation}`,
      text: lines(`Buongiorno ${name}`, '', `${changedBy} le ha tolto il ruolo di responsabile dell'organizzazione «${organisation}» sul portale comunale.`,
        "Resta membro: vede ancora le pratiche dell'organizzazione e può richiedere servizi a suo nome.", '',
        "Se non è d'accordo, si rivolga ai responsabili dell'organizzazione."),
    }),
    madeManagerInPlace: ({ name, organisation }) => ({
      subject: `Portale comunale: ora è responsabile dell'organizzazione ${organisation}`,
      text: lines(`Buongiorno ${name}`, '', `L'unica persona responsabile dell'organizzazione «${organisation}» non ha più un conto sul portale comunale.`,
        "Affinché l'organizzazione resti gestita, ora ne è responsabile lei, come membro di più lunga data.",
        "Può modificare i dati dell'organizzazione, invitare e rimuovere membri e affidare la responsabilità ad altri membri.", '',
        "Trova l'organizzazione in «Il mio conto» › «Organizzazioni»."),
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
    madeManager: ({ name, organisation, changedBy }) => ({
      subject: `Municipal portal: you now manage the organisation ${organisation}`,
      text: lines(`Hello ${name}`, '', `${changedBy} has made you a manager of the organisation "${organisation}" on the municipal portal.`,
        "You can now edit the organisation's details, invite and remove members and assign roles.", '',
        'You find the organisation under "My account" › "Organisations".',
        "If this is not what you want, contact the organisation's other managers."),
    }),
    noLongerManager: ({ name, organisation, changedBy }) => ({
      subject: `Municipal portal: you no longer manage the organisation ${organisation}`,
      text: lines(`Hello ${name}`, '', `${changedBy} has withdrawn your role as a manager of the organisation "${organisation}" on the municipal portal.`,
        "You remain a member: you still see the organisation's cases and can apply for services on its behalf.", '',
        "If this is not what you want, contact the organisation's managers."),
    }),
    madeManagerInPlace: ({ name, organisation }) => ({
      subject: `Municipal portal: you now manage the organisation ${organisation}`,
      text: lines(`Hello ${name}`, '', `The only manager of the organisation "${organisation}" no longer has an account on the municipal portal.`,
        'So that the organisation stays managed, you are now its manager, as its longest-standing member.',
        "You can edit the organisation's details, invite and remove members and hand the role on to other members.", '',
        'You find the organisation under "My account" › "Organisations".'),
    }),
  },
};
