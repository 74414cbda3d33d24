import { ProblemError } from '../plugins/problem-details.ts';
import type { PasswordShortfall } from './password-rule.ts';

/** The refusals of "Mein Konto", with stable codes that clients and tests rely on. */
export const accountErrors = {
  weakPassword: (pointer: string, shortfalls: PasswordShortfall[]) =>
    new ProblemError(400, 'weak-password', 'Das Passwort erfüllt die Regeln nicht.',
      `${pointer}: ${shortfalls.map((s) => s.detail).join('; ')}`, shortfalls.map((s) => ({ pointer, detail: s.detail }))),
  linkInvalid: () =>
    new ProblemError(400, 'link-invalid', 'Der Link ist ungültig oder wurde schon verwendet.', '/body/token: unknown or already used',
      [{ pointer: '/body/token', detail: 'unknown or already used' }]),
  linkExpired: () =>
    new ProblemError(410, 'link-expired', 'Der Link ist abgelaufen.', '/body/token: expired; ask for a new link',
      [{ pointer: '/body/token', detail: 'expired' }]),
  // Unknown address and wrong password answer alike.
  invalidCredentials: () =>
    new ProblemError(401, 'invalid-credentials', 'E-Mail-Adresse oder Passwort falsch.'),
  notActivated: () =>
    new ProblemError(403, 'account-not-activated', 'Das Konto ist noch nicht aktiviert.', 'Follow the link in the registration e-mail first.'),
  secondFactorRequired: () =>
    new ProblemError(401, 'second-factor-required', 'Bitte geben Sie den Code Ihrer Authenticator-App ein.', '/body/code: required for this account',
      [{ pointer: '/body/code', detail: 'required for this account' }]),
  secondFactorInvalid: () =>
    new ProblemError(401, 'second-factor-invalid', 'Der Code ist ungültig.', '/body/code: wrong, expired or already used',
      [{ pointer: '/body/code', detail: 'wrong, expired or already used' }]),
  wrongPassword: (pointer: string) =>
    new ProblemError(403, 'wrong-password', 'Das bisherige Passwort ist falsch.', `${pointer}: does not match`, [{ pointer, detail: 'does not match' }]),
  emailTaken: () =>
    new ProblemError(409, 'email-taken', 'Diese E-Mail-Adresse gehört bereits zu einem Konto.'),
  secondFactorState: (detail: string) => new ProblemError(409, 'second-factor-state', 'Zweiter Faktor', detail),
  unauthenticated: () => new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich', 'A valid bearer token is required.'),
  sessionNotFound: () => new ProblemError(404, 'session-not-found', 'Sitzung nicht gefunden'),
  rateLimited: (seconds: number) =>
    new ProblemError(429, 'rate-limited', 'Zu viele Versuche. Bitte warten Sie einen Moment.', `Try again in ${seconds} seconds.`),
};
