import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RouteDeps } from '../../app-deps.ts';
import { contentSecurityPolicy } from '../../plugins/security-headers.ts';
import { readStaffSession } from '../../staff/staff-session.ts';

/**
 * The process modeller's page and its bundled browser code (SVC-6); its API is the staff's
 * (staff/modeller/). Staff log in through the tasklist's OpenID login (`?next=/modeler/`).
 */
export default async function modellerApp(app: FastifyInstance, { modeler }: RouteDeps): Promise<void> {
  if (!modeler) return;

  app.get('/modeler', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/modeler/'));
  app.get('/modeler/', { schema: { hide: true } }, async (request, reply) => {
    if (!await readStaffSession(request)) return reply.redirect('/tasklist/login?next=/modeler/');
    const html = await readFile(path.resolve('modeler-ui/public/index.html'), 'utf8');
    // Inline styles, scripts still strict: CodeMirror (the properties panel's FEEL editor) writes its
    // styles into a <style> element, bpmn-js places its watermark (which its licence keeps visible)
    // and diagram-js its overlays with style attributes.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .header('content-security-policy', contentSecurityPolicy({ 'style-src': ["'self'", "'unsafe-inline'"] })).send(html);
  });
  app.get('/modeler/assets/modeler.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send((await modeler.bundle()).js));
  app.get('/modeler/assets/modeler.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send((await modeler.bundle()).css));
}
