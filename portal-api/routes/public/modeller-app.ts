import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { RouteDeps } from '../../app-deps.ts';
import { CHUNKS_FOLDER } from '../../modeler/browser-bundle.ts';
import { contentSecurityPolicy } from '../../plugins/security-headers.ts';
import { readStaffSession } from '../../staff/staff-session.ts';

const ChunkParams = Type.Object({ name: Type.String({ pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}[.]js$' }) });

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
  // A chunk's name carries the hash of its content: a browser may keep it.
  app.get(`/modeler/assets/${CHUNKS_FOLDER}/:name`, { schema: { hide: true, params: ChunkParams } }, async (request, reply) => {
    const chunk = (await modeler.bundle()).chunks.get((request.params as { name: string }).name);
    if (chunk === undefined) return reply.callNotFound();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(chunk);
  });
}
