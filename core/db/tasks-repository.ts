import type { Knex } from 'knex';

/**
 * Who is asking: tasks are visible to their assignee and to the candidate groups, in the
 * municipalities the viewer works for; internal tasks of their own organisation too.
 */
export interface TaskViewer {
  id: string;
  organisation: string;
  municipalities: readonly string[];
  groups: readonly string[];
}

export type TaskView = 'mine' | 'unassigned' | 'due-soon' | 'overdue';

export interface TaskFilter {
  view: TaskView;
  serviceId?: string | undefined;
  caseNumber?: string | undefined;
  citizen?: string | undefined;
  sort: 'due' | 'priority';
}

export interface TaskRow {
  taskKey: string;
  /** A process's step, or an internal task a clerk wrote (ADM-2). */
  kind: 'process' | 'internal';
  name: string;
  elementId: string;
  /** The case the task belongs to; null for an internal task of its own. */
  caseId: string | null;
  caseNumber: string | null;
  serviceId: string | null;
  citizenName: string;
  municipalityId: string;
  assignee: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number | null;
  createdAt: string;
  formKey: string | null;
  processInstanceKey: string;
  internalTaskId: string | null;
}

/** How soon "due soon" is. */
const DUE_SOON_MS = 2 * 24 * 3600 * 1000;

/** The clerks' view of the engine's open user tasks (read model), joined with their cases. */
export interface TasksRepository {
  list(viewer: TaskViewer, filter: TaskFilter, now: Date): Promise<TaskRow[]>;
  /** The open task if the viewer may see it, else undefined (the same answer as for a task that does not exist). */
  find(viewer: TaskViewer, taskKey: string): Promise<TaskRow | undefined>;
  /** What the engine was just told, before its record arrives: the list stays right meanwhile. */
  noteAssignee(taskKey: string, assignee: string | null, by: string): Promise<void>;
  noteCompleted(taskKey: string, at: Date): Promise<void>;
  noteDates(taskKey: string, dates: { dueDate: Date | null; followUpDate: Date | null }): Promise<void>;
  formSchema(formKey: string): Promise<unknown>;
}

export const caseNumberOf = (caseId: string): string => caseId.slice(0, 8).toUpperCase();

export function createTasksRepository(db: Knex): TasksRepository {
  // A task belongs to a case (a service's process) or is an internal task, of a case or on its own.
  const visible = (viewer: TaskViewer) =>
    db('user_tasks as t')
      .leftJoin('cases as c', 'c.process_instance_key', 't.process_instance_key')
      .leftJoin('internal_tasks as it', 'it.process_instance_key', 't.process_instance_key')
      .leftJoin('cases as ic', 'ic.id', 'it.case_id')
      .leftJoin('process_instances as pi', 'pi.process_instance_key', 't.process_instance_key')
      .leftJoin('process_definitions as pd', 'pd.process_definition_key', 'pi.process_definition_key')
      .leftJoin('staff_members as s', 's.id', 't.assignee')
      .where('t.state', 'CREATED')
      .where((home) => home.whereIn('c.municipality_id', [...viewer.municipalities]).orWhereIn('it.organisation_id', [viewer.organisation, ...viewer.municipalities]))
      .where((mine) => {
        mine.where('t.assignee', viewer.id);
        if (viewer.groups.length > 0) mine.orWhereRaw('t.candidate_groups \\?| ?', [viewer.groups as string[]]);
      })
      .select(
        't.user_task_key', 't.element_id', 't.candidate_groups', 't.form_key', 't.assignee', 't.due_date', 't.follow_up_date',
        't.priority', 't.created_at', 't.process_instance_key', 'it.id as internal_task_id', 'it.title as internal_title',
        db.raw('coalesce(c.municipality_id, it.organisation_id) as municipality_id'),
        db.raw('coalesce(c.id, it.case_id) as case_id'),
        db.raw('coalesce(c.service_id, ic.service_id) as service_id'),
        db.raw('coalesce(c.applicant, ic.applicant) as applicant'),
        's.name as assignee_name', db.raw("pd.task_names ->> t.element_id as task_name"),
      );

  return {
    async list(viewer, filter, now) {
      const query = visible(viewer);
      if (filter.view === 'mine') query.where('t.assignee', viewer.id);
      if (filter.view === 'unassigned') query.whereNull('t.assignee');
      if (filter.view === 'due-soon') query.whereBetween('t.due_date', [now, new Date(now.getTime() + DUE_SOON_MS)]);
      if (filter.view === 'overdue') query.where('t.due_date', '<', now);
      if (filter.serviceId) query.whereRaw('coalesce(c.service_id, ic.service_id) = ?', [filter.serviceId]);
      if (filter.caseNumber) query.whereRaw('upper(coalesce(c.id, it.case_id)::text) like ?', [`${filter.caseNumber.toUpperCase().replace(/[%_]/g, '')}%`]);
      if (filter.citizen) {
        const pattern = `%${filter.citizen.replace(/[%_\\]/g, '')}%`;
        const applicant = 'coalesce(c.applicant, ic.applicant)';
        query.where((names) => names.whereRaw(`${applicant} ->> 'lastName' ilike ?`, [pattern]).orWhereRaw(`${applicant} ->> 'firstName' ilike ?`, [pattern]));
      }
      if (filter.sort === 'priority') query.orderByRaw('t.priority desc nulls last, t.due_date asc nulls last');
      else query.orderByRaw('t.due_date asc nulls last, t.priority desc nulls last');
      query.orderBy('t.created_at').limit(500);
      return (await query).map(toTaskRow);
    },
    async find(viewer, taskKey) {
      const row = await visible(viewer).where('t.user_task_key', taskKey).first();
      return row ? toTaskRow(row) : undefined;
    },
    async noteAssignee(taskKey, assignee, by) {
      await db('user_tasks').where({ user_task_key: taskKey }).update({ assignee, assigned_at: new Date(), assigned_by: by });
    },
    async noteCompleted(taskKey, at) {
      await db('user_tasks').where({ user_task_key: taskKey, state: 'CREATED' }).update({ state: 'COMPLETED', ended_at: at });
    },
    async noteDates(taskKey, { dueDate, followUpDate }) {
      await db('user_tasks').where({ user_task_key: taskKey }).update({ due_date: dueDate, follow_up_date: followUpDate });
    },
    async formSchema(formKey) {
      const row = await db('forms').where({ form_key: formKey }).first('schema');
      return row?.schema ?? null;
    },
  };
}

function toTaskRow(row: Record<string, unknown>): TaskRow {
  const applicant = (row.applicant ?? {}) as { firstName?: string; lastName?: string };
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  const caseId = (row.case_id as string | null) ?? null;
  const internal = row.internal_task_id !== null && row.internal_task_id !== undefined;
  return {
    taskKey: row.user_task_key as string,
    kind: internal ? 'internal' : 'process',
    name: internal ? (row.internal_title as string) : ((row.task_name as string | null) ?? (row.element_id as string)),
    elementId: row.element_id as string,
    caseId,
    caseNumber: caseId ? caseNumberOf(caseId) : null,
    serviceId: (row.service_id as string | null) ?? null,
    citizenName: [applicant.firstName, applicant.lastName].filter(Boolean).join(' '),
    municipalityId: row.municipality_id as string,
    assignee: (row.assignee as string | null) ?? null,
    assigneeName: (row.assignee_name as string | null) ?? null,
    candidateGroups: (row.candidate_groups as string[]) ?? [],
    dueDate: iso(row.due_date),
    followUpDate: iso(row.follow_up_date),
    priority: (row.priority as number | null) ?? null,
    createdAt: new Date(row.created_at as string).toISOString(),
    formKey: (row.form_key as string | null) ?? null,
    processInstanceKey: row.process_instance_key as string,
    internalTaskId: internal ? (row.internal_task_id as string) : null,
  };
}
