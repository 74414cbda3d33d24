import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { TaskRow, TasksRepository } from '../../core/db/tasks-repository.ts';
import type { UserTaskOutcome } from '../../core/engine/user-tasks.ts';
import type { StaffSession } from '../../core/staff/staff-sessions.ts';
import { staffErrors } from '../../core/errors/staff-errors.ts';


/**
 * The task if it is open and the clerk's: of a municipality the clerk works for, assigned to the
 * clerk or offered to one of the clerk's groups; 404 otherwise, as for a task that does not exist.
 */
export async function taskFor(tasks: TasksRepository, staff: StaffSession, taskKey: string): Promise<TaskRow> {
  const task = await tasks.find(staff, taskKey);
  if (!task) throw staffErrors.taskNotFound();
  return task;
}

/** The case of a task that works on one (correspondence, documents); an internal task of its own has none. */
export function caseOf(task: TaskRow): string {
  if (!task.caseId) throw staffErrors.taskWithoutCase();
  return task.caseId;
}

/** The engine's answer to a command on a task, as the clerk's refusal. */
export function answer(outcome: UserTaskOutcome): void {
  if (outcome === 'gone') throw staffErrors.taskNotFound();
  if (outcome === 'conflict') throw staffErrors.taskHeldByOther();
}

/** Service names as the municipalities the member works for offer them. */
export function serviceNamesOf(catalogue: CatalogueRepository) {
  return async (staff: StaffSession): Promise<Map<string, string>> =>
    new Map((await Promise.all(staff.municipalities.map((id) => catalogue.listOfferings(id)))).flat().map((offering) => [offering.serviceId, offering.names.de]));
}

/** A task as the tasklist shows it: its service by name, without the engine's internals. */
export const withServiceName = (names: Map<string, string>) => (task: TaskRow) => {
  const { formKey: _formKey, processInstanceKey: _instance, internalTaskId: _internal, ...visible } = task;
  return { ...visible, serviceName: task.serviceId ? (names.get(task.serviceId) ?? task.serviceId) : null };
};
