import type { Knex } from 'knex';

/** An external login linked to an account (INT-5): AGOV / e-ID today. */
export interface AccountIdentity {
  provider: string;
  subject: string;
  linkedAt: Date;
}

export type LinkOutcome = 'linked' | 'already-linked' | 'linked-elsewhere';

/** `account_identities`: one (provider, subject) belongs to one account at most (its primary key). */
export interface AccountIdentitiesRepository {
  accountOf(provider: string, subject: string, trx?: Knex): Promise<string | undefined>;
  list(accountId: string, trx?: Knex): Promise<AccountIdentity[]>;
  /** Links the identity to the account; an identity linked elsewhere stays where it is. */
  link(accountId: string, provider: string, subject: string, at: Date, trx?: Knex): Promise<LinkOutcome>;
  /** Removes the account's identities of the provider; false when it had none. */
  unlink(accountId: string, provider: string, trx?: Knex): Promise<boolean>;
}

export function createAccountIdentitiesRepository(db: Knex): AccountIdentitiesRepository {
  return {
    async accountOf(provider, subject, trx = db) {
      const row = await trx('account_identities').where({ provider, subject }).first('account_id');
      return row ? (row.account_id as string) : undefined;
    },

    async list(accountId, trx = db) {
      const rows = await trx('account_identities').where({ account_id: accountId }).orderBy('linked_at');
      return rows.map((row: Record<string, unknown>) => ({
        provider: row.provider as string, subject: row.subject as string, linkedAt: new Date(row.linked_at as string),
      }));
    },

    async link(accountId, provider, subject, at, trx = db) {
      const inserted = await trx('account_identities')
        .insert({ account_id: accountId, provider, subject, linked_at: at })
        .onConflict(['provider', 'subject']).ignore()
        .returning('account_id');
      if (inserted.length > 0) return 'linked';
      return (await this.accountOf(provider, subject, trx)) === accountId ? 'already-linked' : 'linked-elsewhere';
    },

    async unlink(accountId, provider, trx = db) {
      return (await trx('account_identities').where({ account_id: accountId, provider }).delete()) > 0;
    },
  };
}
