// INT-5 and INT-4: login with AGOV (the local stand-in provider, driven over HTTP as a browser
// would), opening an account from AGOV's claims, linking AGOV to a password account, refusals,
// and the pre-filling of forms.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { activatedAccount, logIn } from './support/citizens.ts';
import { callApi } from './support/http.ts';
import { type CookieJar, cookieHeader, logInAtProvider, remember } from './support/provider-login.ts';

type Jar = CookieJar;
// The return page belongs to the front end, which these tests do not run.
const atFrontEnd = (url: URL) => url.pathname.startsWith('/konto');

const api = () => new URL(inject('apiUrl'));

/** Logs in at the AGOV stand-in as `username`, starting at `start`; answers where the browser ended up. */
async function agovLogin(username: string, start: string, jar: Jar = new Map()) {
  const password = inject('agovPasswords')[username];
  if (!password) throw new Error(`no AGOV person ${username}`);
  return logInAtProvider(jar, new URL(start, api()), username, password, atFrontEnd);
}

async function agovCode(username: string, next = '/konto/anmelden'): Promise<string> {
  const { url } = await agovLogin(username, `/login/agov?next=${encodeURIComponent(next)}`);
  expect(url.origin).toBe(api().origin);
  expect(url.pathname).toBe(next);
  const code = url.searchParams.get('agov');
  expect(code).toBeTruthy();
  expect(url.href).not.toContain('gps_');
  return code as string;
}

const account = (token: string) => callApi<{ id: string; email: string; firstName: string; lastName: string; kontoId: string; identities?: { provider: string }[] }>('GET', '/account', { token });
const identities = (token: string) => callApi<{ identities: { provider: string }[] }>('GET', '/account/identities', { token });

describe('login with AGOV (INT-5)', () => {
  it('an unknown AGOV identity opens an account from its verified claims only on request, and logs in to it again', async () => {
    const code = await agovCode('anna.muster');
    const unknown = await callApi<{ type: string }>('POST', '/sessions/agov', { body: { code } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toMatch(/agov-identity-unknown$/);

    const opened = await callApi<{ token: string; accountId: string }>('POST', '/accounts/agov', { body: { code } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const me = await account(opened.body.token);
    expect(me.body).toMatchObject({ id: opened.body.accountId, firstName: 'Anna', lastName: 'Muster', email: 'anna.muster@agov.example' });
    expect(me.body.kontoId).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    expect((await identities(opened.body.token)).body.identities).toEqual([expect.objectContaining({ provider: 'agov' })]);

    // The code is used up.
    expect((await callApi('POST', '/accounts/agov', { body: { code } })).status).toBe(400);
    expect((await callApi('POST', '/sessions/agov', { body: { code } })).status).toBe(400);

    const again = await callApi<{ token: string; accountId: string }>('POST', '/sessions/agov', { body: { code: await agovCode('anna.muster', '/konto') } });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.accountId).toBe(opened.body.accountId);
    expect((await account(again.body.token)).body.id).toBe(opened.body.accountId);

    // Without a password the only login is AGOV: it cannot be unlinked.
    expect((await callApi('DELETE', '/account/identities/agov', { token: again.body.token })).status).toBe(409);
  });

  it('links AGOV to an existing password account, which AGOV then logs in to; the identity cannot be linked elsewhere', async () => {
    const email = await activatedAccount({ firstName: 'Peter', lastName: 'Passwort', email: `peter.${randomUUID().slice(0, 8)}@buerger.example` });
    const token = await logIn(email);
    const accountId = (await account(token)).body.id;

    // Not linked yet: AGOV does not merge by anything on its own.
    expect((await callApi('POST', '/sessions/agov', { body: { code: await agovCode('peter.beispiel') } })).status).toBe(404);

    const start = await callApi<{ location: string }>('POST', '/account/identities/agov', { token, body: {} });
    expect(start.status).toBe(200);
    const linked = await agovLogin('peter.beispiel', start.body.location);
    expect(linked.url.pathname).toBe('/konto');
    const linkCode = linked.url.searchParams.get('agov-link');
    expect(linkCode).toBeTruthy();
    // Nothing is linked before the account's own session confirms; a login code does not log in with it.
    expect((await identities(token)).body.identities).toEqual([]);
    expect((await callApi('POST', '/sessions/agov', { body: { code: linkCode } })).status).toBe(400);
    const stranger = await logIn(await activatedAccount({ firstName: 'Sara', lastName: 'Fremd', email: `sara.${randomUUID().slice(0, 8)}@buerger.example` }));
    expect((await callApi('POST', '/account/identities/agov/confirmation', { token: stranger, body: { code: linkCode } })).status).toBe(400);
    expect((await callApi('POST', '/account/identities/agov/confirmation', { token, body: { code: linkCode } })).status).toBe(204);
    expect((await callApi('POST', '/account/identities/agov/confirmation', { token, body: { code: linkCode } })).status).toBe(400);
    expect((await identities(stranger)).body.identities).toEqual([]);
    expect((await identities(token)).body.identities).toEqual([expect.objectContaining({ provider: 'agov' })]);
    expect((await account(token)).body.identities).toEqual([expect.objectContaining({ provider: 'agov' })]);

    const login = await callApi<{ accountId: string; token: string }>('POST', '/sessions/agov', { body: { code: await agovCode('peter.beispiel') } });
    expect(login.status).toBe(201);
    expect(login.body.accountId).toBe(accountId);

    // Another account may not take the same AGOV identity.
    const otherEmail = await activatedAccount({ firstName: 'Olga', lastName: 'Andere', email: `olga.${randomUUID().slice(0, 8)}@buerger.example` });
    const otherToken = await logIn(otherEmail);
    const otherStart = await callApi<{ location: string }>('POST', '/account/identities/agov', { token: otherToken, body: {} });
    const refused = await agovLogin('peter.beispiel', otherStart.body.location);
    expect(refused.response.status).toBe(409);
    expect((await identities(otherToken)).body.identities).toEqual([]);

    // With a password, unlinking is allowed; AGOV then knows no account any more.
    expect((await callApi('DELETE', '/account/identities/agov', { token })).status).toBe(204);
    expect((await identities(token)).body.identities).toEqual([]);
    expect((await account(token)).body.identities).toEqual([]);
    expect((await callApi('POST', '/sessions/agov', { body: { code: await agovCode('peter.beispiel') } })).status).toBe(404);
  });

  it('a login into an account that already exists by e-mail is refused, not merged', async () => {
    // lea.link's AGOV address belongs to a password account: opening an account from AGOV is refused.
    await activatedAccount({ firstName: 'Lea', lastName: 'Passwort', email: 'lea.link@agov.example' });
    const code = await agovCode('lea.link');
    expect((await callApi('POST', '/sessions/agov', { body: { code } })).status).toBe(404);
    const refused = await callApi<{ type: string }>('POST', '/accounts/agov', { body: { code } });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/email-taken$/);
  });

  it('refuses a next page outside the allow-list, a forged state, a replayed code and a forged hand-off code', async () => {
    expect((await fetch(new URL('/login/agov?next=https://evil.example/', api()), { redirect: 'manual' })).status).toBe(400);
    expect((await fetch(new URL('/login/agov?next=//evil.example', api()), { redirect: 'manual' })).status).toBe(400);
    expect((await callApi('POST', '/account/identities/agov', { body: {} })).status).toBe(401);
    expect((await fetch(new URL('/login/agov?link=forged', api()), { redirect: 'manual' })).status).toBe(400);

    // A callback without the browser's pending login, and one with a state that is not its own.
    expect((await fetch(new URL('/login/agov/callback?code=abc&state=xyz', api()), { redirect: 'manual' })).status).toBe(400);
    const jar: Jar = new Map();
    const started = await fetch(new URL('/login/agov', api()), { redirect: 'manual' });
    remember(jar, api(), started);
    const forged = await fetch(new URL('/login/agov/callback?code=abc&state=forged', api()), { redirect: 'manual', headers: { cookie: cookieHeader(jar, api()) } });
    expect(forged.status).toBe(401);

    // A real callback replayed with the same pending-login cookie: the provider's code works once.
    const done = await agovLogin('marco.zweit', '/login/agov');
    const callback = done.hops.find((hop) => hop.url.pathname === '/login/agov/callback');
    expect(callback).toBeDefined();
    expect(done.url.searchParams.get('agov')).toBeTruthy();
    const replayed = await fetch(callback!.url, { redirect: 'manual', headers: { cookie: callback!.cookie } });
    expect(replayed.status).toBe(401);

    expect((await callApi('POST', '/sessions/agov', { body: { code: 'gpl_forgedforgedforgedforged' } })).status).toBe(400);
  });
});

describe('pre-filling forms (INT-4)', () => {
  it("answers the account's own data, with the date of birth of an AGOV login, and nothing of another account", async () => {
    const login = await callApi<{ token: string; accountId: string }>('POST', '/sessions/agov', { body: { code: await agovCode('anna.muster') } });
    // anna.muster's account is opened by the first test; run alone, open it here.
    const token = login.status === 201 ? login.body.token
      : (await callApi<{ token: string }>('POST', '/accounts/agov', { body: { code: await agovCode('anna.muster') } })).body.token;
    await callApi('PATCH', '/account', { token, body: { address: { street: 'Bahnhofstrasse 1', postalCode: '5000', town: 'Aarau', country: 'CH' } } });
    const prefill = await callApi<{ serviceId: string; applicant: Record<string, unknown> }>('GET', '/account/prefill?serviceId=wohnsitzbestaetigung', { token });
    expect(prefill.status).toBe(200);
    expect(prefill.body).toEqual({
      serviceId: 'wohnsitzbestaetigung',
      data: null,
      applicant: {
        firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12', email: 'anna.muster@agov.example',
        address: { street: 'Bahnhofstrasse 1', postalCode: '5000', town: 'Aarau', country: 'CH' }, language: 'de',
      },
    });
    // For a service, its start form comes pre-filled as its package says, ready for POST /applications.
    const forCertificate = await callApi<{ data: Record<string, unknown> }>('GET', '/account/prefill?serviceId=residence-certificate', { token });
    expect(forCertificate.body.data).toEqual({ applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' } });

    const email = await activatedAccount({ firstName: 'Paula', lastName: 'Passwort', email: `paula.${randomUUID().slice(0, 8)}@buerger.example` });
    const other = await callApi<{ applicant: Record<string, unknown> }>('GET', '/account/prefill', { token: await logIn(email) });
    expect(other.status).toBe(200);
    expect(other.body.applicant).toEqual({ firstName: 'Paula', lastName: 'Passwort', dateOfBirth: null, email, address: null, language: 'de' });
    expect(JSON.stringify(other.body)).not.toContain('Muster');

    expect((await callApi('GET', '/account/prefill')).status).toBe(401);
  });
});
