import type { Knex } from 'knex';

/** A stored AGOV hand-off: its kind in clear, the rest sealed by the caller. */
export interface StoredHandOff {
  kind: string;
  body: string;
}

/** The one-time codes of AGOV logins, by SHA-256 of the code, shared by every API instance. */
export interface AgovHandOffsRepository {
  insert(handOff: { codeHash: string; kind: string; body: string; expiresAt: Date }): Promise<void>;
  /** The hand-off of a code not yet used nor expired, left in place. */
  find(codeHash: string, at: Date): Promise<StoredHandOff | undefined>;
  /** Uses the code up: answers its hand-off to one caller only, and undefined to every other. */
  take(codeHash: string, at: Date): Promise<StoredHandOff | undefined>;
  /** Removes the expired codes; answers how many. */
  deleteExpired(at: Date): Promise<number>;
}

export function createAgovHandOffsRepository(db: Knex): AgovHandOffsRepository {
  return {
    async insert(handOff) {
      await db('agov_hand_offs').insert({ code_hash: handOff.codeHash, kind: handOff.kind, body: handOff.body, expires_at: handOff.expiresAt });
    },

    async find(codeHash, at) {
      const row = await db('agov_hand_offs').where({ code_hash: codeHash }).where('expires_at', '>', at).first('kind', 'body');
      return row ? { kind: row.kind as string, body: row.body as string } : undefined;
    },

    async take(codeHash, at) {
      const [row] = await db('agov_hand_offs').where({ code_hash: codeHash }).where('expires_at', '>', at).delete().returning(['kind', 'body']);
      return row ? { kind: row.kind as string, body: row.body as string } : undefined;
    },

    async deleteExpired(at) {
      // Raw, for the count: the embedded database's knex client does not answer one for a builder's delete.
      const { rowCount } = await db.raw<{ rowCount: number | null }>('delete from agov_hand_offs where expires_at <= ?', [at]);
      return rowCount ?? 0;
    },
  };
}
