import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { SecretBoxError, type SecretBox } from '../db/secret-box.ts';
import { hashToken, newSecretToken } from '../accounts/secret-tokens.ts';
import type { StaffClaims, StaffSessionsRepository } from '../db/staff-sessions-repository.ts';

/** A logged-in staff member: who, and what the directory says of them. */
export interface StaffSession extends StaffClaims {
  /** The directory's identifier of the member (the ID token's `sub`). */
  id: string;
  sessionId: string;
}

/** A staff member as the directory describes them at login or when asked again. */
export interface StaffMember extends StaffClaims {
  id: string;
  email: string | null;
}

/**
 * Asks the directory again about the member behind a refresh token: `confirmed` with what it says
 * now, `refused` when it no longer knows the member or the grant (disabled, logged out there),
 * `unreachable` when it could not be asked.
 */
export type AskDirectory = (refreshToken: string) => Promise<
  | { outcome: 'confirmed'; member: StaffMember; refreshToken: string | null }
  | { outcome: 'refused' }
  | { outcome: 'unreachable' }
>;

export interface StaffSessionSettings {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after login, used or not. */
  maxMs: number;
  /** How often the directory is asked again whether the member is still there and with which roles. */
  recheckMs: number;
}

export type StaffSessions = ReturnType<typeof createStaffSessions>;

/** What a session keeps of a member: all the directory says but who they are and their address. */
function claimsOf(member: StaffMember): StaffClaims {
  const { id: _id, email: _email, ...claims } = member;
  return claims;
}

const sameClaims = (a: StaffClaims, b: StaffClaims): boolean =>
  a.name === b.name && a.organisation === b.organisation && a.organisationKind === b.organisationKind
  && [a.municipalities, a.roles, a.groups].every((list, i) => list.join('\n') === [b.municipalities, b.roles, b.groups][i]?.join('\n'));

// Writing last_seen_at on every request would make each read a write; a minute is precise enough for idle expiry.
const TOUCH_EVERY_MS = 60_000;
const TOKEN_PREFIX = 'gpm';

/**
 * Staff sessions kept on the server: the cookie holds a random token, the table its hash and the
 * directory's claims. Logout revokes at once; a session unused for `idleMs` or older than `maxMs`
 * ends; every `recheckMs` the directory is asked again with its refresh token, so changed roles
 * apply and a member the directory refuses is logged out.
 */
export function createStaffSessions(deps: {
  sessions: StaffSessionsRepository;
  secrets: SecretBox;
  /** Without it (a directory that issues no refresh tokens) the claims of the login hold until the session ends. */
  askDirectory?: AskDirectory;
  /** Keeps a changed answer of the directory for what reads members outside a session (digests, colleagues). */
  redescribe: (member: StaffMember) => Promise<void>;
  settings: StaffSessionSettings;
  now: () => Date;
  logger: Logger;
}) {
  const { sessions, secrets, settings, now, logger } = deps;
  const idleSince = (at: Date) => new Date(at.getTime() - settings.idleMs);
  // Bound to the session: a sealed token copied into another row does not open there.
  const context = (sessionId: string) => `staff-refresh-token:${sessionId}`;

  function openRefreshToken(sessionId: string, sealed: string): string | undefined {
    try {
      return secrets.open(sealed, context(sessionId));
    } catch (error) {
      if (error instanceof SecretBoxError) return undefined;
      throw error;
    }
  }

  /** The claims as the directory says them now, or undefined when the session has to end. */
  async function recheck(row: { id: string; staffId: string; claims: StaffClaims; refreshToken: string | null; checkedAt: Date }, at: Date): Promise<StaffClaims | undefined> {
    if (!deps.askDirectory || row.refreshToken === null) return row.claims;
    if (!await sessions.claimCheck(row.id, row.checkedAt, at)) return row.claims;
    const refreshToken = openRefreshToken(row.id, row.refreshToken);
    if (refreshToken === undefined) {
      // Sealed under a key no longer configured, or not this session's: the member logs in again.
      await sessions.revoke(row.id, at);
      logger.warn({ staffId: row.staffId }, 'staff session ended: its refresh token cannot be opened with the configured keys');
      return undefined;
    }
    const answer = await deps.askDirectory(refreshToken);
    if (answer.outcome === 'unreachable') {
      logger.warn({ staffId: row.staffId }, 'staff directory not reachable; the session keeps the roles it has until the next check');
      return row.claims;
    }
    if (answer.outcome === 'refused' || answer.member.id !== row.staffId) {
      await sessions.revoke(row.id, at);
      logger.info({ staffId: row.staffId }, 'staff session ended: the directory no longer confirms the member');
      return undefined;
    }
    const claims = claimsOf(answer.member);
    if (!sameClaims(claims, row.claims)) await deps.redescribe(answer.member);
    await sessions.confirm(row.id, claims, answer.refreshToken === null ? row.refreshToken : secrets.seal(answer.refreshToken, context(row.id)));
    return claims;
  }

  return {
    /** A new session for the member; the token goes into the cookie and nowhere else. */
    async start(member: StaffMember, refreshToken: string | undefined, userAgent: string | undefined): Promise<{ token: string; session: StaffSession }> {
      const at = now();
      const token = newSecretToken(TOKEN_PREFIX);
      const id = randomUUID();
      const claims = claimsOf(member);
      const staffId = member.id;
      await sessions.insert({
        id, tokenHash: hashToken(token), staffId, claims, refreshToken: refreshToken ? secrets.seal(refreshToken, context(id)) : null,
        userAgent: userAgent?.slice(0, 200) ?? null, createdAt: at, expiresAt: new Date(at.getTime() + settings.maxMs),
      });
      return { token, session: { ...claims, id: staffId, sessionId: id } };
    },

    /** The session of a cookie's token, or undefined when it is unknown, revoked, idle, expired or refused by the directory. */
    async authenticate(token: string): Promise<StaffSession | undefined> {
      if (!token.startsWith(`${TOKEN_PREFIX}_`)) return undefined;
      const at = now();
      const row = await sessions.liveByToken(hashToken(token), at, idleSince(at));
      if (!row) return undefined;
      const claims = at.getTime() - row.checkedAt.getTime() >= settings.recheckMs ? await recheck(row, at) : row.claims;
      if (!claims) return undefined;
      if (at.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await sessions.touch(row.id, at);
      return { ...claims, id: row.staffId, sessionId: row.id };
    },

    /** Logout: the session ends at once, on every API instance. */
    async end(sessionId: string): Promise<void> {
      await sessions.revoke(sessionId, now());
    },

    /** Deletes ended sessions; run periodically. */
    async sweep(): Promise<number> {
      const at = now();
      return sessions.deleteEnded(at, idleSince(at));
    },
  };
}
