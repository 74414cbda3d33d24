// Staff sessions live on the server: logout ends a session for every copy of its cookie, and the
// directory decides, every few seconds here, which roles a logged-in member has and whether they
// may go on at all.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { eventually } from './support/http.ts';
import { callTasklist, staffHeaders, staffSessionCookie } from './support/staff-login.ts';

const THEO = 'theo.test';

/** What an administrator of the staff directory does to an account. */
async function changeAtDirectory(username: string, change: { roles?: string[]; groups?: string[]; disabled?: boolean }): Promise<void> {
  const response = await fetch(new URL(`/__sim/accounts/${username}`, inject('staffDirectoryUrl')), {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change),
  });
  expect(response.status).toBe(204);
}

const get = (cookie: string, path: string) => fetch(new URL(path, inject('apiUrl')), { headers: staffHeaders(cookie), redirect: 'manual' });

afterAll(async () => {
  await changeAtDirectory(THEO, { roles: ['clerk'], groups: ['4001-einwohnerkontrolle'], disabled: false });
});

describe('staff sessions on the server', () => {
  it('when a clerk logs out, then a copy of the cookie no longer opens the tasklist, the modeller or the finance routes', async () => {
    const cookie = await staffSessionCookie('beat.keller');
    const copy = cookie;
    expect((await callTasklist(copy, 'GET', '/tasklist/api/me')).status).toBe(200);

    const logout = await get(cookie, '/tasklist/logout');
    expect(logout.status).toBe(302);
    expect(logout.headers.get('set-cookie')).toMatch(/gp_staff=;/);

    expect((await callTasklist(copy, 'GET', '/tasklist/api/me')).status).toBe(401);
    expect((await get(copy, '/modeler/api/me')).status).toBe(401);
    expect((await get(copy, '/finance/municipalities/baden/open-invoices')).status).toBe(401);
    const page = await get(copy, '/tasklist/');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/tasklist/login');
  });

  it('when a clerk logs in twice and out of one session, then the other goes on', async () => {
    const [first, second] = [await staffSessionCookie('lukas.brunner'), await staffSessionCookie('lukas.brunner')];
    await get(first, '/tasklist/logout');
    expect((await callTasklist(first, 'GET', '/tasklist/api/me')).status).toBe(401);
    expect((await callTasklist(second, 'GET', '/tasklist/api/me')).status).toBe(200);
  });

  it('when the directory gives or takes a role, then the logged-in member has it or loses it without logging in again', async () => {
    const cookie = await staffSessionCookie(THEO);
    const openInvoices = () => get(cookie, '/finance/municipalities/aarau/open-invoices');
    expect((await openInvoices()).status).toBe(403);

    await changeAtDirectory(THEO, { roles: ['clerk', 'finance'] });
    await eventually(async () => ((await openInvoices()).status === 200 ? true : undefined), 'the finance role to arrive', 15_000);
    const me = await callTasklist<{ roles: string[] }>(cookie, 'GET', '/tasklist/api/me');
    expect(me.body.roles).toEqual(['clerk', 'finance']);

    await changeAtDirectory(THEO, { roles: ['clerk'] });
    await eventually(async () => ((await openInvoices()).status === 403 ? true : undefined), 'the finance role to go', 15_000);
  });

  it('when the directory disables the member, then the session ends, and stays ended when the account is enabled again', async () => {
    const cookie = await staffSessionCookie(THEO);
    expect((await callTasklist(cookie, 'GET', '/tasklist/api/me')).status).toBe(200);

    await changeAtDirectory(THEO, { disabled: true });
    await eventually(async () => ((await callTasklist(cookie, 'GET', '/tasklist/api/me')).status === 401 ? true : undefined), 'the session to end', 15_000);

    await changeAtDirectory(THEO, { disabled: false });
    expect((await callTasklist(cookie, 'GET', '/tasklist/api/me')).status).toBe(401);
    const again = await staffSessionCookie(THEO);
    expect((await callTasklist(again, 'GET', '/tasklist/api/me')).status).toBe(200);
  });
});
