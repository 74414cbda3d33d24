import { randomUUID } from 'node:crypto';
import type { AccountRow, AccountsRepository, LinkPurpose, LinkTokenRow, PostalAddress } from '../db/accounts-repository.ts';
import { LANGUAGES, type Language } from '../language.ts';
import { accountErrors } from '../errors/account-errors.ts';
import { ACCOUNT_MAIL_TEXTS, type AccountMailTexts } from './account-texts.ts';
import type { ConfirmHolder } from './holder-confirmation.ts';
import { formatKontoId, newKontoId } from './konto-id.ts';
import { ACCOUNT_PAGES, pageLink } from './links.ts';
import type { SendAccountMail } from './mail-delivery.ts';
import { normaliseEmail } from './email-address.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { passwordShortfalls } from './password-rule.ts';
import type { SecretAttempts } from './secret-attempts.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import type { AccountSession } from './session-service.ts';
import { accessErrors } from '../errors/access-errors.ts';

export interface AccountSettings {
  /** The portal front end, where the links in mails lead. */
  publicUrl: string;
  activationValidMs: number;
  passwordResetValidMs: number;
  emailChangeValidMs: number;
}

/** "Meine Daten" (ACC-3, ACC-5). */
export interface AccountView {
  id: string;
  kontoId: string;
  firstName: string;
  lastName: string;
  email: string;
  address: PostalAddress | null;
  language: string;
  secondFactor: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Registration {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  language?: string;
}

export type AccountService = ReturnType<typeof createAccountService>;

export function toAccountView(account: AccountRow): AccountView {
  return {
    id: account.id,
    kontoId: formatKontoId(account.kontoId),
    firstName: account.firstName,
    lastName: account.lastName,
    email: account.email,
    address: account.address,
    language: account.language,
    secondFactor: account.totpSecret !== null,
    createdAt: account.createdAt.toISOString(),
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}

const hours = (ms: number) => Math.max(1, Math.round(ms / 3_600_000));
const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** Registration, activation, forgotten password and the changes of ACC-5. */
export function createAccountService(deps: {
  accounts: AccountsRepository;
  sendMail: SendAccountMail;
  /** Ends sessions when a password changes; the session service owns them. */
  revokeSessions: (accountId: string, keep?: string) => Promise<void>;
  /** Wrong passwords behind a session are limited per account. */
  attempts: SecretAttempts;
  /** The password, or for an account without one a fresh AGOV login. */
  confirmHolder: ConfirmHolder;
  settings: AccountSettings;
  now: () => Date;
}) {
  const { accounts, sendMail, settings, now } = deps;
  const textsOf = (account: { language: string }): AccountMailTexts => ACCOUNT_MAIL_TEXTS[isLanguage(account.language) ? account.language : 'de'];
  const nameOf = (account: { firstName: string; lastName: string }) => `${account.firstName} ${account.lastName}`;

  function requireStrong(password: string, pointer: string): void {
    const shortfalls = passwordShortfalls(password);
    if (shortfalls.length > 0) throw accountErrors.weakPassword(pointer, shortfalls);
  }

  async function issueLink(accountId: string, purpose: LinkPurpose, validMs: number, newEmail?: string): Promise<string> {
    const token = newSecretToken('gpl');
    const createdAt = now();
    await accounts.retireLinkTokens(accountId, purpose, createdAt);
    await accounts.insertLinkToken({ tokenHash: hashToken(token), accountId, purpose, ...(newEmail ? { newEmail } : {}), createdAt, expiresAt: new Date(createdAt.getTime() + validMs) });
    return token;
  }

  async function useLink(token: string, purpose: LinkPurpose): Promise<LinkTokenRow> {
    const at = now();
    const link = await accounts.consumeLinkToken(hashToken(token), purpose, at);
    if (!link) throw accountErrors.linkInvalid();
    if (link.expiresAt <= at) throw accountErrors.linkExpired();
    return link;
  }

  async function accountOf(accountId: string): Promise<AccountRow> {
    const account = await accounts.findById(accountId);
    // The session was valid a moment ago: the account was deleted meanwhile.
    if (!account) throw accessErrors.bearerTokenRequired();
    return account;
  }

  return {
    /**
     * ACC-1: the answer is the same whether the address is new or known; only the mail differs
     * (a known address is told it has an account, a pending one gets a fresh activation link).
     */
    async register(input: Registration): Promise<void> {
      requireStrong(input.password, '/body/password');
      const email = normaliseEmail(input.email);
      // Hashed in every case, so that a known address answers as slowly as a new one.
      const passwordHash = await hashPassword(input.password);
      const language = input.language && isLanguage(input.language) ? input.language : 'de';
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const existing = await accounts.findByEmail(email);
        if (existing) {
          if (existing.state === 'active') {
            sendMail(existing.email, textsOf(existing).alreadyRegistered({ name: nameOf(existing), resetLink: pageLink(settings.publicUrl, ACCOUNT_PAGES.forgotPassword) }), 'already-registered');
          } else {
            // The first registration's password stays: whoever registers again cannot take over a pending account.
            const token = await issueLink(existing.id, 'activation', settings.activationValidMs);
            sendMail(existing.email, textsOf(existing).activationAgain({
              name: nameOf(existing), link: pageLink(settings.publicUrl, ACCOUNT_PAGES.activation, token), validHours: hours(settings.activationValidMs),
            }), 'activation-again');
          }
          return;
        }
        const account = {
          id: randomUUID(), kontoId: newKontoId(), email, firstName: input.firstName.trim(), lastName: input.lastName.trim(),
          language, passwordHash, createdAt: now(),
        };
        const outcome = await accounts.insert(account);
        if (outcome === 'konto-id-taken' || outcome === 'email-taken') continue;
        const token = await issueLink(account.id, 'activation', settings.activationValidMs);
        sendMail(email, textsOf(account).welcome({
          name: nameOf(account), kontoId: formatKontoId(account.kontoId),
          link: pageLink(settings.publicUrl, ACCOUNT_PAGES.activation, token), validHours: hours(settings.activationValidMs),
        }), 'welcome');
        return;
      }
      throw new Error('no free Konto-ID after 5 attempts');
    },

    /** ACC-3: the link of the registration mail, once. */
    async activate(token: string): Promise<void> {
      const link = await useLink(token, 'activation');
      const account = await accounts.findById(link.accountId);
      if (account && account.state === 'pending') await accounts.update(account.id, { state: 'active', activatedAt: now() });
    },

    /** ACC-4: answers alike for known and unknown addresses; only a known one gets a mail. */
    async requestPasswordReset(email: string): Promise<void> {
      const account = await accounts.findByEmail(normaliseEmail(email));
      if (!account) return;
      const token = await issueLink(account.id, 'password-reset', settings.passwordResetValidMs);
      sendMail(account.email, textsOf(account).passwordReset({
        name: nameOf(account), link: pageLink(settings.publicUrl, ACCOUNT_PAGES.passwordReset, token), validMinutes: minutes(settings.passwordResetValidMs),
      }), 'password-reset');
    },

    /** The new password from the reset link; every session ends. The mailbox is proved, so a pending account is activated too. */
    async completePasswordReset(token: string, newPassword: string): Promise<void> {
      requireStrong(newPassword, '/body/newPassword');
      const link = await useLink(token, 'password-reset');
      const account = await accounts.findById(link.accountId);
      if (!account) throw accountErrors.linkInvalid();
      await accounts.update(account.id, {
        passwordHash: await hashPassword(newPassword),
        ...(account.state === 'pending' ? { state: 'active' as const, activatedAt: now() } : {}),
      });
      await deps.revokeSessions(account.id);
    },

    async profile(accountId: string): Promise<AccountView> {
      return toAccountView(await accountOf(accountId));
    },

    /** ACC-5: name and postal address; `address: null` removes it. */
    async updateProfile(accountId: string, changes: { firstName?: string; lastName?: string; address?: PostalAddress | null }): Promise<AccountView> {
      await accountOf(accountId);
      await accounts.update(accountId, {
        ...(changes.firstName !== undefined ? { firstName: changes.firstName.trim() } : {}),
        ...(changes.lastName !== undefined ? { lastName: changes.lastName.trim() } : {}),
        ...(changes.address !== undefined ? { address: changes.address && { ...changes.address, country: changes.address.country || 'CH' } } : {}),
      });
      return toAccountView(await accountOf(accountId));
    },

    /**
     * ACC-5: needs the current password; the other sessions end, this one stays. An account opened
     * with AGOV has none to change: it sets its first one through the forgotten-password mail.
     */
    async changePassword(accountId: string, currentSessionId: string, currentPassword: string, newPassword: string): Promise<void> {
      const account = await accountOf(accountId);
      const stored = account.passwordHash;
      if (stored === null) throw accountErrors.passwordNotSet('/body/currentPassword', 'set a first one through the forgotten-password mail (POST /password-resets)');
      if (!await deps.attempts.verify(accountId, 'password', () => verifyPassword(stored, currentPassword))) throw accountErrors.wrongPassword('/body/currentPassword');
      requireStrong(newPassword, '/body/newPassword');
      await accounts.update(accountId, { passwordHash: await hashPassword(newPassword) });
      await deps.revokeSessions(accountId, currentSessionId);
    },

    /**
     * ACC-5: the new address gets a confirmation link and the old one is told; the account keeps
     * the old address until the link is followed. An address of another account gets a mail
     * saying so, and the answer is the same (no enumeration through e-mail changes either). The
     * password confirms it; an account without one confirms with a fresh AGOV login.
     */
    async requestEmailChange(session: AccountSession, newEmail: string, password: string | undefined): Promise<void> {
      const account = await accountOf(session.accountId);
      const accountId = account.id;
      await deps.confirmHolder(account, session, password, '/body/password');
      const email = normaliseEmail(newEmail);
      if (email === account.email) return;
      const owner = await accounts.findByEmail(email);
      if (owner) {
        sendMail(email, textsOf(account).emailTaken(), 'email-taken');
        return;
      }
      const token = await issueLink(accountId, 'email-change', settings.emailChangeValidMs, email);
      sendMail(email, textsOf(account).confirmNewEmail({
        name: nameOf(account), link: pageLink(settings.publicUrl, ACCOUNT_PAGES.emailChange, token), validHours: hours(settings.emailChangeValidMs),
      }), 'confirm-new-email');
      sendMail(account.email, textsOf(account).emailChangeRequested({ name: nameOf(account), newEmail: email }), 'email-change-requested');
    },

    async confirmEmailChange(token: string): Promise<void> {
      const link = await useLink(token, 'email-change');
      const account = await accounts.findById(link.accountId);
      if (!account || !link.newEmail) throw accountErrors.linkInvalid();
      const owner = await accounts.findByEmail(link.newEmail);
      if (owner && owner.id !== account.id) throw accountErrors.emailTaken();
      try {
        await accounts.update(account.id, { email: link.newEmail });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw accountErrors.emailTaken();
        throw error;
      }
      sendMail(account.email, textsOf(account).emailChanged({ name: nameOf(account), newEmail: link.newEmail }), 'email-changed');
    },
  };
}
