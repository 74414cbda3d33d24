import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DirectoryAccount as StaffAccount, DirectoryAccountWithPassword as StaffAccountWithPassword } from './staff-accounts.ts';

/** The accounts the provider knows, looked up by login or by subject. */
export type StaffDirectory = {
  /** The account whose username and password these are; undefined for any mismatch, without saying which. */
  authenticate(username: string, password: string): StaffAccount | undefined;
  findBySubject(sub: string): StaffAccount | undefined;
};

export function createStaffDirectory(accounts: readonly StaffAccountWithPassword[]): StaffDirectory {
  const byUsername = new Map<string, { readonly account: StaffAccount; readonly passwordDigest: Buffer }>();
  const bySubject = new Map<string, StaffAccount>();
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
      return matches && entry !== undefined ? entry.account : undefined;
    },
    findBySubject(sub) {
      return bySubject.get(sub);
    },
  };
}

function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
