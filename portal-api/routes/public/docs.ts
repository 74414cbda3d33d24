import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../../plugins/security-headers.ts';

/** The OpenAPI document (`/docs/json`) and Swagger UI to read it. */
export default async function docsRoutes(app: FastifyInstance): Promise<void> {
  // Swagger UI adds a <style> element of its own; the documentation carries no personal data.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', transformStaticCSP: () => contentSecurityPolicy({ 'style-src': ["'self'", "'unsafe-inline'"] }) });
}
