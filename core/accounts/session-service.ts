import { randomUUID } from 'node:crypto';
import type { AccountRow, AccountsRepository, SessionRow } from '../db/accounts-repository.ts';
import { accountErrors } from '../errors/account-errors.ts';
import { normaliseEmail } from './email-address.ts';
import { verifyPassword } from './passwords.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import { acceptedTotpStep } from './totp.ts';

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after login, used or not. */
  maxMs: number;
}

/** Who a session token stands for. */
export interface AccountSession {
  accountId: string;
  sessionId: string;
  /** How the session was opened: 'password', 'password+totp' or 'agov'. */
  method: string;
  /** When it was opened, i.e. when its holder last proved who they are. */
  authenticatedAt: Date;
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

export type SessionService = ReturnType<typeof createSessionService>;

// Writing last_seen_at on every request would make each read a write; a minute is precise enough for idle expiry.
const TOUCH_EVERY_MS = 60_000;

/**
 * Checks a TOTP code of an account with the second factor on; a code is accepted once only.
 * Shared by login and by switching the second factor off.
 */
export async function checkTotpCode(accounts: AccountsRepository, account: AccountRow, secret: string, code: string, now: Date): Promise<boolean> {
  const step = acceptedTotpStep(secret, code, now);
  return step !== undefined && accounts.advanceTotpStep(account.id, step);
}

/** Login, revocable sessions with idle and absolute expiry, logout. */
export function createSessionService(deps: { accounts: AccountsRepository; settings: SessionSettings; now: () => Date }) {
  const { accounts, settings, now } = deps;
  const idleSince = (at: Date) => new Date(at.getTime() - settings.idleMs);
  const view = (session: SessionRow, currentId: string): SessionView => ({
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: new Date(Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + settings.idleMs)).toISOString(),
    userAgent: session.userAgent,
    current: session.id === currentId,
  });

  return {
    /**
     * Only an activated account logs in. An unknown address and a wrong password get the same
     * answer after the same work (a dummy hash is verified for an unknown address).
     */
    async login(input: { email: string; password: string; code?: string | undefined; userAgent?: string | undefined }): Promise<{ token: string; session: SessionView; accountId: string }> {
      const account = await accounts.findByEmail(normaliseEmail(input.email));
      const matches = await verifyPassword(account?.passwordHash ?? undefined, input.password);
      if (!account || !matches) throw accountErrors.invalidCredentials();
      if (account.state !== 'active') throw accountErrors.notActivated();
      const at = now();
      if (account.totpSecret) {
        if (!input.code) throw accountErrors.secondFactorRequired();
        if (!await checkTotpCode(accounts, account, account.totpSecret, input.code, at)) throw accountErrors.secondFactorInvalid();
      }
      const token = newSecretToken('gps');
      const session = {
        id: randomUUID(), accountId: account.id, tokenHash: hashToken(token), method: account.totpSecret ? 'password+totp' : 'password',
        userAgent: input.userAgent?.slice(0, 200) ?? null, createdAt: at, expiresAt: new Date(at.getTime() + settings.maxMs),
      };
      await accounts.insertSession(session);
      await accounts.update(account.id, { lastLoginAt: at });
      return { token, accountId: account.id, session: view({ ...session, lastSeenAt: at }, session.id) };
    },

    /** The session a bearer token stands for, or undefined when it is unknown, revoked or expired. */
    async authenticate(token: string): Promise<AccountSession | undefined> {
      if (!token.startsWith('gps_')) return undefined;
      const at = now();
      const session = await accounts.liveSessionByToken(hashToken(token), at, idleSince(at));
      if (!session) return undefined;
      if (at.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await accounts.touchSession(session.id, at);
      return { accountId: session.accountId, sessionId: session.id, method: session.method, authenticatedAt: session.createdAt };
    },

    async list(current: Pick<AccountSession, 'accountId' | 'sessionId'>): Promise<SessionView[]> {
      const at = now();
      return (await accounts.liveSessions(current.accountId, at, idleSince(at))).map((session) => view(session, current.sessionId));
    },

    /** Another session of the same account, or this one; another account's session answers as unknown. */
    async revoke(current: Pick<AccountSession, 'accountId'>, sessionId: string): Promise<void> {
      if (!await accounts.revokeSession(current.accountId, sessionId, now())) throw accountErrors.sessionNotFound();
    },

    async revokeAll(accountId: string, keep?: string): Promise<void> {
      await accounts.revokeSessions(accountId, now(), keep);
    },
  };
}
