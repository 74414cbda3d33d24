import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { labelIn } from '../../cases/case-view.ts';
import { authorOf, CLERK_MESSAGE_PREFIX, renderMessage } from '../../cases/message-texts.ts';
import { randomUUID } from 'node:crypto';
import type { CatalogueRepository } from '../../db/catalogue-repository.ts';
import type { CasesRepository } from '../../db/cases-repository.ts';
import type { DocumentsRepository } from '../../db/documents-repository.ts';
import { caseNumberOf, type TaskRow, type TasksRepository, type TaskView } from '../../db/tasks-repository.ts';
import type { IncidentsRepository } from '../../db/incidents-repository.ts';
import type { IncidentEngine } from '../../engine/incident-commands.ts';
import type { UserTaskCommands, UserTaskOutcome } from '../../engine/user-tasks.ts';
import { ProblemError } from '../../plugins/problem-details.ts';
import { checkFormVariables } from '../../staff/form-variables.ts';
import type { CreateInternalTask } from '../../staff/create-internal-task.ts';
import type { InternalTasksRepository } from '../../db/internal-tasks-repository.ts';
import { readStaffSession, requireStaff, type StaffSession } from '../../staff/staff-session.ts';
import { problemResponses } from '../../schemas/common.ts';
import { withReadablePhoneNumbers } from '../../contact-data/readable-phone-numbers.ts';

export interface TasklistDeps {
  tasks: TasksRepository;
  cases: CasesRepository;
  catalogue: CatalogueRepository;
  userTasks: UserTaskCommands;
  documents: DocumentsRepository;
  /** Posts a message to the citizen's case. */
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
  incidents: IncidentsRepository;
  /** The engine's incident commands; a retried job gets this many retries back. */
  incidentEngine: IncidentEngine;
  internalTasks: InternalTasksRepository;
  createInternalTask: CreateInternalTask;
  /** The offices (institutions) serving a municipality; a clerk can give an internal task on a case to one. */
  institutionsServing(municipalityId: string): Promise<{ id: string; name: string }[]>;
  /** Colleagues of a municipality seen at login, for handing over. */
  colleagues(municipalityId: string): Promise<{ id: string; name: string }[]>;
  now?: () => Date;
}

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A file name the citizen's download header can carry (Latin-1, no path, no quotes), ending in .pdf. */
function safeFileName(encoded: string): string {
  let name = encoded;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    // Not percent-encoded: take it as it is.
  }
  const base = name.split(/[\\/]/).pop()?.replace(/[^A-Za-z0-9\u00C0-\u00FF ._-]/g, '_').trim().slice(0, 100) || 'Entscheid';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

const TaskKeyParams = Type.Object({ taskKey: Type.String({ pattern: '^\\d{1,19}$' }) });
const taskNotFound = () => new ProblemError(404, 'task-not-found', 'Aufgabe nicht gefunden', 'Die Aufgabe gibt es nicht, oder sie ist nicht Ihre.');
const heldByOther = () => new ProblemError(409, 'task-held', 'Aufgabe vergeben', 'Jemand anders bearbeitet diese Aufgabe.');

/**
 * The clerks' tasklist (ADM-1, CASE-5): the web application's files and its JSON API. Every call
 * checks that the task is open, of a municipality the clerk works for (their own, or those their
 * institution serves), and assigned to the clerk or offered to one of the clerk's groups; the
 * engine decides the rest (assignment, completion).
 */
export function tasklistRoutes(deps: TasklistDeps) {
  const now = deps.now ?? (() => new Date());
  // Service names as the municipalities the member works for offer them.
  const serviceNames = async (staff: StaffSession) => new Map((await Promise.all(staff.municipalities.map((id) => deps.catalogue.listOfferings(id))))
    .flat().map((offering) => [offering.serviceId, offering.names.de]));
  const withServiceName = (names: Map<string, string>) => (task: TaskRow) => {
    const { formKey: _formKey, processInstanceKey: _instance, internalTaskId: _internal, ...visible } = task;
    return { ...visible, serviceName: task.serviceId ? (names.get(task.serviceId) ?? task.serviceId) : null };
  };

  /** The case of a task that works on one (correspondence, documents); an internal task of its own has none. */
  function caseOf(task: TaskRow): string {
    if (!task.caseId) throw new ProblemError(409, 'task-without-case', 'Kein Vorgang', 'Diese Aufgabe gehört zu keinem Vorgang.');
    return task.caseId;
  }

  async function taskFor(staff: StaffSession, taskKey: string): Promise<TaskRow> {
    const task = await deps.tasks.find(staff, taskKey);
    if (!task) throw taskNotFound();
    return task;
  }

  function answer(outcome: UserTaskOutcome): void {
    if (outcome === 'gone') throw taskNotFound();
    if (outcome === 'conflict') throw heldByOther();
  }

  return async function (app: FastifyInstance): Promise<void> {
    await app.register(fastifyStatic, { root: resolve('tasklist/public'), prefix: '/tasklist/assets/', index: false });
    // The package exports no dist paths; its folder is found from its main entry.
    const formJs = join(dirname(createRequire(import.meta.url).resolve('@bpmn-io/form-js')), '..', 'dist');
    await app.register(fastifyStatic, { root: formJs, prefix: '/tasklist/vendor/', decorateReply: false, index: false, allowedPath: (path) => /^\/(form-viewer\.umd\.js|assets\/[\w.-]+\.css)$/.test(path) });

    app.get('/tasklist', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/tasklist/'));
    app.get('/tasklist/', { schema: { hide: true } }, async (request, reply) => {
      if (!await readStaffSession(request)) return reply.redirect('/tasklist/login');
      return reply.header('cache-control', 'no-store').sendFile('index.html', { cacheControl: false });
    });

    app.get('/tasklist/api/me', { schema: { tags: ['tasklist'], summary: 'The logged-in staff member' } }, async (request) => {
      const { id, name, organisation, organisationKind, municipalities, roles, groups } = await requireStaff(request);
      return { id, name, organisation, organisationKind, municipalities, roles, groups };
    });

    app.get('/tasklist/api/colleagues', { schema: { tags: ['tasklist'], summary: 'Colleagues to hand a task over to' } }, async (request) => {
      const staff = await requireStaff(request);
      return { colleagues: (await deps.colleagues(staff.organisation)).filter((colleague) => colleague.id !== staff.id) };
    });

    app.get('/tasklist/api/tasks', {
      schema: {
        tags: ['tasklist'],
        summary: "The clerk's tasks: own, unassigned of the clerk's groups, due soon, overdue",
        querystring: Type.Object({
          view: Type.Union(['mine', 'unassigned', 'due-soon', 'overdue'].map((v) => Type.Literal(v)), { default: 'mine' }),
          service: Type.Optional(Type.String({ maxLength: 100 })),
          caseNumber: Type.Optional(Type.String({ maxLength: 36, pattern: '^[0-9A-Fa-f-]*$' })),
          citizen: Type.Optional(Type.String({ maxLength: 100 })),
          sort: Type.Union([Type.Literal('due'), Type.Literal('priority')], { default: 'due' }),
        }),
        response: { ...problemResponses(400, 401) },
      },
    }, async (request) => {
      const staff = await requireStaff(request);
      const query = request.query as { view: TaskView; service?: string; caseNumber?: string; citizen?: string; sort: 'due' | 'priority' };
      const tasks = await deps.tasks.list(staff, {
        view: query.view, serviceId: query.service || undefined, caseNumber: query.caseNumber || undefined,
        citizen: query.citizen?.trim() || undefined, sort: query.sort,
      }, now());
      return { tasks: tasks.map(withServiceName(await serviceNames(staff))) };
    });

    app.get('/tasklist/api/tasks/:taskKey', {
      schema: { tags: ['tasklist'], summary: 'A task with its case and form', params: TaskKeyParams, response: { ...problemResponses(400, 401, 404) } },
    }, async (request) => {
      const staff = await requireStaff(request);
      const task = await taskFor(staff, (request.params as { taskKey: string }).taskKey);
      const names = await serviceNames(staff);
      const [caseView, internal, form, formData] = await Promise.all([
        task.caseId ? caseViewOf(task.caseId, task.caseNumber ?? '', names) : Promise.resolve(null),
        task.internalTaskId ? deps.internalTasks.find(task.internalTaskId) : Promise.resolve(undefined),
        task.formKey ? deps.tasks.formSchema(task.formKey) : Promise.resolve(null),
        task.caseId ? deps.cases.formContextOf(task.caseId).then(withReadablePhoneNumbers) : Promise.resolve({}),
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

    async function caseViewOf(caseId: string, caseNumber: string, names: Map<string, string>) {
      const row = await deps.cases.findById(caseId);
      if (!row) throw taskNotFound();
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

    app.get('/tasklist/api/documents/:id', {
      schema: { tags: ['tasklist'], summary: "A document of a case of the clerk's municipality", params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { ...problemResponses(400, 401, 404) } },
    }, async (request, reply) => {
      const staff = await requireStaff(request);
      const document = await deps.documents.find((request.params as { id: string }).id);
      const owner = document ? await deps.cases.findById(document.caseId) : undefined;
      if (!document || !owner || !staff.municipalities.includes(owner.municipalityId)) throw new ProblemError(404, 'document-not-found', 'Dokument nicht gefunden');
      return reply.type(document.mediaType).header('content-disposition', `inline; filename="${document.fileName}"`)
        .header('cache-control', 'private, no-store').send(document.content);
    });

    const requireOperator = async (request: Parameters<typeof requireStaff>[0]) => {
      const staff = await requireStaff(request);
      if (!staff.roles.includes('operator')) throw new ProblemError(403, 'forbidden', 'Keine Berechtigung', 'Störungen sehen nur Betriebsverantwortliche.');
      return staff;
    };

    app.get('/tasklist/api/incidents', {
      schema: { tags: ['tasklist'], summary: "Open incidents of the operator's municipality", response: { ...problemResponses(401, 403) } },
    }, async (request) => {
      const staff = await requireOperator(request);
      const names = await serviceNames(staff);
      const open = (await Promise.all(staff.municipalities.map((id) => deps.incidents.listOpen(id)))).flat();
      return {
        incidents: open.map((incident) => ({
          incidentKey: incident.incidentKey,
          caseId: incident.caseId,
          caseNumber: caseNumberOf(incident.caseId),
          serviceName: names.get(incident.serviceId) ?? incident.serviceId,
          elementId: incident.elementId,
          errorType: incident.errorType,
          errorMessage: incident.errorMessage,
          // An incident is raised when a job has no retries left.
          retriesLeft: 0,
          createdAt: incident.createdAt.toISOString(),
        })),
      };
    });

    app.post('/tasklist/api/incidents/:incidentKey/retry', {
      schema: {
        tags: ['tasklist'], summary: 'Retry after a fix: the job gets its retries back and the incident is resolved',
        params: Type.Object({ incidentKey: Type.String({ pattern: '^\\d{1,19}$' }) }), response: { ...problemResponses(400, 401, 403, 404) },
      },
    }, async (request, reply) => {
      const staff = await requireOperator(request);
      const { incidentKey } = request.params as { incidentKey: string };
      const incident = (await Promise.all(staff.municipalities.map((id) => deps.incidents.listOpen(id)))).flat().find((candidate) => candidate.incidentKey === incidentKey);
      if (!incident) throw new ProblemError(404, 'incident-not-found', 'Störung nicht gefunden', 'Die Störung ist behoben oder nicht Ihre.');
      if (incident.jobKey) await deps.incidentEngine.updateJobRetries(incident.jobKey, 3);
      await deps.incidentEngine.resolveIncident(incident.incidentKey);
      await deps.incidents.noteResolved(incident.incidentKey, now());
      request.log.info({ incidentKey, staffId: staff.id }, 'incident retried by an operator');
      return reply.code(204).send();
    });

    const act = (path: string, summary: string, run: (staff: StaffSession, task: TaskRow, body: unknown) => Promise<void>, body?: ReturnType<typeof Type.Object>) =>
      app.post(`/tasklist/api/tasks/:taskKey/${path}`, {
        schema: { tags: ['tasklist'], summary, params: TaskKeyParams, ...(body ? { body } : {}), response: { ...problemResponses(400, 401, 403, 404, 409) } },
      }, async (request, reply) => {
        const staff = await requireStaff(request);
        const task = await taskFor(staff, (request.params as { taskKey: string }).taskKey);
        await run(staff, task, request.body);
        return reply.code(204).send();
      });

    act('messages', 'Write a message to the citizen; it appears in the case', async (_staff, task, body) => {
      const { text } = body as { text: string };
      await deps.postMessage(caseOf(task), `${CLERK_MESSAGE_PREFIX}${randomUUID()}`, { text: text.trim() });
    }, Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false }));

    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
    app.post('/tasklist/api/tasks/:taskKey/documents', {
      schema: {
        tags: ['tasklist'], summary: "Upload a decision (PDF) into the citizen's documents", params: TaskKeyParams,
        headers: Type.Object({ 'x-file-name': Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
      bodyLimit: MAX_DOCUMENT_BYTES,
    }, async (request, reply) => {
      const staff = await requireStaff(request);
      const task = await taskFor(staff, (request.params as { taskKey: string }).taskKey);
      const caseId = caseOf(task);
      if (task.assignee !== staff.id) throw new ProblemError(409, 'task-not-claimed', 'Aufgabe nicht übernommen', 'Übernehmen Sie die Aufgabe, bevor Sie einen Entscheid hochladen.');
      const content = request.body;
      if (!Buffer.isBuffer(content) || content.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new ProblemError(400, 'invalid-document', 'Kein PDF', 'Laden Sie den Entscheid als PDF hoch.', [{ pointer: '/body', detail: 'is not a PDF document' }]);
      }
      const fileName = safeFileName(String(request.headers['x-file-name']));
      await deps.documents.file({ caseId, kind: `decision:${randomUUID()}`, fileName, mediaType: 'application/pdf', content });
      request.log.info({ caseId, staffId: staff.id, bytes: content.length }, 'decision document uploaded');
      return reply.code(204).send();
    });

    const Dates = Type.Object({
      dueDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      followUpDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }, { additionalProperties: false });
    act('dates', 'Set or clear the due and follow-up dates', async (staff, task, body) => {
      if (task.assignee && task.assignee !== staff.id) throw heldByOther();
      const { dueDate, followUpDate } = body as { dueDate: string | null; followUpDate: string | null };
      if (dueDate && followUpDate && Date.parse(followUpDate) > Date.parse(dueDate)) {
        throw new ProblemError(400, 'invalid-request', 'Ungültige Eingabe', 'Die Wiedervorlage muss vor dem Fälligkeitsdatum liegen.', [{ pointer: '/body/followUpDate', detail: 'is after the due date' }]);
      }
      answer(await deps.userTasks.reschedule(task.taskKey, { dueDate: dueDate ?? '', followUpDate: followUpDate ?? '' }));
      await deps.tasks.noteDates(task.taskKey, { dueDate: dueDate ? new Date(dueDate) : null, followUpDate: followUpDate ? new Date(followUpDate) : null });
    }, Dates);

    app.post('/tasklist/api/internal-tasks', {
      schema: {
        tags: ['tasklist'],
        summary: 'Write down an internal task, for a case or on its own (ADM-2); it is handled like every task',
        body: Type.Object({
          title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
          description: Type.String({ maxLength: 4000, default: '' }),
          caseId: Type.Optional(Type.String({ format: 'uuid' })),
          assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          candidateGroup: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          dueDate: Type.Optional(Type.String({ format: 'date-time' })),
          followUpDate: Type.Optional(Type.String({ format: 'date-time' })),
        }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...problemResponses(400, 401, 503) },
      },
    }, async (request, reply) => {
      const staff = await requireStaff(request);
      const body = request.body as Parameters<CreateInternalTask>[1];
      if (body.assignee && body.candidateGroup) {
        throw new ProblemError(400, 'invalid-request', 'Ungültige Eingabe', 'Weisen Sie die Aufgabe einer Person oder einer Gruppe zu, nicht beiden.', [{ pointer: '/body/candidateGroup', detail: 'cannot be given with an assignee' }]);
      }
      const created = await deps.createInternalTask(staff, { ...body, title: body.title.trim(), description: body.description.trim() });
      request.log.info({ internalTaskId: created.id, staffId: staff.id }, 'internal task created');
      return reply.code(201).send(created);
    });

    act('claim', 'Take the task', async (staff, task) => {
      if (task.assignee && task.assignee !== staff.id) throw heldByOther();
      answer(await deps.userTasks.assign(task.taskKey, staff.id, false));
      await deps.tasks.noteAssignee(task.taskKey, staff.id, staff.id);
    });
    act('unclaim', 'Give the task back to the group', async (staff, task) => {
      if (task.assignee !== staff.id) throw heldByOther();
      answer(await deps.userTasks.unassign(task.taskKey));
      await deps.tasks.noteAssignee(task.taskKey, null, staff.id);
    });
    act('assignment', 'Hand the task over to a colleague', async (staff, task, body) => {
      if (task.assignee && task.assignee !== staff.id) throw heldByOther();
      const { assignee } = body as { assignee: string };
      const colleague = (await deps.colleagues(staff.organisation)).find((c) => c.id === assignee);
      if (!colleague) throw new ProblemError(400, 'invalid-request', 'Ungültige Eingabe', 'Diese Person arbeitet nicht in Ihrer Gemeinde bzw. Ihrem Amt.', [{ pointer: '/body/assignee', detail: 'is not a colleague' }]);
      answer(await deps.userTasks.assign(task.taskKey, assignee, true));
      await deps.tasks.noteAssignee(task.taskKey, assignee, staff.id);
    }, Type.Object({ assignee: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }));
    act('completion', 'Complete the task with the form data', async (staff, task, body) => {
      if (task.assignee !== staff.id) throw new ProblemError(409, 'task-not-claimed', 'Aufgabe nicht übernommen', 'Übernehmen Sie die Aufgabe, bevor Sie sie abschliessen.');
      const { variables } = body as { variables: Record<string, unknown> };
      // The form was shown with the case's data (formData of the task's view); a task without a form takes no data.
      const shownWith = task.caseId ? await deps.cases.formContextOf(task.caseId) : {};
      const problems = task.formKey
        ? checkFormVariables(await deps.tasks.formSchema(task.formKey), variables, shownWith)
        : Object.keys(variables).map((key) => ({ pointer: `/body/variables/${key}`, detail: 'this task has no form' }));
      if (problems.length > 0) throw new ProblemError(400, 'invalid-form', 'Formular unvollständig', 'Bitte prüfen Sie die markierten Felder.', problems);
      answer(await deps.userTasks.complete(task.taskKey, variables));
      await deps.tasks.noteCompleted(task.taskKey, now());
    }, Type.Object({ variables: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Unknown(), { maxProperties: 50 }) }, { additionalProperties: false }));
  };
}
