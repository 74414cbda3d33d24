import type { Knex } from 'knex';

export interface DraftRow {
  id: string;
  accountId: string;
  serviceId: string;
  municipalityId: string;
  organisationId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export type DraftContent = Pick<DraftRow, 'serviceId' | 'municipalityId' | 'organisationId' | 'data'>;

/** Application drafts (ACC-9); every read and write is scoped to the owning account. */
export interface DraftsRepository {
  insert(draft: DraftRow): Promise<void>;
  find(accountId: string, id: string): Promise<DraftRow | undefined>;
  list(accountId: string, limit: number): Promise<DraftRow[]>;
  count(accountId: string): Promise<number>;
  /** False when the account has no such draft. */
  update(accountId: string, id: string, content: DraftContent, at: Date): Promise<boolean>;
  remove(accountId: string, id: string): Promise<boolean>;
}

function toDraft(row: Record<string, unknown>): DraftRow {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    serviceId: row.service_id as string,
    municipalityId: row.municipality_id as string,
    organisationId: (row.organisation_id as string | null) ?? null,
    data: row.data as Record<string, unknown>,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}

export function createDraftsRepository(db: Knex): DraftsRepository {
  return {
    async insert(draft) {
      await db('application_drafts').insert({
        id: draft.id, account_id: draft.accountId, service_id: draft.serviceId, municipality_id: draft.municipalityId,
        organisation_id: draft.organisationId, data: JSON.stringify(draft.data), created_at: draft.createdAt, updated_at: draft.updatedAt,
      });
    },
    async find(accountId, id) {
      const row = await db('application_drafts').where({ id, account_id: accountId }).first();
      return row ? toDraft(row) : undefined;
    },
    async list(accountId, limit) {
      const rows = await db('application_drafts').where({ account_id: accountId }).orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'id' }]).limit(limit);
      return rows.map(toDraft);
    },
    async count(accountId) {
      const [row] = await db('application_drafts').where({ account_id: accountId }).count({ n: '*' });
      return Number(row?.n ?? 0);
    },
    async update(accountId, id, content, at) {
      const updated = await db('application_drafts').where({ id, account_id: accountId }).update({
        service_id: content.serviceId, municipality_id: content.municipalityId, organisation_id: content.organisationId,
        data: JSON.stringify(content.data), updated_at: at,
      });
      return updated === 1;
    },
    async remove(accountId, id) {
      return (await db('application_drafts').where({ id, account_id: accountId }).delete()) === 1;
    },
  };
}
