import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DirectoryAccount as StaffAccount, DirectoryAccountWithPassword as StaffAccountWithPassword, StaffRole } from './staff-accounts.ts';

/** The accounts the provider knows, looked up by login or by subject. */
export type StaffDirectory = {
  /** The account whose username and password these are; undefined for any mismatch, without saying which. */
  authenticate(username: string, password: string): StaffAccount | undefined;
  findBySubject(sub: string): StaffAccount | undefined;
  /**
   * What a directory administrator does: changes an account's roles or groups, or disables it (it
   * can no longer log in, and refresh tokens issued to it are refused). False for an unknown username.
   */
  change(username: string, changes: DirectoryChange): boolean;
};

/** A change to an account: the claims it should have from now on, or disabled / enabled again. */
export type DirectoryChange = { readonly roles?: readonly string[]; readonly groups?: readonly string[]; readonly disabled?: boolean };

export function createStaffDirectory(accounts: readonly StaffAccountWithPassword[]): StaffDirectory {
  const byUsername = new Map<string, { account: StaffAccount; readonly passwordDigest: Buffer }>();
  const bySubject = new Map<string, StaffAccount>();
  const disabled = new Set<string>();
  for (const { password, ...account } of accounts) {
    const username = normalizeUsername(account.username);
    if (password.length === 0) throw new Error(`staff directory: account ${account.username} has an empty password`);
    if (byUsername.has(username)) throw new Error(`staff directory: username ${account.username} is listed twice`);
    if (bySubject.has(account.sub)) throw new Error(`staff directory: subject ${account.sub} is listed twice`);
    byUsername.set(username, { account, passwordDigest: digest(password) });
    bySubject.set(account.sub, account);
  }
  // An unknown username costs the same comparison as a known one, so timing tells nothing either.
  const unknownUserDigest = randomBytes(32);

  return {
    authenticate(username, password) {
      const entry = byUsername.get(normalizeUsername(username));
      // Digests have one length, so the comparison's time does not depend on the password's length.
      const matches = timingSafeEqual(digest(password), entry?.passwordDigest ?? unknownUserDigest);
      return matches && entry !== undefined && !disabled.has(entry.account.sub) ? entry.account : undefined;
    },
    findBySubject(sub) {
      return disabled.has(sub) ? undefined : bySubject.get(sub);
    },
    change(username, changes) {
      const entry = byUsername.get(normalizeUsername(username));
      if (entry === undefined) return false;
      const { account } = entry;
      // Only a staff account has roles and groups; a person's claims (the AGOV stand-in) stay as they are.
      if ('roles' in account && (changes.roles !== undefined || changes.groups !== undefined)) {
        entry.account = {
          ...account,
          ...(changes.roles === undefined ? {} : { roles: changes.roles as StaffRole[] }),
          ...(changes.groups === undefined ? {} : { groups: [...changes.groups] }),
        };
        bySubject.set(account.sub, entry.account);
      }
      if (changes.disabled === true) disabled.add(account.sub);
      if (changes.disabled === false) disabled.delete(account.sub);
      return true;
    },
  };
}

function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
