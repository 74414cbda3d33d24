import type { FastifyInstance } from 'fastify';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RouteDeps } from '../../../app-deps.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { CompareQuery, DiagramCheckBody, MAX_DIAGRAM_BODY_BYTES, ServiceParams, VersionParams } from '../../../schemas/modeller.ts';

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * What every staff member may do in the process modeller (SVC-6): see who they are, the element
 * templates, the services with their versions and drafts, and check a diagram. Changing drafts and
 * deploying is changes/. Not there without the modeller (benchmarks).
 */
export default async function modellerServiceRoutes(app: FastifyInstance, { modeler }: RouteDeps): Promise<void> {
  if (!modeler) return;
  const templatesDir = modeler.elementTemplatesDir ?? path.resolve('processes/element-templates');

  app.get('/modeler/api/me', { schema: { tags: ['modeler'], summary: 'The logged-in staff member and whether they may deploy' } }, async (request) => {
    const { id, name, roles } = request.staff;
    return { id, name, mayDeploy: roles.includes('modeller') };
  });

  app.get('/modeler/api/element-templates', {
    schema: { tags: ['modeler'], summary: "The connector tasks' element templates, with their superseded versions (for diagrams made with them)" },
  }, async () => {
    const readAll = async (dir: string) => {
      const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
      return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown));
    };
    return [...await readAll(templatesDir), ...await readAll(path.join(templatesDir, 'previous'))];
  });

  app.get('/modeler/api/services', { schema: { tags: ['modeler'], summary: 'Services with their versions, running instances per version, and drafts' } }, async () => {
    const services = await modeler.modeller.listServices();
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
      params: VersionParams,
      response: { ...problemResponses(400, 401, 404) },
    },
  }, async (request) => {
    const { serviceId, version } = request.params as { serviceId: string; version: string };
    return modeler.modeller.version(serviceId, version === 'latest' ? undefined : Number(version));
  });

  app.get('/modeler/api/services/:serviceId/draft', {
    schema: { tags: ['modeler'], summary: "The service's shared draft", params: ServiceParams, response: { ...problemResponses(400, 401, 404) } },
  }, async (request) => {
    const draft = await modeler.modeller.draft((request.params as { serviceId: string }).serviceId);
    return { ...draft, savedAt: draft.savedAt.toISOString() };
  });

  app.post('/modeler/api/services/:serviceId/checks', {
    schema: {
      tags: ['modeler'], summary: 'Lint a diagram as a deployment would', params: ServiceParams,
      body: DiagramCheckBody,
      response: { ...problemResponses(400, 401, 403, 404) },
    },
    bodyLimit: MAX_DIAGRAM_BODY_BYTES,
  }, async (request) => {
    const { bpmnXml, forms } = request.body as { bpmnXml: string; forms: Record<string, unknown> };
    return { findings: await modeler.modeller.check((request.params as { serviceId: string }).serviceId, bpmnXml, forms) };
  });

  app.get('/modeler/api/services/:serviceId/draft/changes', {
    schema: {
      tags: ['modeler'], summary: 'The draft against a deployed version, element by element', params: ServiceParams,
      querystring: CompareQuery,
      response: { ...problemResponses(400, 401, 404) },
    },
  }, async (request) => {
    const { version } = request.query as { version?: number };
    return modeler.modeller.compareDraft((request.params as { serviceId: string }).serviceId, version);
  });
}
