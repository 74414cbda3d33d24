import { invalidField, ProblemError } from './problem-error.ts';
import type { PasswordShortfall } from '../accounts/password-rule.ts';

/** A 429 that knows how long to wait: the accounts' routes put it into `Retry-After`. */
export class RateLimitedError extends ProblemError {
  readonly retryAfterSeconds: number;
  constructor(seconds: number) {
    super(429, 'rate-limited', 'Zu viele Versuche. Bitte warten Sie einen Moment.', `Try again in ${seconds} seconds.`);
    this.retryAfterSeconds = seconds;
  }
}

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
  sessionNotFound: () => new ProblemError(404, 'session-not-found', 'Sitzung nicht gefunden'),
  rateLimited: (seconds: number) => new RateLimitedError(seconds),
  /** An account with a password confirms sensitive changes with it. */
  passwordRequired: (pointer: string) => invalidField(pointer, 'required: this account confirms changes with its password'),
  /** A password was sent for an account that has none (opened with AGOV). */
  passwordNotSet: (pointer: string, remedy: string) =>
    new ProblemError(400, 'password-not-set', 'Dieses Konto hat kein Passwort.', `${pointer}: this account has no password; ${remedy}`,
      [{ pointer, detail: `this account has no password; ${remedy}` }]),
  /** An account without a password confirms sensitive changes with a fresh AGOV login instead. */
  reauthenticationRequired: (windowMinutes: number) =>
    new ProblemError(403, 'reauthentication-required', 'Bitte melden Sie sich zur Bestätigung erneut mit AGOV an.',
      `This account has no password: log in with AGOV again (GET /login/agov, then POST /sessions/agov) and repeat the request with the new session within ${windowMinutes} minutes.`,
      [{ pointer: '/headers/authorization', detail: `session not authenticated with AGOV within the last ${windowMinutes} minutes` }]),
};
