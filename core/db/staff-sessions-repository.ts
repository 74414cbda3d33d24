import type { Knex } from 'knex';

/** What the staff directory says of a member, as a session keeps it. */
export interface StaffClaims {
  name: string;
  organisation: string;
  organisationKind: 'municipality' | 'institution';
  municipalities: string[];
  roles: string[];
  groups: string[];
}

export interface StaffSessionRow {
  id: string;
  staffId: string;
  claims: StaffClaims;
  /** The directory's refresh token, sealed; null when the directory gave none. */
  refreshToken: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  checkedAt: Date;
  expiresAt: Date;
}

export interface NewStaffSession {
  id: string;
  tokenHash: string;
  staffId: string;
  claims: StaffClaims;
  refreshToken: string | null;
  userAgent: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Staff sessions (migration 021): found by the hash of their token, live until revoked, idle or expired. */
export interface StaffSessionsRepository {
  insert(session: NewStaffSession): Promise<void>;
  /** The session of the token if it is neither revoked nor expired, and was used after `idleSince`. */
  liveByToken(tokenHash: string, now: Date, idleSince: Date): Promise<StaffSessionRow | undefined>;
  touch(id: string, at: Date): Promise<void>;
  /**
   * Claims the session's next check with the directory: true for the one caller (of all API
   * instances) that moved `checked_at` from what it read; the others go on with the claims they have.
   */
  claimCheck(id: string, checkedAt: Date, at: Date): Promise<boolean>;
  /** What the directory answered: the member's claims now, and the refresh token to use next. */
  confirm(id: string, claims: StaffClaims, refreshToken: string | null): Promise<void>;
  /** Ends the session; its refresh token is forgotten. */
  revoke(id: string, at: Date): Promise<void>;
  /** Deletes the sessions that have ended (revoked, expired or idle); answers how many. */
  deleteEnded(now: Date, idleSince: Date): Promise<number>;
}

const parseClaims = (value: unknown): StaffClaims => (typeof value === 'string' ? JSON.parse(value) as StaffClaims : value as StaffClaims);

function toSession(row: Record<string, unknown>): StaffSessionRow {
  return {
    id: row.id as string,
    staffId: row.staff_id as string,
    claims: parseClaims(row.claims),
    refreshToken: (row.refresh_token as string | null) ?? null,
    createdAt: new Date(row.created_at as string),
    lastSeenAt: new Date(row.last_seen_at as string),
    checkedAt: new Date(row.checked_at as string),
    expiresAt: new Date(row.expires_at as string),
  };
}

export function createStaffSessionsRepository(db: Knex): StaffSessionsRepository {
  return {
    async insert(session) {
      await db('staff_sessions').insert({
        id: session.id, token_hash: session.tokenHash, staff_id: session.staffId, claims: JSON.stringify(session.claims),
        refresh_token: session.refreshToken, user_agent: session.userAgent, created_at: session.createdAt,
        last_seen_at: session.createdAt, checked_at: session.createdAt, expires_at: session.expiresAt,
      });
    },

    async liveByToken(tokenHash, now, idleSince) {
      const row = await db('staff_sessions').where({ token_hash: tokenHash }).whereNull('revoked_at')
        .where('expires_at', '>', now).where('last_seen_at', '>', idleSince).first();
      return row ? toSession(row) : undefined;
    },

    async touch(id, at) {
      await db('staff_sessions').where({ id }).where('last_seen_at', '<', at).update({ last_seen_at: at });
    },

    async claimCheck(id, checkedAt, at) {
      return (await db('staff_sessions').where({ id, checked_at: checkedAt }).whereNull('revoked_at').update({ checked_at: at })) === 1;
    },

    async confirm(id, claims, refreshToken) {
      await db('staff_sessions').where({ id }).whereNull('revoked_at').update({ claims: JSON.stringify(claims), refresh_token: refreshToken });
    },

    async revoke(id, at) {
      await db('staff_sessions').where({ id }).whereNull('revoked_at').update({ revoked_at: at, refresh_token: null });
    },

    async deleteEnded(now, idleSince) {
      return db('staff_sessions')
        .where((ended) => ended.whereNotNull('revoked_at').orWhere('expires_at', '<=', now).orWhere('last_seen_at', '<=', idleSince))
        .delete();
    },
  };
}
