/**
 * Accounts opened with AGOV have no password (INT-5, issue 7). What the password confirms for
 * other accounts (a new e-mail address, the deletion: ACC-5, ACC-6) they confirm with a recent
 * authentication: a session opened through AGOV within the last 10 minutes. An older session is
 * made older by ageing its stored time, not by waiting. The forgotten-password mail gives such an
 * account a first password.
 *
 * The AGOV person used here, marco.zweit, opens no account in any other test file (agov-login.test.ts
 * only lets the stand-in log him in), so his account is this file's.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientAddress, from, logIn, mailsTo, mailWithLink, TEST_PASSWORD } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';
import { agovLoginCode } from './support/provider-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const PERSON = 'marco.zweit';
const AGOV_EMAIL = 'marco.zweit@agov.example';
const MINUTE = 60_000;

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

const agovCode = () => agovLoginCode(inject('apiUrl'), PERSON, inject('agovPasswords')[PERSON] ?? '');

/** A session of marco's account through AGOV, opening the account from AGOV's claims if there is none. */
async function agovSession(): Promise<{ token: string; sessionId: string; accountId: string }> {
  const code = await agovCode();
  let session = await callApi<Body>('POST', '/sessions/agov', { body: { code } });
  if (session.status === 404) session = await callApi<Body>('POST', '/accounts/agov', { body: { code } });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  return { token: session.body.token, sessionId: session.body.session.id, accountId: session.body.accountId };
}

/** Moves the session's login back in time, as if it had been opened `minutes` ago. */
async function openedAgo(sessionId: string, minutes: number): Promise<void> {
  const at = new Date(Date.now() - minutes * MINUTE);
  await db('account_sessions').where({ id: sessionId }).update({ created_at: at, last_seen_at: new Date() });
}

const newAddress = (label: string) => `${label}.${randomUUID().slice(0, 8)}@buerger.example`;

describe('an account without a password (opened with AGOV)', () => {
  it('when it changes its e-mail address or asks for its deletion, then a fresh AGOV login confirms it, an older one is refused with 403, and a password is refused naming /body/password', async () => {
    const fresh = await agovSession();
    expect((await db('accounts').where({ id: fresh.accountId }).first('password_hash')).password_hash).toBeNull();

    // A password where there is none: refused, not ignored.
    const withPassword = await callApi<Body>('POST', '/account/email-change', { token: fresh.token, body: { newEmail: newAddress('marco'), password: TEST_PASSWORD } });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body).toMatchObject({ type: 'urn:gemeindeportal:problem:password-not-set', errors: [{ pointer: '/body/password' }] });
    const deletionWithPassword = await callApi<Body>('POST', '/account/deletion', { token: fresh.token, body: { password: TEST_PASSWORD } });
    expect(deletionWithPassword.status).toBe(400);
    expect(deletionWithPassword.body.errors).toEqual([expect.objectContaining({ pointer: '/body/password' })]);
    // There is no password to change either: the forgotten-password mail sets a first one.
    const change = await callApi<Body>('PUT', '/account/password', { token: fresh.token, body: { currentPassword: TEST_PASSWORD, newPassword: 'Neues-Passwort-7' } });
    expect(change.status).toBe(400);
    expect(change.body).toMatchObject({ type: 'urn:gemeindeportal:problem:password-not-set', errors: [{ pointer: '/body/currentPassword' }] });

    // An AGOV login older than 10 minutes no longer confirms.
    await openedAgo(fresh.sessionId, 11);
    const newEmail = newAddress('marco');
    for (const [path, body] of [['/account/email-change', { newEmail }], ['/account/deletion', {}]] as const) {
      const stale = await callApi<Body>('POST', path, { token: fresh.token, body });
      expect(stale.status, path).toBe(403);
      expect(stale.headers.get('content-type')).toContain('application/problem+json');
      expect(stale.body).toMatchObject({
        type: 'urn:gemeindeportal:problem:reauthentication-required', title: 'Bitte melden Sie sich zur Bestätigung erneut mit AGOV an.',
        errors: [{ pointer: '/headers/authorization' }],
      });
      expect(stale.body.detail).toContain('/login/agov');
    }
    expect(await mailsTo(newEmail)).toEqual([]);

    // 9 minutes is within the window: the new address gets its link, the old one is told.
    const again = await agovSession();
    expect(again.accountId).toBe(fresh.accountId);
    await openedAgo(again.sessionId, 9);
    const before = (await mailsTo(AGOV_EMAIL)).length;
    const asked = await callApi<Body>('POST', '/account/email-change', { token: again.token, body: { newEmail } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    const { token: confirmation } = await mailWithLink(newEmail, 'konto/email-bestaetigen');
    await eventually(async () => ((await mailsTo(AGOV_EMAIL)).length > before ? true : undefined), 'the notice to the old address');
    expect((await callApi('POST', '/account/email-change/confirmation', { body: { token: confirmation } })).status).toBe(204);
    expect((await callApi<Body>('GET', '/account', { token: again.token })).body.email).toBe(newEmail);

    // Deletion: the fresh login confirms the request, the mailed link still confirms the deletion (ACC-6).
    const deleting = await agovSession();
    const asking = await callApi<Body>('POST', '/account/deletion', { token: deleting.token, body: {} });
    expect(asking.status, JSON.stringify(asking.body)).toBe(202);
    expect((await callApi('GET', '/account', { token: deleting.token })).status).toBe(200);
    const { token: deletion } = await mailWithLink(newEmail, 'konto/loeschung-bestaetigen');
    expect((await callApi('POST', '/account/deletion/confirmation', { body: { token: deletion } })).status).toBe(204);
    expect((await callApi('GET', '/account', { token: deleting.token })).status).toBe(401);
    expect(await db('accounts').where({ id: fresh.accountId }).first()).toBeUndefined();
    // The AGOV identity went with the account: it knows no account any more.
    expect((await callApi('POST', '/sessions/agov', { body: { code: await agovCode() } })).status).toBe(404);
  });

  it('when it asks for a forgotten password, then the mailed link sets its first password; from then on it logs in and confirms with it like any other', async () => {
    const agov = await agovSession();
    const account = await callApi<Body>('GET', '/account', { token: agov.token });
    const email = account.body.email as string;
    const before = (await mailsTo(email)).length;
    expect((await callApi('POST', '/password-resets', { headers: from(clientAddress(email)), body: { email } })).status).toBe(202);
    const { token } = await mailWithLink(email, 'konto/passwort-zuruecksetzen', before);
    expect((await callApi('POST', '/password-resets/completion', { body: { token, newPassword: TEST_PASSWORD } })).status).toBe(204);
    // A reset ends every session, the AGOV one too.
    expect((await callApi('GET', '/account', { token: agov.token })).status).toBe(401);

    const password = await logIn(email);
    expect((await callApi<Body>('GET', '/account', { token: password })).body.id).toBe(agov.accountId);
    // Now it has a password, so the password confirms, and a fresh AGOV login alone does not.
    const agovAgain = await agovSession();
    expect(agovAgain.accountId).toBe(agov.accountId);
    const withoutPassword = await callApi<Body>('POST', '/account/deletion', { token: agovAgain.token, body: {} });
    expect(withoutPassword.status).toBe(400);
    expect(withoutPassword.body.errors).toEqual([expect.objectContaining({ pointer: '/body/password' })]);
    expect((await callApi('POST', '/account/email-change', { token: password, body: { newEmail: newAddress('marco'), password: TEST_PASSWORD } })).status).toBe(202);
    // With a password, AGOV may be unlinked: the account can still be logged in to.
    expect((await callApi('DELETE', '/account/identities/agov', { token: password })).status).toBe(204);
  });
});
