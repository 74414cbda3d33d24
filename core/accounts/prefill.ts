// Pre-filling of application forms (INT-4): the applicant as the account knows them.
import type { AccountsRepository, PostalAddress } from '../db/accounts-repository.ts';
import type { AccountSession, SessionSettings } from './session-service.ts';
import { accessErrors } from '../errors/access-errors.ts';
import type { PrefillSource } from '../catalogue/service-manifest.ts';
import { setAt } from '../forms/form-data-check.ts';

export interface Prefill {
  serviceId: string | null;
  /** The service's start form pre-filled as its package says (`prefill`); null without a service or start form. */
  data: Record<string, unknown> | null;
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

/** The start form's data with each field the package maps to an account field set from the account; fields the account does not know are left out. */
export function prefilledData(mapping: Readonly<Record<string, PrefillSource>>, known: Partial<Record<PrefillSource, string | null>>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [fieldPath, source] of Object.entries(mapping)) {
    const value = known[source];
    if (value === undefined || value === null) continue;
    setAt(data, fieldPath.split('.'), value);
  }
  return data;
}

/** The applicant as the account knows them, and, for a service, its start form's data pre-filled (INT-4). */
export function createPrefillApplicant(deps: {
  accounts: AccountsRepository;
  sessions: SessionSettings;
  /** The package's pre-fill of a service's start form; undefined for an unknown service or one without a start form. */
  prefillOf(serviceId: string): Promise<Readonly<Record<string, PrefillSource>> | undefined>;
  now?: () => Date;
}): PrefillApplicant {
  const now = deps.now ?? (() => new Date());
  const idleSince = (at: Date) => new Date(at.getTime() - deps.sessions.idleMs);
  return async (session, serviceId) => {
    const account = await deps.accounts.findById(session.accountId);
    if (!account) throw accessErrors.unauthenticated();
    const at = now();
    const dateOfBirth = await deps.accounts.sessionBirthdate(session.sessionId, at, idleSince(at));
    const mapping = serviceId ? await deps.prefillOf(serviceId) : undefined;
    return {
      serviceId: serviceId ?? null,
      data: mapping ? prefilledData(mapping, { ...accountFields(account), dateOfBirth }) : null,
      applicant: {
        firstName: account.firstName, lastName: account.lastName,
        dateOfBirth,
        email: account.email, address: account.address, language: account.language,
      },
    };
  };
}

/** The account's own fields by the names a package's `prefill` uses (INT-4); what the account does not keep is null. */
export function accountFields(account: { firstName: string; lastName: string; email: string; address: PostalAddress | null }): Partial<Record<PrefillSource, string | null>> {
  return {
    firstName: account.firstName,
    lastName: account.lastName,
    email: account.email,
    street: account.address?.street ?? null,
    postalCode: account.address?.postalCode ?? null,
    town: account.address?.town ?? null,
    country: account.address?.country ?? null,
  };
}
