/**
 * "Mein Konto" over the real API (issue 7, ACC-1…5): every mail is a real one, sent through SMTP to
 * the test's mail catcher, and its links are followed as a person would. Link expiry and idle
 * sessions are brought about by ageing the stored times, not by waiting.
 * The test platform limits login, registration and reset to 10 per client address and 8 per
 * e-mail address in 3 s (global-setup.ts); each test speaks from client addresses of its own.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseKontoId } from '../../core/accounts/konto-id.ts';
import { createSecretBox } from '../../core/db/secret-box.ts';
import { newTotpSecret, totpCodeAt } from '../../core/accounts/totp.ts';
import { createAccountsRepository } from '../../core/db/accounts-repository.ts';
import { activatedAccount, clientAddress, from, linkToken, logIn, mailsTo, mailWithLink, TEST_PASSWORD } from './support/citizens.ts';
import { callApi, eventually, type ApiResponse } from './support/http.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

const address = (label: string) => `${label}.${randomUUID().slice(0, 8)}@buerger.example`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The answer without `instance` (the request's URL), which is all that may differ between two refusals. */
const answer = (response: { status: number; body: unknown }) => {
  const { instance: _instance, ...rest } = response.body as Body;
  return { status: response.status, body: rest };
};

function register(body: Body, ip = clientAddress(String(body.email))) {
  return callApi<Body>('POST', '/accounts', { headers: from(ip), body });
}

/** A 429 problem with a Retry-After within the test platform's window (3 s); answers its seconds. */
function retryAfterOf(limited: ApiResponse<Body>): number {
  expect(limited.status).toBe(429);
  expect(limited.headers.get('content-type')).toContain('application/problem+json');
  expect(limited.body.type).toBe('urn:gemeindeportal:problem:rate-limited');
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3);
  return retryAfter;
}

function login(email: string, password: string, extra: Body = {}, ip = clientAddress(email)) {
  return callApi<Body>('POST', '/sessions', { headers: from(ip), body: { email, password, ...extra } });
}

/** Makes every unused link of the account of `email` expire, as if its time had passed. */
async function ageLinks(email: string): Promise<void> {
  await db('account_tokens').whereIn('account_id', db('accounts').select('id').whereRaw('lower(email) = ?', [email]))
    .whereNull('used_at').update({ expires_at: db.raw("now() - interval '1 second'") });
}

const casesStatus = async (token: string) => (await callApi('GET', '/cases', { token })).status;

describe('registration and activation', () => {
  it('when a citizen registers, then the mail brings the Konto-ID and a link; after activating, login and "Meine Daten" show the same Konto-ID', async () => {
    const email = address('anna.register');
    const registered = await register({ firstName: 'Anna', lastName: 'Muster', email, password: TEST_PASSWORD });
    expect(registered.status).toBe(202);

    const { mail, token } = await mailWithLink(email, 'konto/aktivieren');
    expect(mail.subject).toBe('Gemeindeportal: Bitte aktivieren Sie Ihr Konto');
    expect(mail.text).toContain('Guten Tag Anna Muster');
    expect(mail.text).toMatch(new RegExp(`${inject('apiUrl').replace(/\/$/, '')}/konto/aktivieren\\?token=gpl_`));
    const kontoId = /Ihre Konto-ID: (\d{4}-\d{4}-\d{4})/.exec(mail.text)?.[1];
    expect(kontoId && parseKontoId(kontoId)).toBeTruthy();

    // Not activated: the right password is told so; a wrong one gets the usual refusal.
    const early = await login(email, TEST_PASSWORD);
    expect(early.status).toBe(403);
    expect(early.body.type).toBe('urn:gemeindeportal:problem:account-not-activated');

    expect((await callApi('POST', '/accounts/activation', { body: { token } })).status).toBe(204);
    const again = await callApi<Body>('POST', '/accounts/activation', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ pointer: '/body/token', detail: 'unknown or already used' }]);

    const session = await login(email, TEST_PASSWORD);
    expect(session.status).toBe(201);
    expect(session.body.token).toMatch(/^gps_[A-Za-z0-9_-]{43}$/);
    const me = await callApi<Body>('GET', '/account', { token: session.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kontoId, firstName: 'Anna', lastName: 'Muster', email, address: null, secondFactor: false });
    expect(me.body.id).toBe(session.body.accountId);
    expect(me.body.lastLoginAt).not.toBeNull();
    // Stored as argon2id, never as given.
    const stored = await db('accounts').where({ id: me.body.id }).first('password_hash');
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('when the password misses rules of ACC-2, then the 400 names each missing rule at /body/password and no account or mail is made', async () => {
    const email = address('weak');
    const weak = await register({ firstName: 'Weak', lastName: 'Password', email, password: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.headers.get('content-type')).toContain('application/problem+json');
    expect(weak.body.type).toBe('urn:gemeindeportal:problem:weak-password');
    expect(weak.body.errors.map((e: Body) => e.pointer)).toEqual(['/body/password', '/body/password', '/body/password']);
    expect(weak.body.errors.map((e: Body) => e.detail)).toEqual([
      expect.stringContaining('at least 8 characters'), expect.stringContaining('upper-case letter'), expect.stringContaining('digit'),
    ]);
    const noUpper = await register({ firstName: 'Weak', lastName: 'Password', email, password: 'alleskleingeschrieben1' });
    expect(noUpper.body.errors).toEqual([{ pointer: '/body/password', detail: expect.stringContaining('upper-case letter') }]);
    const noLower = await register({ firstName: 'Weak', lastName: 'Password', email, password: 'ALLESGROSS1' });
    expect(noLower.body.errors).toEqual([{ pointer: '/body/password', detail: expect.stringContaining('lower-case letter') }]);

    const badInput = await register({ firstName: '', lastName: 'X', email: 'not-an-address', password: TEST_PASSWORD, extra: 1 });
    expect(badInput.status).toBe(400);
    expect([...new Set(badInput.body.errors.map((e: Body) => e.pointer))].sort()).toEqual(['/body/email', '/body/extra', '/body/firstName']);

    expect(await db('accounts').whereRaw('lower(email) = ?', [email]).first()).toBeUndefined();
    await pause(500);
    expect(await mailsTo(email)).toEqual([]);
  });

  it('when a known address registers again, then the answer is the same as for a new one, the owner is told by mail, and the password stays', async () => {
    const email = await activatedAccount({ firstName: 'Dora', lastName: 'Doppelt', email: address('dora') });
    const fresh = await register({ firstName: 'Neu', lastName: 'Person', email: address('fresh'), password: TEST_PASSWORD });
    const duplicate = await register({ firstName: 'Mallory', lastName: 'Takeover', email, password: 'Anderes-Passwort-9' });
    expect(answer(duplicate)).toEqual(answer(fresh));

    const told = await eventually(async () => (await mailsTo(email)).find((mail) => mail.subject.includes('bereits ein Konto')), 'the "already registered" mail');
    expect(told.text).toContain('Guten Tag Dora Doppelt');
    expect(told.text).toContain('/konto/passwort-vergessen');
    expect((await login(email, 'Anderes-Passwort-9')).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).status).toBe(201);
  });

  it('when a pending address registers again, then a new activation link is sent, the old one stops working, and the first password stays', async () => {
    const email = address('pending');
    await register({ firstName: 'Paul', lastName: 'Pending', email, password: TEST_PASSWORD });
    const first = await mailWithLink(email, 'konto/aktivieren');
    await register({ firstName: 'Paul', lastName: 'Pending', email, password: 'Zweites-Passwort-2' });
    const second = await mailWithLink(email, 'konto/aktivieren', 1);
    expect(second.token).not.toBe(first.token);
    expect((await callApi('POST', '/accounts/activation', { body: { token: first.token } })).status).toBe(400);
    expect((await callApi('POST', '/accounts/activation', { body: { token: second.token } })).status).toBe(204);
    expect((await login(email, 'Zweites-Passwort-2')).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).status).toBe(201);
  });

  it('when the activation link has expired, then it is refused with 410 and the account stays inactive', async () => {
    const email = address('late');
    await register({ firstName: 'Lea', lastName: 'Spät', email, password: TEST_PASSWORD });
    const { token } = await mailWithLink(email, 'konto/aktivieren');
    await ageLinks(email);
    const late = await callApi<Body>('POST', '/accounts/activation', { body: { token } });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ type: 'urn:gemeindeportal:problem:link-expired', errors: [{ pointer: '/body/token', detail: 'expired' }] });
    expect((await login(email, TEST_PASSWORD)).status).toBe(403);
    const forged = await callApi<Body>('POST', '/accounts/activation', { body: { token: 'gpl_made-up-token-000000000000000000000' } });
    expect(forged.status).toBe(400);
  });
});

describe('login', () => {
  it('when the address is unknown or the password wrong, then the answer is the same', async () => {
    const email = await activatedAccount({ firstName: 'Udo', lastName: 'Unbekannt', email: address('udo') });
    const wrongPassword = await login(email, 'Falsches-Passwort-1');
    const unknown = await login(address('nobody'), 'Falsches-Passwort-1', {}, clientAddress(email));
    expect(wrongPassword.status).toBe(401);
    expect(answer(unknown)).toEqual(answer(wrongPassword));
    expect(wrongPassword.body.type).toBe('urn:gemeindeportal:problem:invalid-credentials');
  });

  it('when input is malformed, then the 400 names the field', async () => {
    const bad = await callApi<Body>('POST', '/sessions', { headers: from('10.99.0.1'), body: { email: 'x', password: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Body) => e.pointer).sort()).toEqual(['/body/email', '/body/password']);
  });
});

describe('forgotten password', () => {
  it('when a reset is asked, then known and unknown addresses get the same answer; the link sets a new password once, and every session ends', async () => {
    const email = await activatedAccount({ firstName: 'Rita', lastName: 'Reset', email: address('rita') });
    const laptop = await logIn(email);
    const phone = await logIn(email);
    expect(await casesStatus(laptop)).toBe(200);

    const known = await callApi<Body>('POST', '/password-resets', { headers: from(clientAddress(email)), body: { email } });
    const unknownAddress = address('nobody');
    const unknown = await callApi<Body>('POST', '/password-resets', { headers: from(clientAddress(email)), body: { email: unknownAddress } });
    expect(known.status).toBe(202);
    expect(answer(unknown)).toEqual(answer(known));

    const { mail, token } = await mailWithLink(email, 'konto/passwort-zuruecksetzen');
    expect(mail.subject).toBe('Gemeindeportal: Passwort zurücksetzen');
    const weak = await callApi<Body>('POST', '/password-resets/completion', { body: { token, newPassword: 'kurz' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.every((e: Body) => e.pointer === '/body/newPassword')).toBe(true);

    expect((await callApi('POST', '/password-resets/completion', { body: { token, newPassword: 'Neues-Passwort-7' } })).status).toBe(204);
    expect(await casesStatus(laptop)).toBe(401);
    expect(await casesStatus(phone)).toBe(401);
    const reused = await callApi<Body>('POST', '/password-resets/completion', { body: { token, newPassword: 'Drittes-Passwort-8' } });
    expect(reused.status).toBe(400);
    expect((await login(email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(email, 'Neues-Passwort-7')).status).toBe(201);

    await pause(500);
    expect(await mailsTo(unknownAddress)).toEqual([]);
  });

  it('when the reset link has expired, then it is refused with 410 and the password stays', async () => {
    const email = await activatedAccount({ firstName: 'Otto', lastName: 'Abgelaufen', email: address('otto') });
    await callApi('POST', '/password-resets', { headers: from(clientAddress(email)), body: { email } });
    const { token } = await mailWithLink(email, 'konto/passwort-zuruecksetzen');
    await ageLinks(email);
    expect((await callApi('POST', '/password-resets/completion', { body: { token, newPassword: 'Neues-Passwort-7' } })).status).toBe(410);
    expect((await login(email, TEST_PASSWORD)).status).toBe(201);
  });
});

describe('changes under "Meine Daten" (ACC-5)', () => {
  it('when name and address change, then "Meine Daten" shows them; bad input is named', async () => {
    const email = await activatedAccount({ firstName: 'Max', lastName: 'Alt', email: address('max') });
    const token = await logIn(email);
    const changed = await callApi<Body>('PATCH', '/account', {
      token, body: { lastName: 'Neu', address: { street: 'Bahnhofstrasse 1', postalCode: '5000', town: 'Aarau' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ firstName: 'Max', lastName: 'Neu', address: { street: 'Bahnhofstrasse 1', postalCode: '5000', town: 'Aarau', country: 'CH' } });
    expect((await callApi<Body>('GET', '/account', { token })).body.lastName).toBe('Neu');

    const bad = await callApi<Body>('PATCH', '/account', { token, body: { address: { street: 'X', postalCode: '!', town: 'Y', country: 'Schweiz' } } });
    expect(bad.status).toBe(400);
    // The union with null adds a note at /body/address; the fields themselves are named.
    expect(bad.body.errors.map((e: Body) => e.pointer)).toEqual(expect.arrayContaining(['/body/address/country', '/body/address/postalCode']));
    expect((await callApi<Body>('PATCH', '/account', { token, body: {} })).status).toBe(400);
    expect((await callApi<Body>('PATCH', '/account', { body: { lastName: 'X' } })).status).toBe(401);
  });

  it('when the password changes, then the current one is needed, and the other sessions end while this one stays', async () => {
    const email = await activatedAccount({ firstName: 'Pia', lastName: 'Wechsel', email: address('pia') });
    const here = await logIn(email);
    const elsewhere = await logIn(email);
    const wrong = await callApi<Body>('PUT', '/account/password', { token: here, body: { currentPassword: 'Falsch-Passwort-1', newPassword: 'Neues-Passwort-7' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errors).toEqual([{ pointer: '/body/currentPassword', detail: 'does not match' }]);
    const weak = await callApi<Body>('PUT', '/account/password', { token: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'neuespasswort' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([
      { pointer: '/body/newPassword', detail: expect.stringContaining('upper-case') },
      { pointer: '/body/newPassword', detail: expect.stringContaining('digit') },
    ]);
    expect((await callApi('PUT', '/account/password', { token: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'Neues-Passwort-7' } })).status).toBe(204);
    expect(await casesStatus(here)).toBe(200);
    expect(await casesStatus(elsewhere)).toBe(401);
    expect((await login(email, 'Neues-Passwort-7')).status).toBe(201);
  });

  it('when the e-mail address changes, then the new one applies only after its link is followed, and the old one is told', async () => {
    const oldEmail = await activatedAccount({ firstName: 'Eva', lastName: 'Umzug', email: address('eva.old') });
    const newEmail = address('eva.new');
    const token = await logIn(oldEmail);
    const noPassword = await callApi<Body>('POST', '/account/email-change', { token, body: { newEmail, password: 'Falsch-Passwort-1' } });
    expect(noPassword.status).toBe(403);
    expect((await callApi('POST', '/account/email-change', { token, body: { newEmail, password: TEST_PASSWORD } })).status).toBe(202);

    const { mail, token: link } = await mailWithLink(newEmail, 'konto/email-bestaetigen');
    expect(mail.subject).toBe('Gemeindeportal: Bitte bestätigen Sie Ihre neue E-Mail-Adresse');
    const warned = await eventually(async () => (await mailsTo(oldEmail)).find((m) => m.subject.includes('Änderung Ihrer E-Mail-Adresse')), 'the old address told');
    expect(warned.text).toContain(newEmail);

    // Not yet: the old address is still the account's.
    expect((await callApi<Body>('GET', '/account', { token })).body.email).toBe(oldEmail);
    expect((await login(newEmail, TEST_PASSWORD)).status).toBe(401);

    expect((await callApi('POST', '/account/email-change/confirmation', { body: { token: link } })).status).toBe(204);
    expect((await callApi<Body>('GET', '/account', { token })).body.email).toBe(newEmail);
    expect((await callApi('POST', '/account/email-change/confirmation', { body: { token: link } })).status).toBe(400);
    const changed = await eventually(async () => (await mailsTo(oldEmail)).find((m) => m.subject.includes('wurde geändert')), 'the old address told of the change');
    expect(changed.text).toContain(newEmail);
    expect((await login(newEmail, TEST_PASSWORD)).status).toBe(201);
    expect((await login(oldEmail, TEST_PASSWORD)).status).toBe(401);
  });

  it('when the new address belongs to another account, then the answer is the same and that address is told instead', async () => {
    const mine = await activatedAccount({ firstName: 'Ina', lastName: 'Eins', email: address('ina') });
    const taken = await activatedAccount({ firstName: 'Zoe', lastName: 'Zwei', email: address('zoe') });
    const token = await logIn(mine);
    expect((await callApi('POST', '/account/email-change', { token, body: { newEmail: taken, password: TEST_PASSWORD } })).status).toBe(202);
    const told = await eventually(async () => (await mailsTo(taken)).find((m) => m.subject.includes('gehört bereits')), 'the taken address told');
    expect(linkToken(told, 'konto/email-bestaetigen')).toBeUndefined();
    expect((await callApi<Body>('GET', '/account', { token })).body.email).toBe(mine);
  });
});

describe('sessions', () => {
  it('when a citizen lists and revokes sessions, then a revoked token gets 401 on /cases; another account\'s session cannot be touched', async () => {
    const email = await activatedAccount({ firstName: 'Sven', lastName: 'Sitzung', email: address('sven') });
    const first = await login(email, TEST_PASSWORD);
    const second = await login(email, TEST_PASSWORD);
    const a = first.body.token as string;
    const b = second.body.token as string;

    const listed = await callApi<Body>('GET', '/sessions', { token: a });
    expect(listed.status).toBe(200);
    expect(listed.body.sessions.map((s: Body) => [s.id, s.current]).sort()).toEqual(
      [[first.body.session.id, true], [second.body.session.id, false]].sort(),
    );

    const stranger = await logIn(await activatedAccount({ firstName: 'Fritz', lastName: 'Fremd', email: address('fritz') }));
    expect((await callApi<Body>('DELETE', `/sessions/${second.body.session.id}`, { token: stranger })).status).toBe(404);
    expect(await casesStatus(b)).toBe(200);

    expect((await callApi('DELETE', `/sessions/${second.body.session.id}`, { token: a })).status).toBe(204);
    expect(await casesStatus(b)).toBe(401);
    expect(await casesStatus(a)).toBe(200);
    expect((await callApi<Body>('GET', '/sessions', { token: a })).body.sessions).toHaveLength(1);

    expect((await callApi('DELETE', '/sessions/current', { token: a })).status).toBe(204);
    expect(await casesStatus(a)).toBe(401);
    expect((await callApi('DELETE', '/sessions/not-a-uuid', { token: stranger })).status).toBe(400);
  });

  it('when a session has been idle too long or passed its absolute end, then it no longer works', async () => {
    const email = await activatedAccount({ firstName: 'Ida', lastName: 'Idle', email: address('ida') });
    const idle = await login(email, TEST_PASSWORD);
    const old = await login(email, TEST_PASSWORD);
    await db('account_sessions').where({ id: idle.body.session.id }).update({ last_seen_at: db.raw("now() - interval '31 minutes'") });
    await db('account_sessions').where({ id: old.body.session.id }).update({ expires_at: db.raw("now() - interval '1 second'") });
    expect(await casesStatus(idle.body.token)).toBe(401);
    expect(await casesStatus(old.body.token)).toBe(401);
    expect(await casesStatus('gps_forged-token-that-was-never-issued-0000000')).toBe(401);
  });
});

describe('second factor (TOTP)', () => {
  /** Waits out the end of a 30-second step, so that the codes of this step and its neighbours stay valid during the test. */
  async function freshStep(): Promise<void> {
    const intoStep = Date.now() % 30_000;
    if (intoStep > 22_000) await pause(30_000 - intoStep + 200);
  }
  const codeAt = (secret: string, offsetSteps: number) => totpCodeAt(secret, new Date(Date.now() + offsetSteps * 30_000));

  it('when a citizen enrols an authenticator app, then login needs its code, a code works once, and switching off needs one too', async () => {
    const email = await activatedAccount({ firstName: 'Tom', lastName: 'Totp', email: address('tom') });
    const token = await logIn(email);
    await freshStep();
    const enrolment = await callApi<Body>('POST', '/account/second-factor', { token });
    expect(enrolment.status).toBe(201);
    expect(enrolment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Gemeindeportal:\d{4}-\d{4}-\d{4}\?/);
    const secret = enrolment.body.secret as string;
    // Not on before a first code confirms it.
    expect((await login(email, TEST_PASSWORD)).status).toBe(201);

    const wrong = await callApi<Body>('POST', '/account/second-factor/confirmation', { token, body: { code: codeAt(secret, 5) } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toBe('urn:gemeindeportal:problem:second-factor-invalid');
    expect((await callApi('POST', '/account/second-factor/confirmation', { token, body: { code: codeAt(secret, -1) } })).status).toBe(204);
    expect((await callApi<Body>('GET', '/account', { token })).body.secondFactor).toBe(true);

    const withoutCode = await login(email, TEST_PASSWORD);
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body).toMatchObject({ type: 'urn:gemeindeportal:problem:second-factor-required', errors: [{ pointer: '/body/code' }] });
    const code = codeAt(secret, 0);
    const withCode = await login(email, TEST_PASSWORD, { code });
    expect(withCode.status).toBe(201);
    expect(await casesStatus(withCode.body.token)).toBe(200);
    const replayed = await login(email, TEST_PASSWORD, { code });
    expect(replayed.status).toBe(401);
    expect(replayed.body.type).toBe('urn:gemeindeportal:problem:second-factor-invalid');
    // A wrong password with the code still says only that the credentials are wrong.
    expect((await login(email, 'Falsches-Passwort-1', { code: codeAt(secret, 1) })).body.type).toBe('urn:gemeindeportal:problem:invalid-credentials');

    expect((await callApi('POST', '/account/second-factor/removal', { token, body: { code } })).status).toBe(401);
    expect((await callApi('POST', '/account/second-factor/removal', { token, body: { code: codeAt(secret, 1) } })).status).toBe(204);
    expect((await login(email, TEST_PASSWORD)).status).toBe(201);
  });

  /** The TOTP columns of the account of `email`, as a database dump would show them. */
  const storedTotp = async (email: string) => db('accounts').whereRaw('lower(email) = ?', [email])
    .first('id', 'totp_secret', 'totp_pending_secret') as Promise<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }>;

  it('when a citizen enrols, then the database holds the secret the API showed only encrypted, pending and confirmed', async () => {
    const email = await activatedAccount({ firstName: 'Vera', lastName: 'Verschluss', email: address('vera') });
    const token = await logIn(email);
    await freshStep();
    const { body: { secret } } = await callApi<Body>('POST', '/account/second-factor', { token });
    const pending = await storedTotp(email);
    expect(pending.totp_pending_secret).toMatch(/^gpe1:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]+$/);
    expect(pending.totp_pending_secret).not.toContain(secret);

    expect((await callApi('POST', '/account/second-factor/confirmation', { token, body: { code: codeAt(secret, 0) } })).status).toBe(204);
    const confirmed = await storedTotp(email);
    expect(confirmed.totp_pending_secret).toBeNull();
    expect(confirmed.totp_secret).toMatch(/^gpe1:/);
    expect(confirmed.totp_secret).not.toContain(secret);
    // Sealed for this account: copied into another account's row it would not open.
    const box = createSecretBox([inject('accountSecretsKey')]);
    expect(box.open(confirmed.totp_secret as string, `totp:${confirmed.id}`)).toBe(secret);
    expect(() => box.open(confirmed.totp_secret as string, `totp:${randomUUID()}`)).toThrow();
    expect((await login(email, TEST_PASSWORD, { code: codeAt(secret, 1) })).status).toBe(201);
  });

  it('when a secret was stored in clear before encryption, then its codes still work, and the start-up step encrypts it once', async () => {
    const email = await activatedAccount({ firstName: 'Kurt', lastName: 'Klartext', email: address('kurt') });
    const { secret } = newTotpSecret('Konto');
    await freshStep();
    await db('accounts').whereRaw('lower(email) = ?', [email]).update({ totp_secret: secret, totp_last_step: null });
    expect((await login(email, TEST_PASSWORD)).body.type).toBe('urn:gemeindeportal:problem:second-factor-required');
    expect((await login(email, TEST_PASSWORD, { code: codeAt(secret, 0) })).status).toBe(201);

    // What every API start runs; a second run finds nothing of this account left in clear.
    const repository = createAccountsRepository(db, createSecretBox([inject('accountSecretsKey')]));
    expect(await repository.sealClearTotpSecrets()).toBeGreaterThanOrEqual(1);
    const sealed = await storedTotp(email);
    expect(sealed.totp_secret).toMatch(/^gpe1:/);
    await repository.sealClearTotpSecrets();
    expect((await storedTotp(email)).totp_secret).toBe(sealed.totp_secret);
    expect((await login(email, TEST_PASSWORD, { code: codeAt(secret, 1) })).status).toBe(201);
  });
});

describe('rate limiting', () => {
  it('when one address is tried too often, then 429 with problem JSON and Retry-After, and it works again after the window', async () => {
    const email = await activatedAccount({ firstName: 'Bruno', lastName: 'Brute', email: address('bruno') });
    // Another client address each time: the per-address limit (8 in 3 s) is what stops this.
    const answers: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) answers.push((await login(email, `Raten-${attempt}-Aa1`, {}, `10.200.0.${attempt + 1}`)).status);
    expect(answers.every((status) => status === 401)).toBe(true);
    const retryAfter = retryAfterOf(await login(email, TEST_PASSWORD, {}, '10.200.0.99'));

    await pause(retryAfter * 1000 + 200);
    expect((await login(email, TEST_PASSWORD, {}, '10.200.0.100')).status).toBe(201);
  });

  it('when one client address registers too often, then 429 for any address, and it works again after the window', async () => {
    const ip = '10.201.0.1';
    const statuses: number[] = [];
    // Weak passwords: refused, but counted all the same, without opening accounts.
    for (let attempt = 0; attempt < 11; attempt += 1) statuses.push((await register({ firstName: 'Spam', lastName: 'Bot', email: address(`spam${attempt}`), password: 'x' }, ip)).status);
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await register({ firstName: 'Echt', lastName: 'Person', email: address('real'), password: TEST_PASSWORD }, ip);
    expect(limited.status).toBe(429);
    // Another client address is not affected.
    expect((await register({ firstName: 'Echt', lastName: 'Person', email: address('real'), password: TEST_PASSWORD }, '10.201.0.2')).status).toBe(202);

    await pause(Number(limited.headers.get('retry-after')) * 1000 + 200);
    expect((await register({ firstName: 'Echt', lastName: 'Person', email: address('real'), password: TEST_PASSWORD }, ip)).status).toBe(202);
  });
});

describe('password and code checks behind a session', () => {
  // As many wrong attempts per account as login allows per address: 8 in 3 s on the test platform.
  const LIMIT = 8;

  it('when wrong passwords are sent with a session, then after the limit every password check of the account gets 429 with Retry-After, a right one too, until the window ends', async () => {
    const email = await activatedAccount({ firstName: 'Sina', lastName: 'Session', email: address('sina') });
    const token = await logIn(email);
    const wrongChange = () => callApi<Body>('PUT', '/account/password', { token, body: { currentPassword: 'Falsch-Passwort-1', newPassword: 'Neues-Passwort-7' } });
    // Password change, e-mail change and deletion request check the same password: they count together.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      statuses.push(attempt % 3 === 0 ? (await wrongChange()).status
        : attempt % 3 === 1 ? (await callApi('POST', '/account/email-change', { token, body: { newEmail: address('sina-neu'), password: `Raten-${attempt}-Aa1` } })).status
          : (await callApi('POST', '/account/deletion', { token, body: { password: `Raten-${attempt}-Aa1` } })).status);
    }
    expect(statuses).toEqual(Array(LIMIT).fill(403));

    const retryAfter = retryAfterOf(await wrongChange());
    for (const [method, path, body] of [
      ['PUT', '/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'Neues-Passwort-7' }],
      ['POST', '/account/email-change', { newEmail: address('sina-neu'), password: TEST_PASSWORD }],
      ['POST', '/account/deletion', { password: TEST_PASSWORD }],
    ] as const) {
      const refused = await callApi<Body>(method, path, { token, body });
      expect(refused.status, path).toBe(429);
      expect(Number(refused.headers.get('retry-after')), path).toBeGreaterThan(0);
    }
    // Another account is not affected, nor is logging in (limited on its own).
    const other = await logIn(await activatedAccount({ firstName: 'Otto', lastName: 'Other', email: address('otto') }));
    expect((await callApi('PUT', '/account/password', { token: other, body: { currentPassword: TEST_PASSWORD, newPassword: 'Neues-Passwort-7' } })).status).toBe(204);

    await pause(retryAfter * 1000 + 200);
    expect((await callApi('PUT', '/account/password', { token, body: { currentPassword: TEST_PASSWORD, newPassword: 'Neues-Passwort-7' } })).status).toBe(204);
  });

  it('when wrong codes are sent to switch the second factor on or off, then after the limit 429 with Retry-After, a right code too, until the window ends', async () => {
    const email = await activatedAccount({ firstName: 'Toni', lastName: 'Totp', email: address('toni') });
    const token = await logIn(email);
    const { body: { secret } } = await callApi<Body>('POST', '/account/second-factor', { token });
    const codeAt = (offsetSteps: number) => totpCodeAt(secret, new Date(Date.now() + offsetSteps * 30_000));
    // Codes of an hour ago are wrong however the clock stands.
    const wrong = (n: number) => codeAt(-120 - n);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      statuses.push((await callApi('POST', '/account/second-factor/confirmation', { token, body: { code: wrong(attempt) } })).status);
    }
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    const retryAfter = retryAfterOf(await callApi<Body>('POST', '/account/second-factor/confirmation', { token, body: { code: codeAt(0) } }));
    // The password is another secret: its checks are not limited by the codes.
    expect((await callApi('POST', '/account/email-change', { token, body: { newEmail: address('toni-neu'), password: TEST_PASSWORD } })).status).toBe(202);

    await pause(retryAfter * 1000 + 200);
    expect((await callApi('POST', '/account/second-factor/confirmation', { token, body: { code: codeAt(0) } })).status).toBe(204);

    // Switching it off: the same limit.
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      expect((await callApi('POST', '/account/second-factor/removal', { token, body: { code: wrong(attempt) } })).status).toBe(401);
    }
    const removal = await callApi<Body>('POST', '/account/second-factor/removal', { token, body: { code: codeAt(1) } });
    expect(removal.status).toBe(429);
    await pause(Number(removal.headers.get('retry-after')) * 1000 + 200);
    expect((await callApi('POST', '/account/second-factor/removal', { token, body: { code: codeAt(1) } })).status).toBe(204);
  });
});

describe('the OpenAPI document', () => {
  it('when it is read, then the account routes are described with their schemas', async () => {
    const { body } = await callApi<Body>('GET', '/docs/json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([
      '/accounts', '/accounts/activation', '/password-resets', '/password-resets/completion', '/account', '/account/password',
      '/account/email-change', '/account/email-change/confirmation', '/sessions', '/sessions/current', '/sessions/{id}',
      '/account/second-factor', '/account/second-factor/confirmation', '/account/second-factor/removal',
    ]));
    expect(body.paths['/accounts'].post.requestBody.content['application/json'].schema.required).toEqual(['firstName', 'lastName', 'email', 'password']);
    expect(body.paths['/account'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/Account$/);
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['Account', 'Session']));
  });
});
