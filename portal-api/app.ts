import fastifyAutoload from '@fastify/autoload';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import path from 'node:path';
import { CaseDetailSchema, CaseSummarySchema } from '../core/cases/case-schemas.ts';
import { createCaseDetailLoader } from '../core/cases/case-detail.ts';
import { LocalisedTextSchema } from '../core/language.ts';
import type { AppDeps, RouteDeps } from './app-deps.ts';
import { registerCitizenAuth } from './plugins/citizen-auth.ts';
import { tightenInputFormats } from './plugins/input-formats.ts';
import { clientErrorProblem, frameworkProblem, registerProblemDetails } from './plugins/problem-details.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerTextInputCheck } from './plugins/text-input.ts';
import { AccountSchema, SessionSchema } from './schemas/accounts.ts';
import { ProblemSchema } from './schemas/common.ts';
import { DraftSchema } from './schemas/drafts.ts';
import { OrganisationSchema } from './schemas/organisations.ts';
import { registerStaffSessions } from './staff/staff-session.ts';

export type { AppDeps } from './app-deps.ts';

/**
 * Every route's body is bounded: JSON requests of citizens and clerks are a few kilobytes, so
 * 64 KiB; routes that take more (drafts, diagrams, PDFs, bank statements, engine records) set
 * their own bound.
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * The portal API as a plain Fastify plugin: problem details, security headers, the OpenAPI
 * document, who is calling, and the routes. The routes are loaded by folder (routes/public,
 * citizen, staff, internal, webhooks); a folder's `autohooks.ts` decides who may call every route
 * in it and below, and folders add nothing to the URLs. Each route file gets the deps as its options.
 */
async function app(fastify: FastifyInstance, deps: AppDeps): Promise<void> {
  registerProblemDetails(fastify);
  registerTextInputCheck(fastify);
  await registerSecurityHeaders(fastify);
  for (const schema of [LocalisedTextSchema, ProblemSchema, CaseSummarySchema, CaseDetailSchema, AccountSchema, SessionSchema, OrganisationSchema, DraftSchema]) fastify.addSchema(schema);

  await fastify.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gemeindeportal API', version: '0.1.0', description: 'Municipal e-government services: accounts, applications, cases, documents, payments, finance reports.' },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'A citizen\'s session token from POST /sessions' },
          staffSession: { type: 'apiKey', in: 'cookie', name: 'gp_staff', description: 'The staff login\'s session (GET /tasklist/login); changes also need the header x-requested-with: tasklist' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}` },
  });
  registerCitizenAuth(fastify, { sessions: deps.accounts.sessions });
  registerStaffSessions(fastify, deps.staffSessions);
  await fastify.register(fastifyCookie, { secret: deps.sessionSecret });

  const routeDeps: RouteDeps = { ...deps, loadCase: createCaseDetailLoader(deps.cases, deps.catalogue, deps.payments, deps.instalments) };
  await fastify.register(fastifyAutoload, {
    dir: path.join(import.meta.dirname, 'routes'),
    // Folders say who may call, not where: the URLs stay as the API has always published them.
    dirNameRoutePrefix: false,
    autoHooks: true,
    cascadeHooks: true,
    // Route files are ES modules; with vitest, @fastify/autoload must be inlined (vitest.config.ts) for them to share its module graph.
    forceESM: true,
    options: routeDeps,
  });
}

// Not encapsulated: the error handler, hooks and decorators are the instance's it is registered on.
const portalApi = fastifyPlugin(app, { name: 'portal-api', fastify: '5.x' });
export default portalApi;

/** The portal API on a Fastify instance of its own, not listening: `server.ts` listens, tests inject. */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const fastify = Fastify({
    bodyLimit: DEFAULT_BODY_LIMIT,
    frameworkErrors: frameworkProblem,
    clientErrorHandler: clientErrorProblem,
    ...options,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true }, onCreate: tightenInputFormats },
  });
  await fastify.register(portalApi, deps);
  return fastify;
}
