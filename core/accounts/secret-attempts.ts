import type { SecretFailuresRepository } from '../db/secret-failures-repository.ts';
import { accountErrors } from '../errors/account-errors.ts';

/** The secrets a logged-in citizen may have to prove again: the password, a TOTP code. */
export type CheckedSecret = 'password' | 'totp';

export interface SecretAttemptSettings {
  windowMs: number;
  /** Wrong attempts per account, secret and window; the next check is refused until the window ends. */
  maxFailures: number;
}

export type SecretAttempts = ReturnType<typeof createSecretAttempts>;

/**
 * Limits the checks of a secret behind a session (password change, e-mail change, deletion
 * request, TOTP codes) per account, as login is limited per address: a stolen session must not
 * become a way to guess the password or to switch the second factor off. Only wrong attempts
 * count; a right one clears the count. Once the limit is reached, every check of that secret is
 * refused with 429 until the window that began with the first wrong attempt ends, whether the
 * secret would be right or not.
 *
 * The counts are in PostgreSQL, shared by every API instance. Each check is counted before it
 * runs, in one statement, and a right one then clears the count: checks racing on several
 * instances cannot together run more than the limit, and once a check is done the count is the
 * number of wrong ones, as if only those had been counted.
 */
export function createSecretAttempts(deps: { failures: SecretFailuresRepository; settings: SecretAttemptSettings; now?: () => Date }) {
  const { failures, settings } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    /** Runs `check` unless the account has used up its wrong attempts (then 429); a false answer counts. */
    async verify(accountId: string, secret: CheckedSecret, check: () => Promise<boolean> | boolean): Promise<boolean> {
      const at = now();
      const counted = await failures.count(accountId, secret, settings.windowMs, at);
      if (counted.failures > settings.maxFailures) {
        throw accountErrors.rateLimited(Math.max(1, Math.ceil((counted.windowEndsAt.getTime() - at.getTime()) / 1000)));
      }
      let right: boolean;
      try {
        right = await check();
      } catch (error) {
        await failures.uncount(accountId, secret);
        throw error;
      }
      if (right) await failures.clear(accountId, secret);
      return right;
    },
  };
}
