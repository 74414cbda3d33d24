import type { AccountRow } from '../db/accounts-repository.ts';
import { accountErrors } from '../errors/account-errors.ts';
import { verifyPassword } from './passwords.ts';
import type { SecretAttempts } from './secret-attempts.ts';
import type { AccountSession } from './session-service.ts';

/** A fresh AGOV login confirms for this long; ten minutes unless told. */
export const AGOV_REAUTHENTICATION_MS = 10 * 60_000;

/**
 * Proves that the account's holder is at the keyboard before a sensitive change (new e-mail
 * address, deletion). An account with a password sends it, exactly as before. An account opened
 * with AGOV has none: its proof is a recent authentication, a session opened through AGOV within
 * the window (the way relying parties ask for a fresh login: `max_age`). A password sent for such
 * an account is refused rather than ignored, so that a client never believes it checked one.
 */
export type ConfirmHolder = (account: AccountRow, session: AccountSession, password: string | undefined, pointer: string) => Promise<void>;

export function createHolderConfirmation(deps: { attempts: SecretAttempts; agovReauthenticationMs: number; now: () => Date }): ConfirmHolder {
  const windowMinutes = Math.max(1, Math.round(deps.agovReauthenticationMs / 60_000));
  return async (account, session, password, pointer) => {
    const stored = account.passwordHash;
    if (stored !== null) {
      if (password === undefined) throw accountErrors.passwordRequired(pointer);
      if (!await deps.attempts.verify(account.id, 'password', () => verifyPassword(stored, password))) throw accountErrors.wrongPassword(pointer);
      return;
    }
    if (password !== undefined) throw accountErrors.passwordNotSet(pointer, 'leave it out and confirm with a fresh AGOV login instead');
    const age = deps.now().getTime() - session.authenticatedAt.getTime();
    if (session.method !== 'agov' || age > deps.agovReauthenticationMs) throw accountErrors.reauthenticationRequired(windowMinutes);
  };
}
