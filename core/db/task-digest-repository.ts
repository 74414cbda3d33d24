import type { Knex } from 'knex';
import { caseNumberOf } from './tasks-repository.ts';

export type DigestReason = 'new' | 'assigned';

export interface DigestItem {
  taskKey: string;
  reason: DigestReason;
  /** The step's name, or an internal task's title. */
  name: string;
  internal: boolean;
  serviceName: string | null;
  caseNumber: string | null;
  dueDate: Date | null;
  /** Who handed the task over (assigned items). */
  assignedBy: string | null;
}

export interface DigestRecipient {
  staffId: string;
  name: string;
  email: string;
  items: DigestItem[];
}

/** What each staff member has not yet been told about: open tasks new to their groups or assigned to them by someone else. */
export interface TaskDigestRepository {
  pending(): Promise<DigestRecipient[]>;
  /**
   * Records the items as told and runs `send` with those not told meanwhile, in one transaction:
   * a failed delivery records nothing, so the next run tells them again.
   */
  deliver(recipient: DigestRecipient, send: (items: DigestItem[]) => Promise<void>, at: Date): Promise<'sent' | 'nothing-new'>;
}

// Both kinds of news, for every staff member with an address; only tasks still open, only what
// came after the member's first login, never a task they wrote or assigned to themselves.
const PENDING = `
  with task as (
    select t.user_task_key, t.created_at, t.assignee, t.assigned_at, t.candidate_groups, t.due_date,
           coalesce(c.municipality_id, it.organisation_id) as municipality_id,
           coalesce(c.id, it.case_id) as case_id,
           coalesce(c.service_id, ic.service_id) as service_id,
           coalesce(t.assigned_by, it.created_by) as assigned_by, it.created_by,
           it.title as internal_title,
           pd.task_names ->> t.element_id as task_name, t.element_id
    from user_tasks t
    left join cases c on c.process_instance_key = t.process_instance_key
    left join internal_tasks it on it.process_instance_key = t.process_instance_key
    left join cases ic on ic.id = it.case_id
    left join process_instances pi on pi.process_instance_key = t.process_instance_key
    left join process_definitions pd on pd.process_definition_key = pi.process_definition_key
    where t.state = 'CREATED'
  ), news as (
    select s.id as staff_id, task.*, 'new' as reason
    from staff_members s join task on task.municipality_id = s.organisation_id
      -- an institution's staff work on the cases of the municipalities it serves
      or exists (select 1 from municipality_institutions mi where mi.institution_id = s.organisation_id and mi.municipality_id = task.municipality_id)
    where task.assignee is null and task.created_at > s.notify_since and coalesce(task.created_by, '') <> s.id
      and task.candidate_groups ?| array(select jsonb_array_elements_text(s.groups))
    union all
    select s.id as staff_id, task.*, 'assigned' as reason
    from staff_members s join task on task.assignee = s.id
    where task.assigned_at > s.notify_since and coalesce(task.assigned_by, '') <> s.id
  )
  select s.id as staff_id, s.name as staff_name, s.email, news.*, sv.names ->> 'de' as service_name, assigner.name as assigned_by_name
  from news
  join staff_members s on s.id = news.staff_id
  left join services sv on sv.id = news.service_id
  left join staff_members assigner on assigner.id = news.assigned_by
  where s.email is not null
    and not exists (select 1 from task_digest_entries e where e.staff_id = news.staff_id and e.user_task_key = news.user_task_key and e.reason = news.reason)
  order by s.id, news.reason, news.due_date nulls last, news.created_at`;

export function createTaskDigestRepository(db: Knex): TaskDigestRepository {
  return {
    async pending() {
      const { rows } = (await db.raw(PENDING.replace('?|', '\\?|'))) as { rows: Record<string, unknown>[] };
      const recipients = new Map<string, DigestRecipient>();
      for (const row of rows) {
        const staffId = row.staff_id as string;
        const recipient = recipients.get(staffId) ?? { staffId, name: row.staff_name as string, email: row.email as string, items: [] };
        const caseId = row.case_id as string | null;
        recipient.items.push({
          taskKey: row.user_task_key as string,
          reason: row.reason as DigestReason,
          name: (row.internal_title as string | null) ?? (row.task_name as string | null) ?? (row.element_id as string),
          internal: row.internal_title !== null,
          serviceName: (row.service_name as string | null) ?? null,
          caseNumber: caseId ? caseNumberOf(caseId) : null,
          dueDate: row.due_date ? new Date(row.due_date as string) : null,
          assignedBy: (row.assigned_by_name as string | null) ?? null,
        });
        recipients.set(staffId, recipient);
      }
      return [...recipients.values()];
    },
    async deliver(recipient, send, at) {
      return db.transaction(async (trx) => {
        const inserted = await trx('task_digest_entries')
          .insert(recipient.items.map((item) => ({ staff_id: recipient.staffId, user_task_key: item.taskKey, reason: item.reason, sent_at: at })))
          .onConflict(['staff_id', 'user_task_key', 'reason']).ignore()
          .returning(['user_task_key', 'reason']);
        const fresh = new Set(inserted.map((row: { user_task_key: string; reason: string }) => `${row.user_task_key}/${row.reason}`));
        const items = recipient.items.filter((item) => fresh.has(`${item.taskKey}/${item.reason}`));
        if (items.length === 0) return 'nothing-new';
        await send(items);
        return 'sent';
      });
    },
  };
}
