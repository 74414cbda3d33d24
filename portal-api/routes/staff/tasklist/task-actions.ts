import type { TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CLERK_MESSAGE_PREFIX } from '../../../../core/cases/message-texts.ts';
import type { CasesRepository } from '../../../../core/db/cases-repository.ts';
import type { TaskRow, TasksRepository } from '../../../../core/db/tasks-repository.ts';
import type { UserTaskCommands } from '../../../../core/engine/user-tasks.ts';
import type { RouteDeps } from '../../../app-deps.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { checkFormVariables } from '../../../../core/staff/form-variables.ts';
import { type StaffSession } from '../../../../core/staff/staff-sessions.ts';
import { answer, caseOf, taskFor } from '../../../staff/task-access.ts';
import { AssignmentBody, CompletionBody, DatesBody, MessageBody, TaskKeyParams } from '../../../schemas/tasklist.ts';
import { staffErrors } from '../../../../core/errors/staff-errors.ts';

export interface TaskActionDeps {
  tasks: TasksRepository;
  cases: CasesRepository;
  userTasks: UserTaskCommands;
  /** Posts a message to the citizen's case. */
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
  /** Colleagues of a municipality seen at login, for handing over. */
  colleagues(organisationId: string): Promise<{ id: string; name: string }[]>;
  now: () => Date;
}

/**
 * What a clerk does with a task: take it, give it back, hand it over, set its dates, write to the
 * citizen, complete it. The engine decides assignment and completion; the read model follows.
 */
export default async function taskActionRoutes(app: FastifyInstance, { tasklist, cases }: RouteDeps): Promise<void> {
  const deps: TaskActionDeps = { ...tasklist, cases, now: tasklist.now ?? (() => new Date()) };
  const act = (path: string, summary: string, run: (staff: StaffSession, task: TaskRow, body: unknown) => Promise<void>, body?: TObject) =>
    app.post(`/tasklist/api/tasks/:taskKey/${path}`, {
      schema: { tags: ['tasklist'], summary, params: TaskKeyParams, ...(body ? { body } : {}), response: { ...problemResponses(400, 401, 403, 404, 409) } },
    }, async (request, reply) => {
      const { staff } = request;
      const task = await taskFor(deps.tasks, staff, (request.params as { taskKey: string }).taskKey);
      await run(staff, task, request.body);
      return reply.code(204).send();
    });

  act('messages', 'Write a message to the citizen; it appears in the case', async (_staff, task, body) => {
    const { text } = body as { text: string };
    await deps.postMessage(caseOf(task), `${CLERK_MESSAGE_PREFIX}${randomUUID()}`, { text: text.trim() });
  }, MessageBody);

  act('dates', 'Set or clear the due and follow-up dates', async (staff, task, body) => {
    if (task.assignee && task.assignee !== staff.id) throw staffErrors.taskHeldByOther();
    const { dueDate, followUpDate } = body as { dueDate: string | null; followUpDate: string | null };
    if (dueDate && followUpDate && Date.parse(followUpDate) > Date.parse(dueDate)) {
      throw staffErrors.invalidRequest('/body/followUpDate', 'is after the due date', 'Die Wiedervorlage muss vor dem Fälligkeitsdatum liegen.');
    }
    answer(await deps.userTasks.reschedule(task.taskKey, { dueDate: dueDate ?? '', followUpDate: followUpDate ?? '' }));
    await deps.tasks.noteDates(task.taskKey, { dueDate: dueDate ? new Date(dueDate) : null, followUpDate: followUpDate ? new Date(followUpDate) : null });
  }, DatesBody);

  act('claim', 'Take the task', async (staff, task) => {
    if (task.assignee && task.assignee !== staff.id) throw staffErrors.taskHeldByOther();
    answer(await deps.userTasks.assign(task.taskKey, staff.id, false));
    await deps.tasks.noteAssignee(task.taskKey, staff.id, staff.id);
  });
  act('unclaim', 'Give the task back to the group', async (staff, task) => {
    if (task.assignee !== staff.id) throw staffErrors.taskHeldByOther();
    answer(await deps.userTasks.unassign(task.taskKey));
    await deps.tasks.noteAssignee(task.taskKey, null, staff.id);
  });
  act('assignment', 'Hand the task over to a colleague', async (staff, task, body) => {
    if (task.assignee && task.assignee !== staff.id) throw staffErrors.taskHeldByOther();
    const { assignee } = body as { assignee: string };
    const colleague = (await deps.colleagues(staff.organisation)).find((c) => c.id === assignee);
    if (!colleague) throw staffErrors.invalidRequest('/body/assignee', 'is not a colleague', 'Diese Person arbeitet nicht in Ihrer Gemeinde bzw. Ihrem Amt.');
    answer(await deps.userTasks.assign(task.taskKey, assignee, true));
    await deps.tasks.noteAssignee(task.taskKey, assignee, staff.id);
  }, AssignmentBody);
  act('completion', 'Complete the task with the form data', async (staff, task, body) => {
    if (task.assignee !== staff.id) throw staffErrors.taskNotClaimed('Übernehmen Sie die Aufgabe, bevor Sie sie abschliessen.');
    const { variables } = body as { variables: Record<string, unknown> };
    // The form was shown with the case's data (formData of the task's view); a task without a form takes no data.
    const shownWith = task.caseId ? await deps.cases.formContextOf(task.caseId) : {};
    const problems = task.formKey
      ? checkFormVariables(await deps.tasks.formSchema(task.formKey), variables, shownWith)
      : Object.keys(variables).map((key) => ({ pointer: `/body/variables/${key}`, detail: 'this task has no form' }));
    if (problems.length > 0) throw staffErrors.formIncomplete(problems);
    answer(await deps.userTasks.complete(task.taskKey, variables));
    await deps.tasks.noteCompleted(task.taskKey, deps.now());
  }, CompletionBody);
}
