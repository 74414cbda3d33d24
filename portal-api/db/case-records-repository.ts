import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

/** What the workers write about a case: messages, each written once however often a job retries. */
export interface CaseRecordsRepository {
  caseExists(caseId: string): Promise<boolean>;
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
}

export function createCaseRecordsRepository(db: Knex): CaseRecordsRepository {
  return {
    async caseExists(caseId) {
      return Boolean(await db('cases').where({ id: caseId }).first('id'));
    },
    async postMessage(caseId, template, params) {
      await db('case_messages')
        .insert({ id: randomUUID(), case_id: caseId, template, params: JSON.stringify(params), created_at: new Date() })
        .onConflict(['case_id', 'template']).ignore();
    },
  };
}
