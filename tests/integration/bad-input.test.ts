// Input the request schemas used to accept and the code or PostgreSQL behind them did not: each
// was answered with a 5xx (found by the route fuzz), and is now a 4xx naming what is wrong, with
// nothing stored.
import { describe, expect, inject, it } from 'vitest';
import { callApi } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { callTasklist, staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
const URN = 'urn:uuid:7b0e7a52-55a8-4b55-9d51-0d4c7b0c2f10';

async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; type: string; body: Body }> {
  const response = await fetch(new URL(path, inject('apiUrl')), init);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Body };
}

describe('input the database would have refused', () => {
  it('when an id is written as urn:uuid:…, then 400 names the parameter (the database refused it with 500)', async () => {
    const token = await citizenToken('Urn');
    for (const [method, path] of [['GET', `/cases/${URN}`], ['GET', `/documents/${URN}`], ['POST', `/invitations/${URN.toUpperCase()}/decline`], ['DELETE', `/sessions/${URN}`]] as const) {
      const response = await callApi<Body>(method, path, { token });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.body.errors?.[0]?.pointer, `${method} ${path}`).toMatch(/^\/params\//);
    }
  });

  it('when text carries U+0000 or half a surrogate pair, then 400 names the field and the account stays as it was', async () => {
    const token = await citizenToken('Nul');
    const before = (await callApi<Body>('GET', '/account', { token })).body;
    for (const firstName of ['An\u0000na', 'An\uD800na', 'An\uDC00na']) {
      const response = await callApi<Body>('PATCH', '/account', { token, body: { firstName } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ pointer: '/body/firstName', detail: expect.stringContaining('not text') }]);
    }
    expect((await callApi<Body>('GET', '/account', { token })).body).toEqual(before);
    const draft = await callApi<Body>('POST', '/drafts', { token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau', data: { note: 'a\u0000b' } } });
    expect(draft.status).toBe(400);
    expect(draft.body.errors?.[0]?.pointer).toBe('/body/data/note');
    const clerk = await staffSessionCookie('sandra.meier');
    const search = await callTasklist<Body>(clerk, 'GET', `/tasklist/api/tasks?view=unassigned&citizen=${encodeURIComponent('Mus\u0000ter')}`);
    expect(search.status).toBe(400);
    expect(search.body.errors?.[0]?.pointer).toBe('/querystring/citizen');
  });

  it('when a date has the year 0000 or a time an offset no time zone has, then 400 names it', async () => {
    const finance = await staffSessionCookie('franz.finanz');
    const report = await raw('/finance/municipalities/aarau/paid-services?from=0000-01-01&format=json', { headers: staffHeaders(finance) });
    expect(report.status).toBe(400);
    expect(report.body.errors?.[0]?.pointer).toBe('/querystring/from');
    const clerk = await staffSessionCookie('sandra.meier');
    for (const dueDate of ['0000-03-01T10:00:00Z', '2026-12-24T10:00:00+23:00']) {
      const task = await callTasklist<Body>(clerk, 'POST', '/tasklist/api/internal-tasks', { title: 'Datum prüfen', dueDate });
      expect(task.status, dueDate).toBe(400);
      expect(task.body.errors?.[0]?.pointer, dueDate).toBe('/body/dueDate');
    }
    const fine = await callTasklist<Body>(clerk, 'POST', '/tasklist/api/internal-tasks', { title: 'Datum prüfen', dueDate: '2026-12-24T10:00:00+14:00' });
    expect(fine.status).toBe(201);
  });

  it('when a Payrexx webhook names a transaction id Payrexx never gives, then 400, not 503 "provider unavailable" (which Payrexx retries)', async () => {
    for (const id of [0, '0', '9007199254740993', '00042']) {
      const response = await callApi<Body>('POST', '/webhooks/payrexx/aarau', { body: { transaction: { id } } });
      expect(response.status, String(id)).toBe(400);
      expect(response.body.errors).toEqual([{ pointer: '/body/transaction/id', detail: expect.any(String) }]);
    }
    // One Payrexx does not know is no outage either: the same answer as for any other.
    expect((await callApi<Body>('POST', '/webhooks/payrexx/aarau', { body: { transaction: { id: 987654321 } } })).body).toEqual({ received: true });
  });
});

describe('requests the router or the HTTP parser refuses', () => {
  it('when a path parameter is too long, a URL badly encoded, or the URL longer than the headers may be, then problem JSON says so', async () => {
    const token = await citizenToken('Long');
    const long = await raw(`/cases/${'a'.repeat(200)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(long).toMatchObject({ status: 414, type: expect.stringContaining('application/problem+json'), body: { type: 'urn:gemeindeportal:problem:uri-too-long' } });
    const broken = await raw('/cases/%E0%A4%A');
    expect(broken).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json'), body: { errors: [{ pointer: '/url' }] } });
    const huge = await raw(`/payments/return?case=${'x'.repeat(20_000)}`);
    expect(huge).toMatchObject({ status: 431, type: expect.stringContaining('application/problem+json'), body: { status: 431 } });
  });
});
