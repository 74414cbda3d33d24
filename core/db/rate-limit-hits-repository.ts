import type { Knex } from 'knex';

/** Where a key stands in its window. */
export interface RateLimitCount {
  hits: number;
  windowEndsAt: Date;
}

/** The login, registration and reset counters that every API instance shares (fixed windows). */
export interface RateLimitHitsRepository {
  /** Counts one hit of `key`: the first one after a window has passed starts a new window of `windowMs`. */
  hit(key: string, windowMs: number, at: Date): Promise<RateLimitCount>;
  /** The count of `key` without counting; undefined when it has none in a running window. */
  read(key: string, at: Date): Promise<RateLimitCount | undefined>;
  /** Removes the rows whose window has passed; answers how many. */
  deleteExpired(at: Date): Promise<number>;
}

const toCount = (row: { hits: number | string; window_ends_at: Date | string }): RateLimitCount =>
  ({ hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) });

export function createRateLimitHitsRepository(db: Knex): RateLimitHitsRepository {
  return {
    async hit(key, windowMs, at) {
      // One statement: two instances counting the same key at once both count.
      const { rows } = await db.raw<{ rows: { hits: number; window_ends_at: Date }[] }>(`
        insert into rate_limit_hits as h (key, hits, window_ends_at) values (?, 1, ?)
        on conflict (key) do update set
          hits = case when h.window_ends_at <= ? then 1 else h.hits + 1 end,
          window_ends_at = case when h.window_ends_at <= ? then excluded.window_ends_at else h.window_ends_at end
        returning hits, window_ends_at`, [key, new Date(at.getTime() + windowMs), at, at]);
      return toCount(rows[0]!);
    },

    async read(key, at) {
      const row = await db('rate_limit_hits').where({ key }).where('window_ends_at', '>', at).first('hits', 'window_ends_at');
      return row ? toCount(row) : undefined;
    },

    async deleteExpired(at) {
      // Raw, for the count: the embedded database's knex client does not answer one for a builder's delete.
      const { rowCount } = await db.raw<{ rowCount: number | null }>('delete from rate_limit_hits where window_ends_at <= ?', [at]);
      return rowCount ?? 0;
    },
  };
}
