import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app-deps.ts';
import { tasklistPageRoutes } from './tasklist-pages.ts';

/**
 * The tasklist's web application (tasklist-pages.ts): its files and its page, which sends a
 * visitor without a staff session to the login. Its two API calls (`/tasklist/api/me`,
 * `/tasklist/api/colleagues`) still check the staff session themselves.
 */
export default async function tasklistApp(app: FastifyInstance, { tasklist }: RouteDeps): Promise<void> {
  await app.register(tasklistPageRoutes(tasklist));
}
