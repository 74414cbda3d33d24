import type { Knex } from 'knex';
import type { LocalisedText } from '../language.ts';
import { CITIZEN_ANSWER_PREFIX } from './citizen-answers-repository.ts';

/** One case with messages the citizen has not been told about yet (CASE-3). */
export interface CaseNotice {
  caseId: string;
  messageIds: string[];
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  serviceNames: LocalisedText;
  municipalityName: string;
}

export interface CaseNoticesRepository {
  /**
   * Marks messages that need no notice as told: the citizen's own answers, and messages of cases
   * whose account is gone (ACC-8: the case goes on unseen). Answers how many.
   */
  retireUnannounceable(at: Date): Promise<number>;
  /** Cases with untold messages, one entry per case, oldest first. */
  pending(limit: number): Promise<CaseNotice[]>;
  /**
   * Records the notice and calls `send` in one transaction: a failed delivery records nothing and
   * the next run tries again; two runs at once do not both send.
   */
  deliver(notice: CaseNotice, send: () => Promise<void>, at: Date): Promise<'sent' | 'nothing-new'>;
}

export function createCaseNoticesRepository(db: Knex): CaseNoticesRepository {
  const untold = () => db('case_messages as m').join('cases as c', 'c.id', 'm.case_id').whereNull('m.notified_at');
  return {
    async retireUnannounceable(at) {
      return db('case_messages as m')
        .whereNull('m.notified_at')
        .where((q) => q
          .where('m.template', 'like', `${CITIZEN_ANSWER_PREFIX}%`)
          .orWhereNotExists(db('cases as c').joinRaw('join accounts a on a.id::text = c.citizen_id').whereRaw('c.id = m.case_id')))
        .update({ notified_at: at });
    },
    async pending(limit) {
      const rows = await untold()
        .joinRaw('join accounts a on a.id::text = c.citizen_id')
        .join('services as s', 's.id', 'c.service_id')
        .join('municipalities as mu', 'mu.id', 'c.municipality_id')
        .where('a.state', 'active')
        .groupBy('c.id', 'a.email', 'a.first_name', 'a.last_name', 'a.language', 's.names', 'mu.name')
        .orderByRaw('min(m.created_at)')
        .limit(limit)
        .select('c.id as case_id', 'a.email', 'a.first_name', 'a.last_name', 'a.language', 's.names', 'mu.name as municipality_name',
          db.raw('array_agg(m.id::text) as message_ids'));
      return (rows as Record<string, unknown>[]).map((row) => ({
        caseId: row.case_id as string,
        messageIds: row.message_ids as string[],
        email: row.email as string,
        firstName: row.first_name as string,
        lastName: row.last_name as string,
        language: row.language as string,
        serviceNames: row.names as LocalisedText,
        municipalityName: row.municipality_name as string,
      }));
    },
    async deliver(notice, send, at) {
      return db.transaction(async (trx) => {
        const claimed = await trx('case_messages').whereIn('id', notice.messageIds).whereNull('notified_at')
          .update({ notified_at: at }).returning('id');
        if (claimed.length === 0) return 'nothing-new';
        await send();
        return 'sent';
      });
    },
  };
}
