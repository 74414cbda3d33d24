// Logs a staff member in through the development OpenID provider as a browser would, without
// one: follows the redirects with cookies per origin, fills the provider's login form, and
// returns the portal's session cookie for API calls.
import { inject } from 'vitest';
import { LOGIN_FORM } from '../../../connectors/identity/pages.ts';

type Jar = Map<string, Map<string, string>>;

function remember(jar: Jar, url: URL, response: Response): void {
  const cookies = jar.get(url.origin) ?? new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, ...value] = (pair ?? '').split('=');
    if (!name) continue;
    if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(header)) cookies.delete(name.trim());
    else cookies.set(name.trim(), value.join('='));
  }
  jar.set(url.origin, cookies);
}

const cookieHeader = (jar: Jar, url: URL) => [...(jar.get(url.origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');

async function go(jar: Jar, start: URL, init: RequestInit = {}): Promise<{ url: URL; response: Response }> {
  let url = start;
  let request = init;
  for (let hop = 0; hop < 15; hop++) {
    const response = await fetch(url, { ...request, redirect: 'manual', headers: { ...(request.headers ?? {}), cookie: cookieHeader(jar, url) } });
    remember(jar, url, response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { url, response };
    url = new URL(location, url);
    request = {};
  }
  throw new Error('too many redirects while logging in');
}

/** The portal's `cookie` header value for a logged-in staff member. */
export async function staffSessionCookie(username: string): Promise<string> {
  const apiUrl = new URL(inject('apiUrl'));
  const password = inject('staffPasswords')[username];
  if (!password) throw new Error(`no development account ${username}`);
  const jar: Jar = new Map();
  const { url: loginPage, response } = await go(jar, new URL('/tasklist/login', apiUrl));
  const html = await response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`no login form at ${loginPage.origin}`);
  const body = new URLSearchParams({ [LOGIN_FORM.usernameField]: username, [LOGIN_FORM.passwordField]: password });
  const { url: landed } = await go(jar, new URL(action, loginPage), {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
  });
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
