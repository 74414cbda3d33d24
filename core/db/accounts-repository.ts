import type { Knex } from 'knex';
import { isSealed, SEALED_PREFIX, type SecretBox } from './secret-box.ts';

export interface PostalAddress {
  street: string;
  postalCode: string;
  town: string;
  country: string;
}

export interface AccountRow {
  id: string;
  kontoId: string;
  email: string;
  firstName: string;
  lastName: string;
  address: PostalAddress | null;
  language: string;
  passwordHash: string | null;
  state: 'pending' | 'active';
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  createdAt: Date;
  activatedAt: Date | null;
  lastLoginAt: Date | null;
}

export type LinkPurpose = 'activation' | 'password-reset' | 'email-change' | 'deletion';

export interface LinkTokenRow {
  accountId: string;
  purpose: LinkPurpose;
  newEmail: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface SessionRow {
  id: string;
  accountId: string;
  method: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface NewAccount {
  id: string;
  kontoId: string;
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  /** Null for an account opened with AGOV: it has no password until one is set via the forgotten-password mail. */
  passwordHash: string | null;
  createdAt: Date;
  /** Given for an account whose address is verified already (AGOV): it is active at once; else it waits for its activation link. */
  activatedAt?: Date;
}

export type AccountChanges = Partial<Pick<AccountRow, 'firstName' | 'lastName' | 'address' | 'email' | 'passwordHash' | 'state' | 'activatedAt' | 'lastLoginAt' | 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'>>;

/** Accounts, their link tokens and sessions; every method takes an optional transaction. */
export interface AccountsRepository {
  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  insert(account: NewAccount, trx?: Knex): Promise<'inserted' | 'email-taken' | 'konto-id-taken'>;
  findById(id: string, trx?: Knex): Promise<AccountRow | undefined>;
  findByEmail(email: string, trx?: Knex): Promise<AccountRow | undefined>;
  update(id: string, changes: AccountChanges, trx?: Knex): Promise<void>;
  /** Moves the TOTP step forward only if it is newer than the last accepted one; false means a replayed code. */
  advanceTotpStep(id: string, step: number, trx?: Knex): Promise<boolean>;

  insertLinkToken(token: { tokenHash: string; accountId: string; purpose: LinkPurpose; newEmail?: string; createdAt: Date; expiresAt: Date }, trx?: Knex): Promise<void>;
  /** Marks the token used and answers it, or undefined when it is unknown, of another purpose or already used. */
  consumeLinkToken(tokenHash: string, purpose: LinkPurpose, at: Date, trx?: Knex): Promise<LinkTokenRow | undefined>;
  /** Earlier unused links of the purpose stop working when a new one is sent. */
  retireLinkTokens(accountId: string, purpose: LinkPurpose, at: Date, trx?: Knex): Promise<void>;

  /** `agovBirthdate`: the birth date AGOV gave at this login, stored sealed with the session for pre-filling only. */
  insertSession(session: { id: string; accountId: string; tokenHash: string; method: string; userAgent: string | null; createdAt: Date; expiresAt: Date; agovBirthdate?: string | null }, trx?: Knex): Promise<void>;
  /** The live session of a token: not revoked, not past its absolute expiry, seen since `idleSince`. */
  liveSessionByToken(tokenHash: string, now: Date, idleSince: Date): Promise<SessionRow | undefined>;
  touchSession(id: string, at: Date): Promise<void>;
  liveSessions(accountId: string, now: Date, idleSince: Date): Promise<SessionRow[]>;
  /** Revokes one of the account's sessions; false when it has no such live session. Its AGOV birth date goes with it. */
  revokeSession(accountId: string, sessionId: string, at: Date): Promise<boolean>;
  /** Revokes all the account's sessions, except `keep`, and forgets their AGOV birth dates. */
  revokeSessions(accountId: string, at: Date, keep?: string, trx?: Knex): Promise<number>;
  /** The AGOV birth date of a live session (see liveSessionByToken), or null. */
  sessionBirthdate(sessionId: string, now: Date, idleSince: Date): Promise<string | null>;
  /** Forgets the AGOV birth dates of sessions that have ended (revoked, expired, idle); answers how many. */
  forgetEndedSessionBirthdates(now: Date, idleSince: Date): Promise<number>;

  /**
   * Encrypts the TOTP secrets still stored in clear (written before they were encrypted); answers
   * how many accounts it changed. Idempotent, and a value changed meanwhile is left to its writer.
   */
  sealClearTotpSecrets(): Promise<number>;
}

const ACCOUNT_COLUMNS = {
  id: 'id', kontoId: 'konto_id', email: 'email', firstName: 'first_name', lastName: 'last_name', address: 'address',
  language: 'language', passwordHash: 'password_hash', state: 'state', totpSecret: 'totp_secret',
  totpPendingSecret: 'totp_pending_secret', totpLastStep: 'totp_last_step', createdAt: 'created_at',
  activatedAt: 'activated_at', lastLoginAt: 'last_login_at',
} as const;

/** TOTP secrets of one account are sealed for that account: a value copied into another row does not open. */
const totpContext = (accountId: string) => `totp:${accountId}`;
/** An AGOV birth date is sealed for its session: copied into another session's row, it does not open. */
const birthdateContext = (sessionId: string) => `agov-birthdate:${sessionId}`;

/** A stored TOTP secret: sealed, or in clear if written before encryption (read both, see sealClearTotpSecrets). */
function revealTotp(secrets: SecretBox, accountId: string, stored: unknown): string | null {
  if (stored === null || stored === undefined) return null;
  const value = stored as string;
  return isSealed(value) ? secrets.open(value, totpContext(accountId)) : value;
}

function toAccount(row: Record<string, unknown>, secrets: SecretBox): AccountRow {
  return {
    id: row.id as string,
    kontoId: row.konto_id as string,
    email: row.email as string,
    firstName: row.first_name as string,
    lastName: row.last_name as string,
    address: (row.address as PostalAddress | null) ?? null,
    language: row.language as string,
    passwordHash: (row.password_hash as string | null) ?? null,
    state: row.state as AccountRow['state'],
    totpSecret: revealTotp(secrets, row.id as string, row.totp_secret),
    totpPendingSecret: revealTotp(secrets, row.id as string, row.totp_pending_secret),
    totpLastStep: row.totp_last_step == null ? null : Number(row.totp_last_step),
    createdAt: new Date(row.created_at as string),
    activatedAt: row.activated_at ? new Date(row.activated_at as string) : null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at as string) : null,
  };
}

function toSession(row: Record<string, unknown>): SessionRow {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    method: row.method as string,
    userAgent: (row.user_agent as string | null) ?? null,
    createdAt: new Date(row.created_at as string),
    lastSeenAt: new Date(row.last_seen_at as string),
    expiresAt: new Date(row.expires_at as string),
  };
}

const isUniqueViolation = (error: unknown): error is { constraint?: string } =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/** Accounts over `db`; the TOTP secrets are encrypted with `secrets` (ACCOUNT_SECRETS_KEY) before they are written. */
export function createAccountsRepository(db: Knex, secrets: SecretBox): AccountsRepository {
  const live = (q: Knex, now: Date, idleSince: Date) =>
    q('account_sessions').whereNull('revoked_at').where('expires_at', '>', now).where('last_seen_at', '>', idleSince);
  return {
    transaction: (work) => db.transaction(work),

    async insert(account, trx = db) {
      try {
        // A savepoint, so that a refused insert does not abort the caller's transaction.
        await trx.transaction(async (inner) => {
          await inner('accounts').insert({
            id: account.id, konto_id: account.kontoId, email: account.email, first_name: account.firstName,
            last_name: account.lastName, language: account.language, password_hash: account.passwordHash,
            state: account.activatedAt ? 'active' : 'pending', created_at: account.createdAt,
            ...(account.activatedAt ? { activated_at: account.activatedAt } : {}),
          });
        });
        return 'inserted';
      } catch (error) {
        if (isUniqueViolation(error)) return error.constraint === 'accounts_email_unique' ? 'email-taken' : 'konto-id-taken';
        throw error;
      }
    },

    async findById(id, trx = db) {
      const row = await trx('accounts').where({ id }).first();
      return row ? toAccount(row, secrets) : undefined;
    },

    async findByEmail(email, trx = db) {
      const row = await trx('accounts').whereRaw('lower(email) = lower(?)', [email]).first();
      return row ? toAccount(row, secrets) : undefined;
    },

    async update(id, changes, trx = db) {
      const values: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(changes)) {
        const column = ACCOUNT_COLUMNS[key as keyof typeof ACCOUNT_COLUMNS];
        if (key === 'address' && value !== null) values[column] = JSON.stringify(value);
        else if ((key === 'totpSecret' || key === 'totpPendingSecret') && typeof value === 'string') values[column] = secrets.seal(value, totpContext(id));
        else values[column] = value;
      }
      if (Object.keys(values).length > 0) await trx('accounts').where({ id }).update(values);
    },

    async advanceTotpStep(id, step, trx = db) {
      const updated = await trx('accounts').where({ id })
        .where((q) => q.whereNull('totp_last_step').orWhere('totp_last_step', '<', step))
        .update({ totp_last_step: step });
      return updated === 1;
    },

    async insertLinkToken(token, trx = db) {
      await trx('account_tokens').insert({
        token_hash: token.tokenHash, account_id: token.accountId, purpose: token.purpose, new_email: token.newEmail ?? null,
        created_at: token.createdAt, expires_at: token.expiresAt,
      });
    },

    async consumeLinkToken(tokenHash, purpose, at, trx = db) {
      // One statement: two clicks racing on the same link cannot both use it.
      const [row] = await trx('account_tokens').where({ token_hash: tokenHash, purpose }).whereNull('used_at')
        .update({ used_at: at }).returning(['account_id', 'purpose', 'new_email', 'expires_at', 'used_at']);
      if (!row) return undefined;
      return {
        accountId: row.account_id, purpose: row.purpose, newEmail: row.new_email ?? null,
        expiresAt: new Date(row.expires_at), usedAt: new Date(row.used_at),
      };
    },

    async retireLinkTokens(accountId, purpose, at, trx = db) {
      await trx('account_tokens').where({ account_id: accountId, purpose }).whereNull('used_at').update({ used_at: at });
    },

    async insertSession(session, trx = db) {
      await trx('account_sessions').insert({
        id: session.id, account_id: session.accountId, token_hash: session.tokenHash, method: session.method,
        user_agent: session.userAgent, created_at: session.createdAt, last_seen_at: session.createdAt, expires_at: session.expiresAt,
        agov_birthdate: session.agovBirthdate ? secrets.seal(session.agovBirthdate, birthdateContext(session.id)) : null,
      });
    },

    async liveSessionByToken(tokenHash, now, idleSince) {
      const row = await live(db, now, idleSince).where({ token_hash: tokenHash }).first();
      return row ? toSession(row) : undefined;
    },

    async touchSession(id, at) {
      await db('account_sessions').where({ id }).where('last_seen_at', '<', at).update({ last_seen_at: at });
    },

    async liveSessions(accountId, now, idleSince) {
      const rows = await live(db, now, idleSince).where({ account_id: accountId }).orderBy('created_at', 'desc');
      return rows.map(toSession);
    },

    async revokeSession(accountId, sessionId, at) {
      const updated = await db('account_sessions').where({ id: sessionId, account_id: accountId }).whereNull('revoked_at')
        .update({ revoked_at: at, agov_birthdate: null });
      return updated === 1;
    },

    async revokeSessions(accountId, at, keep, trx = db) {
      const query = trx('account_sessions').where({ account_id: accountId }).whereNull('revoked_at');
      if (keep) query.whereNot({ id: keep });
      return query.update({ revoked_at: at, agov_birthdate: null });
    },

    async sessionBirthdate(sessionId, now, idleSince) {
      const row = await live(db, now, idleSince).where({ id: sessionId }).whereNotNull('agov_birthdate').first('agov_birthdate');
      return row ? secrets.open(row.agov_birthdate as string, birthdateContext(sessionId)) : null;
    },

    async forgetEndedSessionBirthdates(now, idleSince) {
      return db('account_sessions').whereNotNull('agov_birthdate')
        .where((q) => q.whereNotNull('revoked_at').orWhere('expires_at', '<=', now).orWhere('last_seen_at', '<=', idleSince))
        .update({ agov_birthdate: null });
    },

    async sealClearTotpSecrets() {
      const clear = (column: string) => (q: Knex.QueryBuilder) => q.whereNotNull(column).whereNot(column, 'like', `${SEALED_PREFIX}%`);
      const rows = await db('accounts').where((q) => q.where(clear('totp_secret')).orWhere(clear('totp_pending_secret')))
        .select('id', 'totp_secret', 'totp_pending_secret');
      let sealed = 0;
      for (const row of rows as { id: string; totp_secret: string | null; totp_pending_secret: string | null }[]) {
        const changes: Record<string, string> = {};
        for (const column of ['totp_secret', 'totp_pending_secret'] as const) {
          const value = row[column];
          if (value !== null && !isSealed(value)) changes[column] = secrets.seal(value, totpContext(row.id));
        }
        // Only if both columns still hold what was read: a login or enrolment in between wrote its own values.
        const updated = await db('accounts').where({ id: row.id, totp_secret: row.totp_secret, totp_pending_secret: row.totp_pending_secret })
          .update(changes);
        sealed += updated;
      }
      return sealed;
    },
  };
}
