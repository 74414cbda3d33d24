import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

/** What the register said, as the clerk's review form shows it. */
export interface RegisterExtract {
  residenceType: string;
  since: string | null;
  blocked: boolean;
}

/** What the workers write about a case: messages, each written once however often a job retries. */
export interface CaseRecordsRepository {
  caseExists(caseId: string): Promise<boolean>;
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
  /** Kept for the review while the process runs; cleared when it ends. */
  noteRegisterExtract(caseId: string, extract: RegisterExtract): Promise<void>;
  /** Adds the contact data the register keeps (ADM-4) to the extract; cleared with it. */
  noteRegisterContact(caseId: string, contact: { phone: string | null; email: string | null }): Promise<void>;
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
    async noteRegisterExtract(caseId, extract) {
      await db('cases').where({ id: caseId }).update({ register_extract: JSON.stringify(extract) });
    },
    async noteRegisterContact(caseId, contact) {
      await db('cases').where({ id: caseId })
        .update({ register_extract: db.raw("coalesce(register_extract, '{}'::jsonb) || jsonb_build_object('contact', ?::jsonb)", [JSON.stringify(contact)]) });
    },
  };
}
