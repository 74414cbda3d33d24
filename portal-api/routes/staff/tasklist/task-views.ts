import type { FastifyInstance } from 'fastify';
import { labelIn } from '../../../../core/cases/case-view.ts';
import { authorOf, renderMessage } from '../../../../core/cases/message-texts.ts';
import { withReadablePhoneNumbers } from '../../../../core/contact-data/readable-phone-numbers.ts';
import type { CasesRepository } from '../../../../core/db/cases-repository.ts';
import type { CatalogueRepository } from '../../../../core/db/catalogue-repository.ts';
import type { InstalmentsRepository } from '../../../../core/db/instalments-repository.ts';
import type { InternalTasksRepository } from '../../../../core/db/internal-tasks-repository.ts';
import type { TasksRepository, TaskView } from '../../../../core/db/tasks-repository.ts';
import type { RouteDeps } from '../../../app-deps.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { serviceNamesOf, taskFor, withServiceName } from '../../../staff/task-access.ts';
import { staffErrors } from '../../../../core/errors/staff-errors.ts';
import { TaskKeyParams, TaskListQuery } from '../../../schemas/tasklist.ts';

export interface TaskViewDeps {
  tasks: TasksRepository;
  cases: CasesRepository;
  catalogue: CatalogueRepository;
  internalTasks: InternalTasksRepository;
  instalments: InstalmentsRepository;
  /** The offices (institutions) serving a municipality; a clerk can give an internal task on a case to one. */
  institutionsServing(municipalityId: string): Promise<{ id: string; name: string }[]>;
  now: () => Date;
}

/** What a clerk reads: the list of their tasks, and one task with its case and form. */
export default async function taskViewRoutes(app: FastifyInstance, { tasklist, cases, catalogue, instalments }: RouteDeps): Promise<void> {
  const deps: TaskViewDeps = { ...tasklist, cases, catalogue, instalments, now: tasklist.now ?? (() => new Date()) };
  const serviceNames = serviceNamesOf(deps.catalogue);

  /** The case as the task shows it: the application, its history, documents, messages and the offices it may go to. */
  async function caseViewOf(caseId: string, caseNumber: string, names: Map<string, string>) {
    const row = await deps.cases.findById(caseId);
    if (!row) throw staffErrors.taskNotFound();
    const [history, documents, messages, applicant, offices] = await Promise.all([
      row.processInstanceKey ? deps.cases.history(row.processInstanceKey) : Promise.resolve([]),
      deps.cases.documents(caseId),
      deps.cases.messages(caseId),
      deps.cases.applicantOf(caseId),
      deps.institutionsServing(row.municipalityId),
    ]);
    return {
      id: row.id,
      caseNumber,
      serviceName: names.get(row.serviceId) ?? row.serviceId,
      submittedAt: row.createdAt.toISOString(),
      applicant,
      phaseLabel: row.currentPhase ? labelIn(row.currentPhase, 'de') : 'Übermittelt',
      history: history.map((entry) => ({ phaseLabel: labelIn(entry.phase, 'de'), enteredAt: entry.enteredAt.toISOString() })),
      documents: documents.map((doc) => ({ id: doc.id, fileName: doc.fileName, kind: doc.kind, href: `/tasklist/api/documents/${doc.id}` })),
      messages: messages.map((message) => ({
        text: renderMessage(message.template, message.params, 'de'), author: authorOf(message.template), createdAt: message.createdAt.toISOString(),
      })),
      // An internal task on this case can go to one of these offices (candidateGroup = its id).
      offices,
    };
  }

  /** What the task's form is shown with: the case's data, and an instalment plan's instalments with their state (issue 15). */
  async function formDataOf(caseId: string): Promise<Record<string, unknown>> {
    const [context, plan] = await Promise.all([deps.cases.formContextOf(caseId).then(withReadablePhoneNumbers), deps.instalments.ofCase(caseId)]);
    if (plan.length === 0) return context;
    return { ...context, planInstalments: plan.map(({ number, dueOn, amountRappen, state }) => ({ number, dueDate: dueOn, amountRappen, state })) };
  }

  app.get('/tasklist/api/tasks', {
    schema: {
      tags: ['tasklist'],
      summary: "The clerk's tasks: own, unassigned of the clerk's groups, due soon, overdue",
      querystring: TaskListQuery,
      response: { ...problemResponses(400, 401) },
    },
  }, async (request) => {
    const { staff } = request;
    const query = request.query as { view: TaskView; service?: string; caseNumber?: string; citizen?: string; sort: 'due' | 'priority' };
    const tasks = await deps.tasks.list(staff, {
      view: query.view, serviceId: query.service || undefined, caseNumber: query.caseNumber || undefined,
      citizen: query.citizen?.trim() || undefined, sort: query.sort,
    }, deps.now());
    return { tasks: tasks.map(withServiceName(await serviceNames(staff))) };
  });

  app.get('/tasklist/api/tasks/:taskKey', {
    schema: { tags: ['tasklist'], summary: 'A task with its case and form', params: TaskKeyParams, response: { ...problemResponses(400, 401, 404) } },
  }, async (request) => {
    const { staff } = request;
    const task = await taskFor(deps.tasks, staff, (request.params as { taskKey: string }).taskKey);
    const names = await serviceNames(staff);
    const [caseView, internal, form, formData] = await Promise.all([
      task.caseId ? caseViewOf(task.caseId, task.caseNumber ?? '', names) : Promise.resolve(null),
      task.internalTaskId ? deps.internalTasks.find(task.internalTaskId) : Promise.resolve(undefined),
      task.formKey ? deps.tasks.formSchema(task.formKey) : Promise.resolve(null),
      task.caseId ? formDataOf(task.caseId) : Promise.resolve({}),
    ]);
    return {
      task: withServiceName(names)(task),
      case: caseView,
      internal: internal
        ? { title: internal.title, description: internal.description, createdBy: internal.createdByName ?? internal.createdBy, createdAt: internal.createdAt.toISOString() }
        : null,
      form,
      formData,
    };
  });
}
