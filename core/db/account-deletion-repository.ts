import type { Knex } from 'knex';
import type { LifecycleDates } from '../accounts/lifecycle-rules.ts';

/** An account as the deletion and the lifecycle need it: whom to write to, and its dates. */
export interface LifecycleAccount extends LifecycleDates {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  state: 'pending' | 'active';
}

/** Limits a lifecycle run to some accounts (tests on a shared database); the worker runs unlimited. */
export interface LifecycleScope {
  accountIds?: readonly string[];
}

/** What holds a self-deletion back (ACC-6). */
export interface DeletionBlockers {
  /** Personal cases whose process instance has not ended. */
  pendingCases: number;
  /** Organisations with other members where the account is the only manager. */
  lastManagerOf: { id: string; name: string }[];
}

/** An organisation whose only manager went, and the member who became its manager in their place. */
export interface HandedOnManagement {
  organisationId: string;
  organisationName: string;
  successor: { id: string; email: string; firstName: string; lastName: string; language: string };
}

/** Reads and deletes for ACC-6…8; every write takes an optional transaction. */
export interface AccountDeletionRepository {
  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  find(accountId: string, trx?: Knex): Promise<LifecycleAccount | undefined>;
  /** The account, locked until the transaction ends: a login cannot slip between the check and the deletion. */
  lock(accountId: string, trx: Knex.Transaction): Promise<LifecycleAccount | undefined>;
  /** Accounts that may be due at the cut-offs (a superset; the rule decides), oldest first. */
  candidates(cutoffs: { neverUsedCreatedBefore: Date; lastLoginBefore: Date }, limit: number, scope?: LifecycleScope): Promise<LifecycleAccount[]>;
  blockers(accountId: string, trx?: Knex): Promise<DeletionBlockers>;
  markDeletionRequested(accountId: string, at: Date): Promise<void>;
  /** Records the reminder only if nobody logged in since the account was read. */
  markReminded(accountId: string, at: Date, lastLoginAt: Date | null): Promise<boolean>;
  /**
   * Where the account is the only manager, the longest-standing other member becomes manager, so
   * that no organisation is left without one; answers the organisations concerned and their new managers.
   */
  handOnManagement(accountId: string, trx: Knex): Promise<HandedOnManagement[]>;
  /**
   * Deletes the account: tokens, sessions, identities, memberships and drafts go with it (foreign
   * keys); cases keep their `citizen_id` and run on (ACC-8). False when it was already gone.
   */
  deleteAccount(accountId: string, trx?: Knex): Promise<boolean>;
  /** Deletes drafts untouched since `before` (INT-3); answers how many. */
  deleteStaleDrafts(before: Date, scope?: LifecycleScope): Promise<number>;
}

function toLifecycleAccount(row: Record<string, unknown>): LifecycleAccount {
  return {
    id: row.id as string,
    email: row.email as string,
    firstName: row.first_name as string,
    lastName: row.last_name as string,
    language: row.language as string,
    state: row.state as LifecycleAccount['state'],
    createdAt: new Date(row.created_at as string),
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at as string) : null,
    inactivityReminderAt: row.inactivity_reminder_at ? new Date(row.inactivity_reminder_at as string) : null,
  };
}

const COLUMNS = ['id', 'email', 'first_name', 'last_name', 'language', 'state', 'created_at', 'last_login_at', 'inactivity_reminder_at'];

export function createAccountDeletionRepository(db: Knex): AccountDeletionRepository {
  return {
    transaction: (work) => db.transaction(work),

    async find(accountId, trx = db) {
      const row = await trx('accounts').where({ id: accountId }).first(COLUMNS);
      return row ? toLifecycleAccount(row) : undefined;
    },

    async lock(accountId, trx) {
      const row = await trx('accounts').where({ id: accountId }).forUpdate().first(COLUMNS);
      return row ? toLifecycleAccount(row) : undefined;
    },

    async candidates(cutoffs, limit, scope) {
      const query = db('accounts')
        .where((q) => {
          q.where((never) => never.whereNull('last_login_at').where('created_at', '<=', cutoffs.neverUsedCreatedBefore))
            .orWhere('last_login_at', '<=', cutoffs.lastLoginBefore);
        })
        .orderByRaw('coalesce(last_login_at, created_at)')
        .limit(limit)
        .select(COLUMNS);
      if (scope?.accountIds) query.whereIn('id', [...scope.accountIds]);
      return (await query).map(toLifecycleAccount);
    },

    async blockers(accountId, trx = db) {
      // A case without an engine record yet was just submitted: it counts as pending too.
      const [cases] = await trx('cases as c')
        .leftJoin('process_instances as pi', 'pi.process_instance_key', 'c.process_instance_key')
        .where('c.citizen_id', accountId).whereNull('c.organisation_id')
        .where((q) => q.whereNull('pi.state').orWhere('pi.state', 'ACTIVE'))
        .count({ n: '*' });
      const lastManagerOf = await trx('organisation_members as m').join('organisations as o', 'o.id', 'm.organisation_id')
        .where({ 'm.account_id': accountId, 'm.role': 'manager' })
        .whereNotExists((q) => q.select(trx.raw('1')).from('organisation_members as other')
          .whereRaw('other.organisation_id = m.organisation_id').whereNot('other.account_id', accountId).where('other.role', 'manager'))
        .whereExists((q) => q.select(trx.raw('1')).from('organisation_members as other')
          .whereRaw('other.organisation_id = m.organisation_id').whereNot('other.account_id', accountId))
        .orderBy('o.name').select('o.id', 'o.name');
      return { pendingCases: Number(cases?.n ?? 0), lastManagerOf: lastManagerOf.map((row) => ({ id: row.id as string, name: row.name as string })) };
    },

    async markDeletionRequested(accountId, at) {
      await db('accounts').where({ id: accountId }).update({ deletion_requested_at: at });
    },

    async markReminded(accountId, at, lastLoginAt) {
      const query = db('accounts').where({ id: accountId });
      if (lastLoginAt) query.where('last_login_at', lastLoginAt); else query.whereNull('last_login_at');
      return (await query.update({ inactivity_reminder_at: at })) === 1;
    },

    async handOnManagement(accountId, trx) {
      const orphaned = await trx('organisation_members as m')
        .where({ 'm.account_id': accountId, 'm.role': 'manager' })
        .whereNotExists((q) => q.select(trx.raw('1')).from('organisation_members as other')
          .whereRaw('other.organisation_id = m.organisation_id').whereNot('other.account_id', accountId).where('other.role', 'manager'))
        .select('m.organisation_id');
      const handedOn: HandedOnManagement[] = [];
      for (const { organisation_id: organisationId } of orphaned as { organisation_id: string }[]) {
        const successor = await trx('organisation_members as m').join('accounts as a', 'a.id', 'm.account_id').join('organisations as o', 'o.id', 'm.organisation_id')
          .where({ 'm.organisation_id': organisationId }).whereNot({ 'm.account_id': accountId })
          .orderBy([{ column: 'm.joined_at' }, { column: 'm.account_id' }])
          .first('m.account_id', 'a.email', 'a.first_name', 'a.last_name', 'a.language', 'o.name');
        if (!successor) continue;
        await trx('organisation_members').where({ organisation_id: organisationId, account_id: successor.account_id }).update({ role: 'manager' });
        handedOn.push({
          organisationId, organisationName: successor.name,
          successor: { id: successor.account_id, email: successor.email, firstName: successor.first_name, lastName: successor.last_name, language: successor.language },
        });
      }
      return handedOn;
    },

    async deleteAccount(accountId, trx = db) {
      return (await trx('accounts').where({ id: accountId }).delete()) === 1;
    },

    async deleteStaleDrafts(before, scope) {
      const query = db('application_drafts').where('updated_at', '<', before);
      if (scope?.accountIds) query.whereIn('account_id', [...scope.accountIds]);
      return query.delete();
    },
  };
}
