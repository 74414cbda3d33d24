import { ProblemError } from './problem-error.ts';

/** The refusals of logging in with AGOV / e-ID and linking it (INT-5), with stable codes. */
export const agovErrors = {
  codeInvalid: () =>
    new ProblemError(400, 'agov-code-invalid', 'Die Anmeldung mit AGOV ist abgelaufen oder ungültig.', '/body/code: unknown, expired or already used',
      [{ pointer: '/body/code', detail: 'unknown, expired or already used' }]),
  linkInvalid: () => new ProblemError(400, 'agov-link-invalid', 'Der Link zum Verknüpfen ist abgelaufen oder ungültig.'),
  returnPathInvalid: (pointer: string, detail: string) =>
    new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', `${pointer}: ${detail}`, [{ pointer, detail: 'not an allowed page' }]),
  emailUnverified: () => new ProblemError(422, 'agov-email-unverified', 'AGOV hat keine bestätigte E-Mail-Adresse übermittelt.'),
  identityLinked: (title: string) => new ProblemError(409, 'agov-identity-linked', title),
  emailTaken: () =>
    new ProblemError(409, 'email-taken', 'Diese E-Mail-Adresse gehört bereits zu einem Konto.',
      'Log in to that account with its password and link AGOV there (POST /account/identities/agov).'),
  identityUnknown: () =>
    new ProblemError(404, 'agov-identity-unknown', 'Zu diesem AGOV-Login gibt es noch kein Konto.',
      'Open a new account with POST /accounts/agov, or log in with your password and link AGOV (POST /account/identities/agov).'),
  onlyLogin: () => new ProblemError(409, 'agov-only-login', 'Ohne Passwort kann AGOV nicht getrennt werden.', 'Set a password first (forgotten-password mail).'),
  notLinked: () => new ProblemError(404, 'agov-not-linked', 'Dieses Konto ist nicht mit AGOV verknüpft.'),
};
