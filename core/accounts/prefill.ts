// Pre-filling of application forms (INT-4): the applicant as the account knows them.
import type { AccountsRepository, PostalAddress } from '../db/accounts-repository.ts';
import type { AccountSession, SessionSettings } from './session-service.ts';
import { accessErrors } from '../errors/access-errors.ts';

export interface Prefill {
  serviceId: string | null;
  applicant: {
    firstName: string;
    lastName: string;
    /** Only when AGOV gave it at this session's login (kept, encrypted, with the session until it ends). */
    dateOfBirth: string | null;
    email: string;
    address: PostalAddress | null;
    language: string;
  };
}

export type PrefillApplicant = (session: Pick<AccountSession, 'accountId' | 'sessionId'>, serviceId: string | undefined) => Promise<Prefill>;

/** Every service's form takes the same applicant fields today, so `serviceId` is only echoed. */
export function createPrefillApplicant(deps: { accounts: AccountsRepository; sessions: SessionSettings; now?: () => Date }): PrefillApplicant {
  const now = deps.now ?? (() => new Date());
  const idleSince = (at: Date) => new Date(at.getTime() - deps.sessions.idleMs);
  return async (session, serviceId) => {
    const account = await deps.accounts.findById(session.accountId);
    if (!account) throw accessErrors.unauthenticated();
    const at = now();
    const dateOfBirth = await deps.accounts.sessionBirthdate(session.sessionId, at, idleSince(at));
    return {
      serviceId: serviceId ?? null,
      applicant: {
        firstName: account.firstName, lastName: account.lastName,
        dateOfBirth,
        email: account.email, address: account.address, language: account.language,
      },
    };
  };
}
