import { randomUUID } from 'node:crypto';
import type { CasesRepository } from '../db/cases-repository.ts';
import type { InternalTasksRepository } from '../db/internal-tasks-repository.ts';
import type { ProcessStarter } from '../cases/start-application.ts';
import { engineUnavailable } from '../errors/problem-error.ts';
import { staffErrors } from '../errors/staff-errors.ts';
import type { StaffSession } from './staff-sessions.ts';

export const INTERNAL_TASK_PROCESS = 'internal-task';

export interface NewInternalTask {
  title: string;
  description: string;
  caseId?: string | undefined;
  /**
   * Who does it: a colleague (or oneself), or a group: one's own, or on a case the institution
   * serving the case's municipality (its group is its id: a task for the civil registry office).
   * Neither means oneself.
   */
  assignee?: string | undefined;
  candidateGroup?: string | undefined;
  dueDate?: string | undefined;
  followUpDate?: string | undefined;
}

export type CreateInternalTask = (staff: StaffSession, task: NewInternalTask) => Promise<{ id: string }>;

/**
 * A clerk writes down an internal task (ADM-2) for a case of their municipality or on its own. The
 * engine runs it as an instance of `internal-task`, so the tasklist handles it like every other
 * user task; its text stays in our database. Nothing is kept when the engine cannot start it.
 */
export function createInternalTaskCreator(deps: {
  internalTasks: InternalTasksRepository;
  cases: CasesRepository;
  engine: ProcessStarter;
  colleagues(organisationId: string): Promise<{ id: string }[]>;
  institutionsServing(municipalityId: string): Promise<{ id: string }[]>;
  now?: () => Date;
}): CreateInternalTask {
  const now = deps.now ?? (() => new Date());
  return async (staff, task) => {
    let organisationId = staff.organisation;
    if (task.caseId) {
      const row = await deps.cases.findById(task.caseId);
      if (!row || !staff.municipalities.includes(row.municipalityId)) throw staffErrors.invalidRequest('/body/caseId', 'is not a case you work on', 'Diesen Vorgang gibt es in Ihrer Gemeinde nicht.');
      organisationId = row.municipalityId;
    }
    if (task.candidateGroup && !staff.groups.includes(task.candidateGroup)) {
      const serving = task.caseId ? await deps.institutionsServing(organisationId) : [];
      if (!serving.some((institution) => institution.id === task.candidateGroup)) {
        throw staffErrors.invalidRequest('/body/candidateGroup', 'is neither your group nor an office serving the case', 'Aufgaben können Sie Ihren Gruppen zuweisen oder, zu einem Vorgang, dem zuständigen Amt.');
      }
    }
    if (task.assignee && task.assignee !== staff.id && !(await deps.colleagues(staff.organisation)).some((c) => c.id === task.assignee)) {
      throw staffErrors.invalidRequest('/body/assignee', 'is not a colleague', 'Diese Person arbeitet nicht in Ihrer Gemeinde bzw. Ihrem Amt.');
    }
    if (task.dueDate && task.followUpDate && Date.parse(task.followUpDate) > Date.parse(task.dueDate)) {
      throw staffErrors.invalidRequest('/body/followUpDate', 'is after the due date', 'Die Wiedervorlage muss vor dem Fälligkeitsdatum liegen.');
    }
    const assignee = task.assignee ?? (task.candidateGroup ? '' : staff.id);
    const id = randomUUID();
    await deps.internalTasks.insert({
      id, organisationId, caseId: task.caseId ?? null, title: task.title, description: task.description,
      createdBy: staff.id, createdAt: now(),
    });
    try {
      const { processInstanceKey } = await deps.engine.start(INTERNAL_TASK_PROCESS, {
        internalTaskId: id,
        // The engine wants texts here: empty means "not set".
        assignee,
        candidateGroups: task.candidateGroup ? [task.candidateGroup] : [],
        dueDate: task.dueDate ?? '',
        followUpDate: task.followUpDate ?? '',
      });
      await deps.internalTasks.attachProcessInstance(id, processInstanceKey);
    } catch (error) {
      await deps.internalTasks.remove(id);
      throw engineUnavailable('Die Aufgabe konnte nicht angelegt werden; es wurde nichts gespeichert.', error);
    }
    return { id };
  };
}
