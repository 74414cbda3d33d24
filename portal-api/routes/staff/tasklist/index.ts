import type { FastifyInstance } from 'fastify';
import type { CasesRepository } from '../../../../core/db/cases-repository.ts';
import type { CatalogueRepository } from '../../../../core/db/catalogue-repository.ts';
import type { DocumentsRepository } from '../../../../core/db/documents-repository.ts';
import type { IncidentsRepository } from '../../../../core/db/incidents-repository.ts';
import type { InternalTasksRepository } from '../../../../core/db/internal-tasks-repository.ts';
import type { TasksRepository } from '../../../../core/db/tasks-repository.ts';
import type { IncidentEngine } from '../../../../core/engine/incident-commands.ts';
import type { UserTaskCommands } from '../../../../core/engine/user-tasks.ts';
import type { CreateInternalTask } from '../../../../core/staff/create-internal-task.ts';
import { caseDocumentRoutes } from './case-documents.ts';
import { incidentRoutes } from './incidents/incidents.ts';
import { internalTaskRoutes } from './internal-tasks.ts';
import { tasklistPageRoutes } from '../../public/tasklist-pages.ts';
import { taskActionRoutes } from './task-actions.ts';
import { taskViewRoutes } from './task-views.ts';

export interface TasklistDeps {
  tasks: TasksRepository;
  cases: CasesRepository;
  catalogue: CatalogueRepository;
  userTasks: UserTaskCommands;
  documents: DocumentsRepository;
  /** Posts a message to the citizen's case. */
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
  incidents: IncidentsRepository;
  /** The engine's incident commands; a retried job gets its retries back. */
  incidentEngine: IncidentEngine;
  internalTasks: InternalTasksRepository;
  createInternalTask: CreateInternalTask;
  /** The offices (institutions) serving a municipality; a clerk can give an internal task on a case to one. */
  institutionsServing(municipalityId: string): Promise<{ id: string; name: string }[]>;
  /** Colleagues of a municipality seen at login, for handing over. */
  colleagues(municipalityId: string): Promise<{ id: string; name: string }[]>;
  now?: () => Date;
}

/**
 * The clerks' tasklist (ADM-1, CASE-5): the web application's files and its JSON API. Every call
 * on a task checks that it is open, of a municipality the clerk works for (their own, or those
 * their institution serves), and assigned to the clerk or offered to one of the clerk's groups;
 * the engine decides the rest (assignment, completion).
 */
export function tasklistRoutes(deps: TasklistDeps) {
  const now = deps.now ?? (() => new Date());
  return async function (app: FastifyInstance): Promise<void> {
    await app.register(tasklistPageRoutes(deps));
    await app.register(taskViewRoutes({ ...deps, now }));
    await app.register(taskActionRoutes({ ...deps, now }));
    await app.register(caseDocumentRoutes(deps));
    await app.register(internalTaskRoutes(deps.createInternalTask));
    await app.register(incidentRoutes({ ...deps, now }));
  };
}
