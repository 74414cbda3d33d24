// Logs a staff member in through the development OpenID provider as a browser would, and returns
// the portal's session cookie for API calls.
import { inject } from 'vitest';
import { type CookieJar, cookieHeader, logInAtProvider } from './provider-login.ts';

/** The portal's `cookie` header value for a logged-in staff member. */
export async function staffSessionCookie(username: string): Promise<string> {
  const apiUrl = new URL(inject('apiUrl'));
  const password = inject('staffPasswords')[username];
  if (!password) throw new Error(`no development account ${username}`);
  const jar: CookieJar = new Map();
  const { url: landed } = await logInAtProvider(jar, new URL('/tasklist/login', apiUrl), username, password);
  if (landed.origin !== apiUrl.origin) throw new Error(`login ended at ${landed.origin}${landed.pathname}`);
  const cookie = cookieHeader(jar, apiUrl);
  if (!cookie.includes('gp_staff=')) throw new Error('the portal set no staff session');
  return cookie;
}

/** Calls the tasklist API with a staff session, as the tasklist's page does. */
export async function callTasklist<T = Record<string, unknown>>(cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, inject('apiUrl')), {
    method,
    headers: {
      cookie,
      'x-requested-with': 'tasklist',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * Headers of a staff call outside the tasklist's own API (the finance routes), as the tasklist's
 * page sends them: the session cookie and the marker that state-changing calls need (CSRF).
 */
export const staffHeaders = (cookie: string): Record<string, string> => ({ cookie, 'x-requested-with': 'tasklist' });

/** Calls the process modeller's API as its page does: the session cookie and, by default, its marker (CSRF). */
export async function callModeler<T = Record<string, unknown>>(
  cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-requested-with': 'modeler' },
): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, inject('apiUrl')), {
    method,
    headers: { cookie, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
