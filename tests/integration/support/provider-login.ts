// Logs in at a development OpenID provider as a browser would, without one: follows redirects
// with cookies per origin and fills the provider's login form.
import { LOGIN_FORM } from '../../../simulators/identity/pages.ts';

export type CookieJar = Map<string, Map<string, string>>;
export interface Hop { url: URL; status: number; cookie: string }
export interface Landing { url: URL; response: Response; hops: Hop[] }

/** Keeps the cookies a response sets, per origin. */
export function remember(jar: CookieJar, url: URL, response: Response): void {
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

export const cookieHeader = (jar: CookieJar, url: URL): string =>
  [...(jar.get(url.origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');

/** Follows redirects with the jar's cookies; stops at a non-redirect or where `stopAt` says (a page nobody serves in the tests). */
export async function follow(jar: CookieJar, start: URL, init: RequestInit = {}, stopAt: (url: URL) => boolean = () => false): Promise<Landing> {
  const hops: Hop[] = [];
  let url = start;
  let request = init;
  for (let hop = 0; hop < 15; hop++) {
    const cookie = cookieHeader(jar, url);
    const response = await fetch(url, { ...request, redirect: 'manual', headers: { ...(request.headers ?? {}), cookie } });
    hops.push({ url, status: response.status, cookie });
    remember(jar, url, response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { url, response, hops };
    url = new URL(location, url);
    request = {};
    if (stopAt(url)) return { url, response, hops };
  }
  throw new Error('too many redirects while logging in');
}

/** Starts at `start` (a login route of the portal), fills the provider's form, and answers where the browser ended up. */
export async function logInAtProvider(jar: CookieJar, start: URL, username: string, password: string, stopAt?: (url: URL) => boolean): Promise<Landing> {
  const first = await follow(jar, start, {}, stopAt);
  const html = await first.response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`no login form at ${first.url.origin}${first.url.pathname} (status ${first.response.status})`);
  const body = new URLSearchParams({ [LOGIN_FORM.usernameField]: username, [LOGIN_FORM.passwordField]: password });
  const landed = await follow(jar, new URL(action, first.url), {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
  }, stopAt);
  return { ...landed, hops: [...first.hops, ...landed.hops] };
}

/** The front-end pages the AGOV return leads to; the tests run no front end, so the browser stops there. */
const atFrontEnd = (url: URL) => url.pathname.startsWith('/konto');

/**
 * Logs in at the test platform's AGOV stand-in as `username` (one of the development AGOV persons)
 * and answers the one-time code the return page gets (`?agov=`), for POST /sessions/agov or
 * POST /accounts/agov.
 */
export async function agovLoginCode(apiUrl: string, username: string, password: string): Promise<string> {
  const { url } = await logInAtProvider(new Map(), new URL('/login/agov?next=%2Fkonto', apiUrl), username, password, atFrontEnd);
  const code = url.searchParams.get('agov');
  if (!code) throw new Error(`the AGOV login of ${username} ended at ${url.pathname} without a code`);
  return code;
}
