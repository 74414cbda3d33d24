import type { Knex } from 'knex';

/** Wrong checks of one secret of one account in the window that began with the first of them. */
export interface SecretFailures {
  failures: number;
  windowEndsAt: Date;
}

/** The per-account counts of wrong password and TOTP checks behind a session, shared by every API instance. */
export interface SecretFailuresRepository {
  /**
   * Counts one check of the secret before it runs, so that checks racing on several instances
   * cannot all pass the limit; a passed window starts afresh at 1, with a new window of `windowMs`.
   */
  count(accountId: string, secret: string, windowMs: number, at: Date): Promise<SecretFailures>;
  /** Takes back a check counted in advance that was not a wrong one (it failed to run). */
  uncount(accountId: string, secret: string): Promise<void>;
  /** A right secret: the count starts afresh. */
  clear(accountId: string, secret: string): Promise<void>;
  /** Removes the rows whose window has passed; answers how many. */
  deleteExpired(at: Date): Promise<number>;
}

export function createSecretFailuresRepository(db: Knex): SecretFailuresRepository {
  return {
    async count(accountId, secret, windowMs, at) {
      const { rows } = await db.raw<{ rows: { failures: number; window_ends_at: Date }[] }>(`
        insert into account_secret_failures as f (account_id, secret, failures, window_ends_at) values (?, ?, 1, ?)
        on conflict (account_id, secret) do update set
          failures = case when f.window_ends_at <= ? then 1 else f.failures + 1 end,
          window_ends_at = case when f.window_ends_at <= ? then excluded.window_ends_at else f.window_ends_at end
        returning failures, window_ends_at`, [accountId, secret, new Date(at.getTime() + windowMs), at, at]);
      const row = rows[0]!;
      return { failures: Number(row.failures), windowEndsAt: new Date(row.window_ends_at) };
    },

    async uncount(accountId, secret) {
      await db('account_secret_failures').where({ account_id: accountId, secret }).where('failures', '>', 0).decrement('failures', 1);
    },

    async clear(accountId, secret) {
      await db('account_secret_failures').where({ account_id: accountId, secret }).delete();
    },

    async deleteExpired(at) {
      // Raw, for the count: the embedded database's knex client does not answer one for a builder's delete.
      const { rowCount } = await db.raw<{ rowCount: number | null }>('delete from account_secret_failures where window_ends_at <= ?', [at]);
      return rowCount ?? 0;
    },
  };
}
