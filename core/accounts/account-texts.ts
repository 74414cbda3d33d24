import type { Language } from '../language.ts';

export interface MailText {
  subject: string;
  text: string;
}

/** The mails of "Mein Konto"; links and the Konto-ID are filled in by the caller. */
export interface AccountMailTexts {
  welcome(p: { name: string; kontoId: string; link: string; validHours: number }): MailText;
  alreadyRegistered(p: { name: string; resetLink: string }): MailText;
  activationAgain(p: { name: string; link: string; validHours: number }): MailText;
  passwordReset(p: { name: string; link: string; validMinutes: number }): MailText;
  confirmNewEmail(p: { name: string; link: string; validHours: number }): MailText;
  emailChangeRequested(p: { name: string; newEmail: string }): MailText;
  emailChanged(p: { name: string; newEmail: string }): MailText;
  emailTaken(): MailText;
}

const lines = (...parts: string[]) => parts.join('\n');

// German first (NF-2); the other languages are ready for accounts that choose them.
export const ACCOUNT_MAIL_TEXTS: Record<Language, AccountMailTexts> = {
  de: {
    welcome: ({ name, kontoId, link, validHours }) => ({
      subject: 'Gemeindeportal: Bitte aktivieren Sie Ihr Konto',
      text: lines(`Guten Tag ${name}`, '', 'Sie haben ein Konto im Gemeindeportal eröffnet.', `Ihre Konto-ID: ${kontoId}`, '',
        `Bitte aktivieren Sie Ihr Konto innert ${validHours} Stunden mit diesem Link:`, link, '',
        'Haben Sie kein Konto eröffnet, können Sie diese Nachricht ignorieren.'),
    }),
    alreadyRegistered: ({ name, resetLink }) => ({
      subject: 'Gemeindeportal: Sie haben bereits ein Konto',
      text: lines(`Guten Tag ${name}`, '', 'Mit dieser E-Mail-Adresse wurde erneut ein Konto beantragt. Sie haben bereits eines.',
        'Haben Sie Ihr Passwort vergessen, setzen Sie es hier zurück:', resetLink, '',
        'Haben Sie nichts beantragt, können Sie diese Nachricht ignorieren.'),
    }),
    activationAgain: ({ name, link, validHours }) => ({
      subject: 'Gemeindeportal: Bitte aktivieren Sie Ihr Konto',
      text: lines(`Guten Tag ${name}`, '', 'Ihr Konto ist noch nicht aktiviert. Ein früherer Link gilt nicht mehr.',
        `Bitte aktivieren Sie es innert ${validHours} Stunden mit diesem Link:`, link, '',
        'Ihr Passwort bleibt das bei der Eröffnung gewählte; haben Sie es vergessen, setzen Sie es nach der Aktivierung zurück.'),
    }),
    passwordReset: ({ name, link, validMinutes }) => ({
      subject: 'Gemeindeportal: Passwort zurücksetzen',
      text: lines(`Guten Tag ${name}`, '', `Mit diesem Link wählen Sie innert ${validMinutes} Minuten ein neues Passwort:`, link, '',
        'Danach sind Sie überall abgemeldet. Haben Sie nichts beantragt, können Sie diese Nachricht ignorieren.'),
    }),
    confirmNewEmail: ({ name, link, validHours }) => ({
      subject: 'Gemeindeportal: Bitte bestätigen Sie Ihre neue E-Mail-Adresse',
      text: lines(`Guten Tag ${name}`, '', `Bitte bestätigen Sie innert ${validHours} Stunden, dass diese Adresse Ihrem Konto gehört:`, link, '',
        'Bis dahin gilt Ihre bisherige Adresse.'),
    }),
    emailChangeRequested: ({ name, newEmail }) => ({
      subject: 'Gemeindeportal: Änderung Ihrer E-Mail-Adresse beantragt',
      text: lines(`Guten Tag ${name}`, '', `Für Ihr Konto wurde die neue E-Mail-Adresse ${newEmail} angegeben. Sie gilt, sobald sie bestätigt ist.`, '',
        'Waren Sie das nicht, ändern Sie bitte Ihr Passwort.'),
    }),
    emailChanged: ({ name, newEmail }) => ({
      subject: 'Gemeindeportal: Ihre E-Mail-Adresse wurde geändert',
      text: lines(`Guten Tag ${name}`, '', `Ihr Konto verwendet ab sofort die Adresse ${newEmail}. An diese Adresse schreiben wir nicht mehr.`, '',
        'Waren Sie das nicht, melden Sie sich bitte bei Ihrer Gemeinde.'),
    }),
    emailTaken: () => ({
      subject: 'Gemeindeportal: Diese Adresse gehört bereits zu einem Konto',
      text: lines('Guten Tag', '', 'Diese E-Mail-Adresse sollte einem Konto hinzugefügt werden, gehört aber bereits zu einem anderen Konto.',
        'Haben Sie nichts beantragt, können Sie diese Nachricht ignorieren.'),
    }),
  },
  fr: {
    welcome: ({ name, kontoId, link, validHours }) => ({
      subject: 'Portail communal : veuillez activer votre compte',
      text: lines(`Bonjour ${name}`, '', 'Vous avez ouvert un compte sur le portail communal.', `Votre ID de compte : ${kontoId}`, '',
        `Veuillez activer votre compte dans les ${validHours} heures avec ce lien :`, link, '',
        "Si vous n'avez pas ouvert de compte, ignorez ce message."),
    }),
    alreadyRegistered: ({ name, resetLink }) => ({
      subject: 'Portail communal : vous avez déjà un compte',
      text: lines(`Bonjour ${name}`, '', 'Un compte a de nouveau été demandé avec cette adresse. Vous en avez déjà un.',
        'Mot de passe oublié ? Réinitialisez-le ici :', resetLink, '', "Si vous n'avez rien demandé, ignorez ce message."),
    }),
    activationAgain: ({ name, link, validHours }) => ({
      subject: 'Portail communal : veuillez activer votre compte',
      text: lines(`Bonjour ${name}`, '', "Votre compte n'est pas encore activé. Un lien précédent n'est plus valable.",
        `Veuillez l'activer dans les ${validHours} heures avec ce lien :`, link, '',
        "Votre mot de passe reste celui choisi à l'ouverture ; oublié, réinitialisez-le après l'activation."),
    }),
    passwordReset: ({ name, link, validMinutes }) => ({
      subject: 'Portail communal : réinitialiser le mot de passe',
      text: lines(`Bonjour ${name}`, '', `Avec ce lien, choisissez un nouveau mot de passe dans les ${validMinutes} minutes :`, link, '',
        "Vous serez ensuite déconnecté partout. Si vous n'avez rien demandé, ignorez ce message."),
    }),
    confirmNewEmail: ({ name, link, validHours }) => ({
      subject: 'Portail communal : veuillez confirmer votre nouvelle adresse e-mail',
      text: lines(`Bonjour ${name}`, '', `Veuillez confirmer dans les ${validHours} heures que cette adresse appartient à votre compte :`, link, '',
        "D'ici là, votre adresse actuelle reste valable."),
    }),
    emailChangeRequested: ({ name, newEmail }) => ({
      subject: "Portail communal : changement d'adresse e-mail demandé",
      text: lines(`Bonjour ${name}`, '', `La nouvelle adresse ${newEmail} a été indiquée pour votre compte. Elle sera valable une fois confirmée.`, '',
        "Si ce n'était pas vous, changez votre mot de passe."),
    }),
    emailChanged: ({ name, newEmail }) => ({
      subject: 'Portail communal : votre adresse e-mail a été modifiée',
      text: lines(`Bonjour ${name}`, '', `Votre compte utilise désormais l'adresse ${newEmail}. Nous n'écrivons plus à cette adresse-ci.`, '',
        "Si ce n'était pas vous, adressez-vous à votre commune."),
    }),
    emailTaken: () => ({
      subject: 'Portail communal : cette adresse appartient déjà à un compte',
      text: lines('Bonjour', '', "Cette adresse devait être ajoutée à un compte, mais elle appartient déjà à un autre compte.",
        "Si vous n'avez rien demandé, ignorez ce message."),
    }),
  },
  it: {
    welcome: ({ name, kontoId, link, validHours }) => ({
      subject: 'Portale comunale: attivi il suo conto',
      text: lines(`Buongiorno ${name}`, '', 'Ha aperto un conto sul portale comunale.', `Il suo ID conto: ${kontoId}`, '',
        `Attivi il conto entro ${validHours} ore con questo link:`, link, '', 'Se non ha aperto un conto, ignori questo messaggio.'),
    }),
    alreadyRegistered: ({ name, resetLink }) => ({
      subject: 'Portale comunale: ha già un conto',
      text: lines(`Buongiorno ${name}`, '', 'Con questo indirizzo è stato richiesto di nuovo un conto. Ne ha già uno.',
        'Ha dimenticato la password? La reimposti qui:', resetLink, '', 'Se non ha richiesto nulla, ignori questo messaggio.'),
    }),
    activationAgain: ({ name, link, validHours }) => ({
      subject: 'Portale comunale: attivi il suo conto',
      text: lines(`Buongiorno ${name}`, '', 'Il suo conto non è ancora attivato. Un link precedente non è più valido.',
        `Lo attivi entro ${validHours} ore con questo link:`, link, '',
        "La password resta quella scelta all'apertura; se l'ha dimenticata, la reimposti dopo l'attivazione."),
    }),
    passwordReset: ({ name, link, validMinutes }) => ({
      subject: 'Portale comunale: reimpostare la password',
      text: lines(`Buongiorno ${name}`, '', `Con questo link sceglie una nuova password entro ${validMinutes} minuti:`, link, '',
        'In seguito sarà disconnesso ovunque. Se non ha richiesto nulla, ignori questo messaggio.'),
    }),
    confirmNewEmail: ({ name, link, validHours }) => ({
      subject: 'Portale comunale: confermi il suo nuovo indirizzo e-mail',
      text: lines(`Buongiorno ${name}`, '', `Confermi entro ${validHours} ore che questo indirizzo appartiene al suo conto:`, link, '',
        'Fino ad allora vale il suo indirizzo attuale.'),
    }),
    emailChangeRequested: ({ name, newEmail }) => ({
      subject: "Portale comunale: richiesta la modifica dell'indirizzo e-mail",
      text: lines(`Buongiorno ${name}`, '', `Per il suo conto è stato indicato il nuovo indirizzo ${newEmail}. Varrà una volta confermato.`, '',
        'Se non è stato lei, cambi la password.'),
    }),
    emailChanged: ({ name, newEmail }) => ({
      subject: 'Portale comunale: il suo indirizzo e-mail è stato modificato',
      text: lines(`Buongiorno ${name}`, '', `Il suo conto usa ora l'indirizzo ${newEmail}. Non scriviamo più a questo indirizzo.`, '',
        'Se non è stato lei, si rivolga al suo comune.'),
    }),
    emailTaken: () => ({
      subject: 'Portale comunale: questo indirizzo appartiene già a un conto',
      text: lines('Buongiorno', '', 'Questo indirizzo doveva essere aggiunto a un conto, ma appartiene già a un altro conto.',
        'Se non ha richiesto nulla, ignori questo messaggio.'),
    }),
  },
  en: {
    welcome: ({ name, kontoId, link, validHours }) => ({
      subject: 'Municipal portal: please activate your account',
      text: lines(`Hello ${name}`, '', 'You opened an account on the municipal portal.', `Your account ID: ${kontoId}`, '',
        `Please activate your account within ${validHours} hours with this link:`, link, '', 'If you did not open an account, ignore this message.'),
    }),
    alreadyRegistered: ({ name, resetLink }) => ({
      subject: 'Municipal portal: you already have an account',
      text: lines(`Hello ${name}`, '', 'An account was requested again with this address. You already have one.',
        'Forgot your password? Reset it here:', resetLink, '', 'If you did not request anything, ignore this message.'),
    }),
    activationAgain: ({ name, link, validHours }) => ({
      subject: 'Municipal portal: please activate your account',
      text: lines(`Hello ${name}`, '', 'Your account is not activated yet. An earlier link no longer works.',
        `Please activate it within ${validHours} hours with this link:`, link, '',
        'Your password stays the one chosen when you opened it; if you forgot it, reset it after activating.'),
    }),
    passwordReset: ({ name, link, validMinutes }) => ({
      subject: 'Municipal portal: reset your password',
      text: lines(`Hello ${name}`, '', `Choose a new password within ${validMinutes} minutes with this link:`, link, '',
        'You will then be logged out everywhere. If you did not request anything, ignore this message.'),
    }),
    confirmNewEmail: ({ name, link, validHours }) => ({
      subject: 'Municipal portal: please confirm your new e-mail address',
      text: lines(`Hello ${name}`, '', `Please confirm within ${validHours} hours that this address belongs to your account:`, link, '',
        'Until then your current address stays in use.'),
    }),
    emailChangeRequested: ({ name, newEmail }) => ({
      subject: 'Municipal portal: change of your e-mail address requested',
      text: lines(`Hello ${name}`, '', `The new address ${newEmail} was given for your account. It applies once it is confirmed.`, '',
        'If this was not you, change your password.'),
    }),
    emailChanged: ({ name, newEmail }) => ({
      subject: 'Municipal portal: your e-mail address was changed',
      text: lines(`Hello ${name}`, '', `Your account now uses the address ${newEmail}. We no longer write to this address.`, '',
        'If this was not you, contact your municipality.'),
    }),
    emailTaken: () => ({
      subject: 'Municipal portal: this address already belongs to an account',
      text: lines('Hello', '', 'This address was to be added to an account, but it already belongs to another account.',
        'If you did not request anything, ignore this message.'),
    }),
  },
};
