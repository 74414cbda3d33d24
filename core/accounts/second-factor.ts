import type { AccountsRepository } from '../db/accounts-repository.ts';
import { accountErrors } from '../errors/account-errors.ts';
import { formatKontoId } from './konto-id.ts';
import type { SecretAttempts } from './secret-attempts.ts';
import { checkTotpCode } from './session-service.ts';
import { acceptedTotpStep, newTotpSecret } from './totp.ts';
import { accessErrors } from '../errors/access-errors.ts';

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;

/**
 * The optional second factor (TOTP, RFC 6238): enrolment gives a secret and its otpauth:// URI,
 * and only a first valid code switches it on; switching it off needs a valid code too. Wrong codes
 * are limited per account (`attempts`): a stolen session must not guess its way to switching it off.
 */
export function createSecondFactorService(deps: { accounts: AccountsRepository; attempts: SecretAttempts; now: () => Date }) {
  const { accounts, attempts, now } = deps;
  async function accountOf(accountId: string) {
    const account = await accounts.findById(accountId);
    if (!account) throw accessErrors.bearerTokenRequired();
    return account;
  }
  return {
    async begin(accountId: string): Promise<{ secret: string; otpauthUri: string }> {
      const account = await accountOf(accountId);
      if (account.totpSecret) throw accountErrors.secondFactorState('The second factor is already on; switch it off first.');
      // The label shows the Konto-ID rather than the e-mail address in the authenticator app.
      const { secret, uri } = newTotpSecret(formatKontoId(account.kontoId));
      await accounts.update(accountId, { totpPendingSecret: secret });
      return { secret, otpauthUri: uri };
    },

    async confirm(accountId: string, code: string): Promise<void> {
      const account = await accountOf(accountId);
      if (account.totpSecret) throw accountErrors.secondFactorState('The second factor is already on.');
      if (!account.totpPendingSecret) throw accountErrors.secondFactorState('Start the enrolment first.');
      const pending = account.totpPendingSecret;
      const at = now();
      if (!await attempts.verify(accountId, 'totp', () => acceptedTotpStep(pending, code, at) !== undefined)) throw accountErrors.secondFactorInvalid();
      // Pure: the same step that was just accepted.
      const step = acceptedTotpStep(pending, code, at);
      if (step === undefined) throw accountErrors.secondFactorInvalid();
      await accounts.update(accountId, { totpSecret: pending, totpPendingSecret: null, totpLastStep: step });
    },

    async disable(accountId: string, code: string): Promise<void> {
      const account = await accountOf(accountId);
      if (!account.totpSecret) throw accountErrors.secondFactorState('The second factor is not on.');
      const secret = account.totpSecret;
      if (!await attempts.verify(accountId, 'totp', () => checkTotpCode(accounts, account, secret, code, now()))) throw accountErrors.secondFactorInvalid();
      await accounts.update(accountId, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    },
  };
}
