import type { Knex } from 'knex';

export interface InternalTask {
  id: string;
  /** The case's municipality, or the writer's organisation for a task of its own. */
  organisationId: string;
  caseId: string | null;
  title: string;
  description: string;
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
}

/** What clerks wrote for internal tasks (ADM-2); the engine's instance of `internal-task` runs each. */
export interface InternalTasksRepository {
  insert(task: Omit<InternalTask, 'createdByName'>): Promise<void>;
  attachProcessInstance(id: string, processInstanceKey: string): Promise<void>;
  remove(id: string): Promise<void>;
  find(id: string): Promise<InternalTask | undefined>;
}

export function createInternalTasksRepository(db: Knex): InternalTasksRepository {
  return {
    async insert(task) {
      await db('internal_tasks').insert({
        id: task.id, organisation_id: task.organisationId, case_id: task.caseId, title: task.title,
        description: task.description, created_by: task.createdBy, created_at: task.createdAt,
      });
    },
    async attachProcessInstance(id, processInstanceKey) {
      await db('internal_tasks').where({ id }).update({ process_instance_key: processInstanceKey });
    },
    async remove(id) {
      await db('internal_tasks').where({ id }).delete();
    },
    async find(id) {
      const row = await db('internal_tasks as it').leftJoin('staff_members as s', 's.id', 'it.created_by')
        .where('it.id', id).first('it.*', 's.name as created_by_name');
      if (!row) return undefined;
      return {
        id: row.id, organisationId: row.organisation_id, caseId: row.case_id ?? null, title: row.title, description: row.description,
        createdBy: row.created_by, createdByName: row.created_by_name ?? null, createdAt: new Date(row.created_at),
      };
    },
  };
}
