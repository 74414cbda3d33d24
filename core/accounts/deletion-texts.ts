import type { Language } from '../language.ts';
import type { MailText } from './account-texts.ts';

/** The mails of account deletion (ACC-6, ACC-7); dates are formatted by the caller. */
export interface DeletionMailTexts {
  confirmDeletion(p: { name: string; link: string; validHours: number }): MailText;
  deleted(p: { name: string }): MailText;
  inactivityReminder(p: { name: string; loginLink: string; deletionDate: string }): MailText;
  deletedInactive(p: { name: string }): MailText;
  deletedNeverUsed(p: { name: string }): MailText;
}

/** Refusals of a self-deletion, shown to the citizen as they are. */
export interface DeletionRefusalTexts {
  pendingCase(count: number): string;
  lastManager(organisations: string): string;
}

const lines = (...parts: string[]) => parts.join('\n');

// German first (NF-2); the other languages are ready for accounts that choose them.
export const DELETION_MAIL_TEXTS: Record<Language, DeletionMailTexts> = {
  de: {
    confirmDeletion: ({ name, link, validHours }) => ({
      subject: 'Gemeindeportal: Bitte bestätigen Sie die Löschung Ihres Kontos',
      text: lines(`Guten Tag ${name}`, '', 'Sie möchten Ihr Konto im Gemeindeportal löschen.',
        `Bestätigen Sie die Löschung innert ${validHours} Stunden mit diesem Link:`, link, '',
        'Danach sind Ihre Entwürfe gelöscht und Sie sehen Ihre Gesuche nicht mehr; eingereichte Gesuche bearbeitet die Gemeinde weiter.',
        'Haben Sie nichts beantragt, ändern Sie bitte Ihr Passwort.'),
    }),
    deleted: ({ name }) => ({
      subject: 'Gemeindeportal: Ihr Konto wurde gelöscht',
      text: lines(`Guten Tag ${name}`, '', 'Ihr Konto im Gemeindeportal wurde auf Ihren Wunsch gelöscht.',
        'Eingereichte Gesuche bearbeitet die Gemeinde weiter. Sie können jederzeit ein neues Konto eröffnen.'),
    }),
    inactivityReminder: ({ name, loginLink, deletionDate }) => ({
      subject: 'Gemeindeportal: Ihr Konto wird bald gelöscht',
      text: lines(`Guten Tag ${name}`, '', 'Sie haben sich seit 18 Monaten nicht mehr im Gemeindeportal angemeldet.',
        `Zum Schutz Ihrer Daten löschen wir Ihr Konto am ${deletionDate}, wenn Sie sich bis dann nicht anmelden.`,
        'Möchten Sie es behalten, melden Sie sich einfach an:', loginLink),
    }),
    deletedInactive: ({ name }) => ({
      subject: 'Gemeindeportal: Ihr Konto wurde gelöscht',
      text: lines(`Guten Tag ${name}`, '', 'Sie haben sich seit 20 Monaten nicht mehr angemeldet. Zum Schutz Ihrer Daten haben wir Ihr Konto gelöscht.',
        'Eingereichte Gesuche bearbeitet die Gemeinde weiter. Sie können jederzeit ein neues Konto eröffnen.'),
    }),
    deletedNeverUsed: ({ name }) => ({
      subject: 'Gemeindeportal: Ihr Konto wurde gelöscht',
      text: lines(`Guten Tag ${name}`, '', 'Sie haben sich in den zwei Monaten seit der Eröffnung nie angemeldet. Zum Schutz Ihrer Daten haben wir Ihr Konto gelöscht.',
        'Sie können jederzeit ein neues Konto eröffnen.'),
    }),
  },
  fr: {
    confirmDeletion: ({ name, link, validHours }) => ({
      subject: 'Portail communal : veuillez confirmer la suppression de votre compte',
      text: lines(`Bonjour ${name}`, '', 'Vous souhaitez supprimer votre compte sur le portail communal.',
        `Confirmez la suppression dans les ${validHours} heures avec ce lien :`, link, '',
        'Vos brouillons seront alors supprimés et vous ne verrez plus vos demandes ; la commune continue de traiter les demandes envoyées.',
        "Si vous n'avez rien demandé, changez votre mot de passe."),
    }),
    deleted: ({ name }) => ({
      subject: 'Portail communal : votre compte a été supprimé',
      text: lines(`Bonjour ${name}`, '', 'Votre compte sur le portail communal a été supprimé à votre demande.',
        'La commune continue de traiter les demandes envoyées. Vous pouvez ouvrir un nouveau compte à tout moment.'),
    }),
    inactivityReminder: ({ name, loginLink, deletionDate }) => ({
      subject: 'Portail communal : votre compte sera bientôt supprimé',
      text: lines(`Bonjour ${name}`, '', "Vous ne vous êtes pas connecté au portail communal depuis 18 mois.",
        `Pour protéger vos données, nous supprimerons votre compte le ${deletionDate} si vous ne vous connectez pas d'ici là.`,
        'Pour le garder, connectez-vous simplement :', loginLink),
    }),
    deletedInactive: ({ name }) => ({
      subject: 'Portail communal : votre compte a été supprimé',
      text: lines(`Bonjour ${name}`, '', "Vous ne vous êtes pas connecté depuis 20 mois. Pour protéger vos données, nous avons supprimé votre compte.",
        'La commune continue de traiter les demandes envoyées. Vous pouvez ouvrir un nouveau compte à tout moment.'),
    }),
    deletedNeverUsed: ({ name }) => ({
      subject: 'Portail communal : votre compte a été supprimé',
      text: lines(`Bonjour ${name}`, '', "Vous ne vous êtes jamais connecté dans les deux mois suivant l'ouverture. Pour protéger vos données, nous avons supprimé votre compte.",
        'Vous pouvez ouvrir un nouveau compte à tout moment.'),
    }),
  },
  it: {
    confirmDeletion: ({ name, link, validHours }) => ({
      subject: 'Portale comunale: confermi la cancellazione del suo conto',
      text: lines(`Buongiorno ${name}`, '', 'Desidera cancellare il suo conto sul portale comunale.',
        `Confermi la cancellazione entro ${validHours} ore con questo link:`, link, '',
        'Le sue bozze saranno cancellate e non vedrà più le sue domande; il comune continua a trattare le domande inviate.',
        'Se non ha richiesto nulla, cambi la password.'),
    }),
    deleted: ({ name }) => ({
      subject: 'Portale comunale: il suo conto è stato cancellato',
      text: lines(`Buongiorno ${name}`, '', 'Il suo conto sul portale comunale è stato cancellato su sua richiesta.',
        'Il comune continua a trattare le domande inviate. Può aprire un nuovo conto in qualsiasi momento.'),
    }),
    inactivityReminder: ({ name, loginLink, deletionDate }) => ({
      subject: 'Portale comunale: il suo conto sarà presto cancellato',
      text: lines(`Buongiorno ${name}`, '', 'Non accede al portale comunale da 18 mesi.',
        `Per proteggere i suoi dati cancelleremo il conto il ${deletionDate} se fino ad allora non accede.`,
        'Per mantenerlo, basta accedere:', loginLink),
    }),
    deletedInactive: ({ name }) => ({
      subject: 'Portale comunale: il suo conto è stato cancellato',
      text: lines(`Buongiorno ${name}`, '', 'Non accede da 20 mesi. Per proteggere i suoi dati abbiamo cancellato il suo conto.',
        'Il comune continua a trattare le domande inviate. Può aprire un nuovo conto in qualsiasi momento.'),
    }),
    deletedNeverUsed: ({ name }) => ({
      subject: 'Portale comunale: il suo conto è stato cancellato',
      text: lines(`Buongiorno ${name}`, '', "Non ha mai effettuato l'accesso nei due mesi dall'apertura. Per proteggere i suoi dati abbiamo cancellato il suo conto.",
        'Può aprire un nuovo conto in qualsiasi momento.'),
    }),
  },
  en: {
    confirmDeletion: ({ name, link, validHours }) => ({
      subject: 'Municipal portal: please confirm the deletion of your account',
      text: lines(`Hello ${name}`, '', 'You asked to delete your account on the municipal portal.',
        `Confirm the deletion within ${validHours} hours with this link:`, link, '',
        'Your drafts will then be deleted and you will no longer see your applications; the municipality goes on processing those you sent.',
        'If you did not request anything, change your password.'),
    }),
    deleted: ({ name }) => ({
      subject: 'Municipal portal: your account was deleted',
      text: lines(`Hello ${name}`, '', 'Your account on the municipal portal was deleted at your request.',
        'The municipality goes on processing the applications you sent. You can open a new account at any time.'),
    }),
    inactivityReminder: ({ name, loginLink, deletionDate }) => ({
      subject: 'Municipal portal: your account will be deleted soon',
      text: lines(`Hello ${name}`, '', 'You have not logged in to the municipal portal for 18 months.',
        `To protect your data we will delete your account on ${deletionDate} unless you log in before then.`,
        'To keep it, simply log in:', loginLink),
    }),
    deletedInactive: ({ name }) => ({
      subject: 'Municipal portal: your account was deleted',
      text: lines(`Hello ${name}`, '', 'You have not logged in for 20 months. To protect your data we deleted your account.',
        'The municipality goes on processing the applications you sent. You can open a new account at any time.'),
    }),
    deletedNeverUsed: ({ name }) => ({
      subject: 'Municipal portal: your account was deleted',
      text: lines(`Hello ${name}`, '', 'You never logged in during the two months after opening your account. To protect your data we deleted it.',
        'You can open a new account at any time.'),
    }),
  },
};

// The API answers in German (NF-2); the other languages are here for when it negotiates one.
export const DELETION_REFUSAL_TEXTS: Record<Language, DeletionRefusalTexts> = {
  de: {
    pendingCase: (count) => `Ihr Konto kann nicht gelöscht werden, solange ${count === 1 ? 'ein Gesuch' : `${count} Gesuche`} in Bearbeitung ${count === 1 ? 'ist' : 'sind'}. Bitte warten Sie den Abschluss ab.`,
    lastManager: (organisations) => `Sie sind die einzige verantwortliche Person von ${organisations}. Bitte übertragen Sie diese Rolle zuerst einem anderen Mitglied.`,
  },
  fr: {
    pendingCase: (count) => `Votre compte ne peut pas être supprimé tant que ${count === 1 ? 'une demande est' : `${count} demandes sont`} en cours de traitement. Veuillez attendre leur conclusion.`,
    lastManager: (organisations) => `Vous êtes la seule personne responsable de ${organisations}. Veuillez d'abord confier ce rôle à un autre membre.`,
  },
  it: {
    pendingCase: (count) => `Il suo conto non può essere cancellato finché ${count === 1 ? 'una domanda è' : `${count} domande sono`} in trattamento. Attenda la loro conclusione.`,
    lastManager: (organisations) => `Lei è l'unica persona responsabile di ${organisations}. Affidi prima questo ruolo a un altro membro.`,
  },
  en: {
    pendingCase: (count) => `Your account cannot be deleted while ${count === 1 ? 'an application is' : `${count} applications are`} being processed. Please wait until they are completed.`,
    lastManager: (organisations) => `You are the only manager of ${organisations}. Please hand the role on to another member first.`,
  },
};
