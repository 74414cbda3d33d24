import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../../app-deps.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { InternalTaskBody, InternalTaskCreated } from '../../../schemas/tasklist.ts';
import type { CreateInternalTask } from '../../../../core/staff/create-internal-task.ts';
import { staffErrors } from '../../../../core/errors/staff-errors.ts';

/** Internal tasks (ADM-2): a clerk writes one down, for a case or on its own; it is handled like every task. */
export default async function internalTaskRoutes(app: FastifyInstance, { tasklist: { createInternalTask } }: RouteDeps): Promise<void> {
  app.post('/tasklist/api/internal-tasks', {
    schema: {
      tags: ['tasklist'],
      summary: 'Write down an internal task, for a case or on its own (ADM-2); it is handled like every task',
      body: InternalTaskBody,
      response: { 201: InternalTaskCreated, ...problemResponses(400, 401, 503) },
    },
  }, async (request, reply) => {
    const { staff } = request;
    const body = request.body as Parameters<CreateInternalTask>[1];
    if (body.assignee && body.candidateGroup) {
      throw staffErrors.invalidRequest('/body/candidateGroup', 'cannot be given with an assignee', 'Weisen Sie die Aufgabe einer Person oder einer Gruppe zu, nicht beiden.');
    }
    const created = await createInternalTask(staff, { ...body, title: body.title.trim(), description: body.description.trim() });
    request.log.info({ internalTaskId: created.id, staffId: staff.id }, 'internal task created');
    return reply.code(201).send(created);
  });
}
