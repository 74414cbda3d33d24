import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../../../core/errors/problem-error.ts';
import { problemResponses } from '../../schemas/common.ts';
import type { CreateInternalTask } from '../../../core/staff/create-internal-task.ts';
import { requireStaff } from '../../staff/staff-session.ts';

/** Internal tasks (ADM-2): a clerk writes one down, for a case or on its own; it is handled like every task. */
export function internalTaskRoutes(createInternalTask: CreateInternalTask) {
  return async function (app: FastifyInstance): Promise<void> {
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
      const created = await createInternalTask(staff, { ...body, title: body.title.trim(), description: body.description.trim() });
      request.log.info({ internalTaskId: created.id, staffId: staff.id }, 'internal task created');
      return reply.code(201).send(created);
    });
  };
}
