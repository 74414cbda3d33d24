import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readStaffSession, requireStaff } from '../../staff/staff-session.ts';

/** The tasklist's web application: its files, its page, and who is logged in with whom to hand over to. */
export function tasklistPageRoutes(deps: { colleagues(organisationId: string): Promise<{ id: string; name: string }[]> }) {
  return async function (app: FastifyInstance): Promise<void> {
    await app.register(fastifyStatic, { root: resolve('tasklist/public'), prefix: '/tasklist/assets/', index: false });
    // The shared browser library, where the tasklist's relative imports ('../../browser-shared/…') lead.
    await app.register(fastifyStatic, { root: resolve('browser-shared'), prefix: '/browser-shared/', decorateReply: false, index: false });
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
  };
}
