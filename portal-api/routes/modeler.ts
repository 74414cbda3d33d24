import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserBundle } from '../modeler/browser-bundle.ts';
import { requireModelerStaff } from '../modeler/modeller-session.ts';
import { type ProcessModeller } from '../../core/modeller/process-modeller.ts';
import { LintRefusal } from '../../core/errors/modeller-errors.ts';
import { contentSecurityPolicy } from '../plugins/security-headers.ts';
import { problemResponses } from '../schemas/common.ts';
import { readStaffSession } from '../staff/staff-session.ts';

export interface ModelerDeps {
  modeller: ProcessModeller;
  bundle: () => Promise<BrowserBundle>;
  /** Where `npm run templates` writes the connector tasks' element templates. */
  elementTemplatesDir?: string;
}

const MAX_XML_CHARS = 2_000_000;
const MAX_BODY_BYTES = 6 * 1024 * 1024;
const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$' }) });
const FormsSchema = Type.Record(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' }), Type.Object({}, { additionalProperties: true }), { maxProperties: 20 });
const DraftBody = Type.Object({
  bpmnXml: Type.String({ minLength: 1, maxLength: MAX_XML_CHARS }),
  forms: FormsSchema,
  baseRevision: Type.Integer({ minimum: 0 }),
  basedOnVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
}, { additionalProperties: false });

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The process modeller (SVC-6): its page, its bundled browser code and its JSON API under
 * `/modeler/api`. Staff log in through the tasklist's OpenID login (`?next=/modeler/`).
 */
export function modelerRoutes(deps: ModelerDeps) {
  const templatesDir = deps.elementTemplatesDir ?? path.resolve('processes/element-templates');
  return async function (app: FastifyInstance): Promise<void> {
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
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send((await deps.bundle()).js));
    app.get('/modeler/assets/modeler.css', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send((await deps.bundle()).css));

    app.get('/modeler/api/me', { schema: { tags: ['modeler'], summary: 'The logged-in staff member and whether they may deploy' } }, async (request) => {
      const { id, name, roles } = await requireModelerStaff(request, 'read');
      return { id, name, mayDeploy: roles.includes('modeller') };
    });

    app.get('/modeler/api/element-templates', {
      schema: { tags: ['modeler'], summary: "The connector tasks' element templates, with their superseded versions (for diagrams made with them)" },
    }, async (request) => {
      await requireModelerStaff(request, 'read');
      const readAll = async (dir: string) => {
        const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
        return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown));
      };
      return [...await readAll(templatesDir), ...await readAll(path.join(templatesDir, 'previous'))];
    });

    app.get('/modeler/api/services', { schema: { tags: ['modeler'], summary: 'Services with their versions, running instances per version, and drafts' } }, async (request) => {
      await requireModelerStaff(request, 'read');
      const services = await deps.modeller.listServices();
      return {
        services: services.map((service) => ({
          ...service,
          versions: service.versions.map((version) => ({ ...version, deployedAt: isoOrNull(version.deployedAt) })),
          draft: service.draft ? { ...service.draft, savedAt: service.draft.savedAt.toISOString() } : null,
        })),
      };
    });

    app.get('/modeler/api/services/:serviceId/versions/:version', {
      schema: {
        tags: ['modeler'], summary: 'A deployed version: BPMN and forms ("latest" for the newest)',
        params: Type.Object({ serviceId: ServiceParams.properties.serviceId, version: Type.String({ pattern: '^(latest|[1-9][0-9]{0,8})$' }) }),
        response: { ...problemResponses(400, 401, 404) },
      },
    }, async (request) => {
      await requireModelerStaff(request, 'read');
      const { serviceId, version } = request.params as { serviceId: string; version: string };
      return deps.modeller.version(serviceId, version === 'latest' ? undefined : Number(version));
    });

    app.get('/modeler/api/services/:serviceId/draft', {
      schema: { tags: ['modeler'], summary: "The service's shared draft", params: ServiceParams, response: { ...problemResponses(400, 401, 404) } },
    }, async (request) => {
      await requireModelerStaff(request, 'read');
      const draft = await deps.modeller.draft((request.params as { serviceId: string }).serviceId);
      return { ...draft, savedAt: draft.savedAt.toISOString() };
    });

    app.put('/modeler/api/services/:serviceId/draft', {
      schema: {
        tags: ['modeler'], summary: 'Save the draft; a save from a stale revision answers 409', params: ServiceParams, body: DraftBody,
        response: { ...problemResponses(400, 401, 403, 404, 409, 413) },
      },
      bodyLimit: MAX_BODY_BYTES,
    }, async (request) => {
      const staff = await requireModelerStaff(request, 'write');
      const saved = await deps.modeller.saveDraft((request.params as { serviceId: string }).serviceId, request.body as typeof DraftBody.static, staff);
      request.log.info({ bpmnProcessId: saved.bpmnProcessId, revision: saved.revision, staffId: staff.id }, 'process draft saved');
      return { revision: saved.revision, savedAt: saved.savedAt.toISOString(), authorName: saved.authorName };
    });

    app.delete('/modeler/api/services/:serviceId/draft', {
      schema: {
        tags: ['modeler'], summary: 'Discard the draft at a revision', params: ServiceParams,
        querystring: Type.Object({ revision: Type.Integer({ minimum: 1 }) }), response: { ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => {
      const staff = await requireModelerStaff(request, 'write');
      await deps.modeller.discardDraft((request.params as { serviceId: string }).serviceId, (request.query as { revision: number }).revision);
      request.log.info({ staffId: staff.id }, 'process draft discarded');
      return reply.code(204).send();
    });

    app.post('/modeler/api/services/:serviceId/checks', {
      schema: {
        tags: ['modeler'], summary: 'Lint a diagram as a deployment would', params: ServiceParams,
        body: Type.Object({ bpmnXml: DraftBody.properties.bpmnXml, forms: FormsSchema }, { additionalProperties: false }),
        response: { ...problemResponses(400, 401, 403, 404) },
      },
      bodyLimit: MAX_BODY_BYTES,
    }, async (request) => {
      await requireModelerStaff(request, 'read');
      const { bpmnXml, forms } = request.body as { bpmnXml: string; forms: Record<string, unknown> };
      return { findings: await deps.modeller.check((request.params as { serviceId: string }).serviceId, bpmnXml, forms) };
    });

    app.get('/modeler/api/services/:serviceId/draft/changes', {
      schema: {
        tags: ['modeler'], summary: 'The draft against a deployed version, element by element', params: ServiceParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { ...problemResponses(400, 401, 404) },
      },
    }, async (request) => {
      await requireModelerStaff(request, 'read');
      const { version } = request.query as { version?: number };
      return deps.modeller.compareDraft((request.params as { serviceId: string }).serviceId, version);
    });

    app.post('/modeler/api/services/:serviceId/deployments', {
      schema: {
        tags: ['modeler'], summary: 'Deploy the saved draft (modeller role; refused with 422 when it has lint errors)', params: ServiceParams,
        body: Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => {
      const staff = await requireModelerStaff(request, 'write');
      const { serviceId } = request.params as { serviceId: string };
      const started = performance.now();
      try {
        const deployed = await deps.modeller.deployDraft(serviceId, (request.body as { revision: number }).revision, staff);
        const tookMs = Math.round(performance.now() - started);
        request.log.info({ serviceId, version: deployed.version, staffId: staff.id, tookMs }, 'process deployed from the modeller');
        return reply.code(201).send({ ...deployed, tookMs });
      } catch (error) {
        // Answered here rather than by the shared handler, so that the findings travel with the problem.
        if (error instanceof LintRefusal) {
          return reply.code(422).type('application/problem+json').send({ ...error.problem, instance: request.url, findings: error.findings });
        }
        throw error;
      }
    });
  };
}
