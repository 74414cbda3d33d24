/**
 * Account deletion over the real API and with real mails (issue 7, ACC-6…8). Self-deletion goes
 * through the confirmation link in the mail. The automatic lifecycle (ACC-7) is the very function
 * the platform's worker runs every hour with the real time; here the test runs it itself with a
 * date months ahead, on the platform's database and mail server, limited to the accounts the
 * test opened (the database is shared with test files running at the same time, whose accounts
 * a run months ahead would otherwise delete). A login always happens at the real time, so where
 * a login must come after a reminder, the account's past is moved back instead of the clock ahead.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { addMonths } from '../../core/accounts/lifecycle-rules.ts';
import { lifecycleOfTestPlatform } from './support/account-lifecycle.ts';
import { activatedAccount, clientAddress, from, logIn, mailsTo, mailWithLink, TEST_PASSWORD } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';
import { caseAwaitingPayment, payOnPaymentPage } from './support/payments.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const DELETION_PAGE = 'konto/loeschung-bestaetigen';
const DAY = 24 * 3600 * 1000;

let db: Knex;
let lifecycle: ReturnType<typeof lifecycleOfTestPlatform>;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  lifecycle = lifecycleOfTestPlatform(db);
});
afterAll(async () => {
  await lifecycle.close();
  await db.destroy();
});

const newAddress = (name: string) => `${name}.${randomUUID().slice(0, 8)}@buerger.example`;
const later = (base: Date, months: number, days = 0) => new Date(addMonths(base, months).getTime() + days * DAY);

/** Runs the lifecycle at `at` for the given accounts only. */
const lifecycleAt = (at: Date, ...accountIds: string[]) => lifecycle.run(at, { accountIds });

async function accountRow(email: string): Promise<Body | undefined> {
  return db('accounts').whereRaw('lower(email) = lower(?)', [email]).first();
}

/** An activated account, logged in: its address, token and id. */
async function citizen(name: string): Promise<{ email: string; token: string; id: string }> {
  const email = await activatedAccount({ firstName: 'Test', lastName: name, email: newAddress(name) });
  const token = await logIn(email);
  const { body } = await callApi<Body>('GET', '/account', { token });
  return { email, token, id: body.id };
}

async function newMailTo(address: string, subject: RegExp, after: number) {
  return eventually(async () => (await mailsTo(address)).slice(after).find((mail) => subject.test(mail.subject)), `a mail "${subject}" to ${address}`);
}

/** Registers the address anew and follows the activation link of the welcome mail: the address is free. */
async function registersAgain(email: string): Promise<string> {
  await activatedAccount({ firstName: 'Wieder', lastName: 'Da', email });
  const token = await logIn(email);
  const { body } = await callApi<Body>('GET', '/account', { token });
  return body.id as string;
}

async function submitCase(token: string): Promise<string> {
  const resident = SEEDED_RESIDENTS.aarauMain;
  const created = await callApi<Body>('POST', '/applications', {
    token,
    body: { serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de', applicant: { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

async function createOrganisation(token: string): Promise<string> {
  const created = await callApi<Body>('POST', '/organisations', {
    token, body: { name: `Verein ${randomUUID().slice(0, 6)}`, postalAddress: { street: 'Bahnhofstrasse', houseNumber: '1', postalCode: '5000', town: 'Aarau' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

/** `member` joins the organisation through the invitation mail. */
async function joins(managerToken: string, organisationId: string, member: { email: string; token: string }): Promise<void> {
  const before = (await mailsTo(member.email)).length;
  const invited = await callApi<Body>('POST', `/organisations/${organisationId}/invitations`, { token: managerToken, body: { email: member.email } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(202);
  const { token } = await mailWithLink(member.email, 'konto/einladung', before);
  expect((await callApi('POST', '/invitations/acceptance', { token: member.token, body: { token } })).status).toBe(200);
}

describe('self-deletion confirmed by e-mail (ACC-6)', () => {
  it('when the owner asks with the password and follows the link, then the account is gone, its sessions end, the link works once and the address is free again', async () => {
    const anna = await citizen('loeschen-anna');
    const before = (await mailsTo(anna.email)).length;

    const noPassword = await callApi<Body>('POST', '/account/deletion', { token: anna.token, body: {} });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.errors).toContainEqual(expect.objectContaining({ pointer: '/body/password' }));
    const wrong = await callApi<Body>('POST', '/account/deletion', { token: anna.token, body: { password: 'Falsch-Passwort-1' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errors).toEqual([{ pointer: '/body/password', detail: 'does not match' }]);
    expect((await callApi('POST', '/account/deletion', { body: { password: TEST_PASSWORD } })).status).toBe(401);

    const asked = await callApi<Body>('POST', '/account/deletion', { token: anna.token, body: { password: TEST_PASSWORD } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    const { mail, token } = await mailWithLink(anna.email, DELETION_PAGE, before);
    expect(mail.subject).toBe('Gemeindeportal: Bitte bestätigen Sie die Löschung Ihres Kontos');
    expect(mail.text).toContain('Guten Tag Test loeschen-anna');
    // Asking alone deletes nothing.
    expect((await callApi('GET', '/account', { token: anna.token })).status).toBe(200);

    expect((await callApi('POST', '/account/deletion/confirmation', { body: { token } })).status).toBe(204);
    expect(await accountRow(anna.email)).toBeUndefined();
    expect((await callApi('GET', '/account', { token: anna.token })).status).toBe(401);
    const login = await callApi<Body>('POST', '/sessions', { headers: from(clientAddress(anna.email)), body: { email: anna.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(401);
    const deleted = await newMailTo(anna.email, /Ihr Konto wurde gelöscht/, before);
    expect(deleted.text).toContain('auf Ihren Wunsch gelöscht');

    const reused = await callApi<Body>('POST', '/account/deletion/confirmation', { body: { token } });
    expect(reused.status).toBe(400);
    expect(reused.body.type).toBe('urn:gemeindeportal:problem:link-invalid');

    expect(await registersAgain(anna.email)).not.toBe(anna.id);
  });

  it('when the link has expired, then it is refused with 410 and the account stays; bad tokens name the field', async () => {
    const beat = await citizen('loeschen-beat');
    const before = (await mailsTo(beat.email)).length;
    expect((await callApi('POST', '/account/deletion', { token: beat.token, body: { password: TEST_PASSWORD } })).status).toBe(202);
    const { token } = await mailWithLink(beat.email, DELETION_PAGE, before);
    await db('account_tokens').where({ account_id: beat.id, purpose: 'deletion' }).whereNull('used_at').update({ expires_at: db.raw("now() - interval '1 second'") });

    const late = await callApi<Body>('POST', '/account/deletion/confirmation', { body: { token } });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ type: 'urn:gemeindeportal:problem:link-expired', errors: [{ pointer: '/body/token', detail: 'expired' }] });
    expect((await callApi('GET', '/account', { token: beat.token })).status).toBe(200);
    // Used up like every other account link.
    expect((await callApi('POST', '/account/deletion/confirmation', { body: { token } })).status).toBe(400);

    const malformed = await callApi<Body>('POST', '/account/deletion/confirmation', { body: { token: 'nope' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].pointer).toBe('/body/token');
  });

  it('when a personal case is still being processed, then the deletion is refused with 409 in German, also when the case came after the request', async () => {
    const carla = await citizen('loeschen-carla');
    const before = (await mailsTo(carla.email)).length;
    expect((await callApi('POST', '/account/deletion', { token: carla.token, body: { password: TEST_PASSWORD } })).status).toBe(202);
    const { token } = await mailWithLink(carla.email, DELETION_PAGE, before);

    await submitCase(carla.token);
    const asked = await callApi<Body>('POST', '/account/deletion', { token: carla.token, body: { password: TEST_PASSWORD } });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({
      type: 'urn:gemeindeportal:problem:deletion-blocked-pending-case',
      detail: 'Ihr Konto kann nicht gelöscht werden, solange ein Gesuch in Bearbeitung ist. Bitte warten Sie den Abschluss ab.',
    });

    const confirmed = await callApi<Body>('POST', '/account/deletion/confirmation', { body: { token } });
    expect(confirmed.status).toBe(409);
    expect(confirmed.body.type).toBe('urn:gemeindeportal:problem:deletion-blocked-pending-case');
    expect((await callApi('GET', '/account', { token: carla.token })).status).toBe(200);
  });

  it('when the account alone manages an organisation with other members, then the deletion is refused until the role is handed on', async () => {
    const dora = await citizen('loeschen-dora');
    const emil = await citizen('loeschen-emil');
    const organisationId = await createOrganisation(dora.token);
    await joins(dora.token, organisationId, emil);

    const refused = await callApi<Body>('POST', '/account/deletion', { token: dora.token, body: { password: TEST_PASSWORD } });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:gemeindeportal:problem:deletion-blocked-last-manager');
    expect(refused.body.detail).toMatch(/^Sie sind die einzige verantwortliche Person von «Verein .+»\. Bitte übertragen Sie diese Rolle zuerst einem anderen Mitglied\.$/);
    expect(refused.body.errors).toEqual([{ pointer: `/organisations/${organisationId}`, detail: 'only manager; hand the role on first' }]);

    // A member (not a manager) may go; their membership ends with the account.
    const before = (await mailsTo(emil.email)).length;
    expect((await callApi('POST', '/account/deletion', { token: emil.token, body: { password: TEST_PASSWORD } })).status).toBe(202);
    const { token } = await mailWithLink(emil.email, DELETION_PAGE, before);
    expect((await callApi('POST', '/account/deletion/confirmation', { body: { token } })).status).toBe(204);
    expect(await db('organisation_members').where({ account_id: emil.id })).toEqual([]);

    // Alone in it now, the manager may go too.
    const dorasMails = (await mailsTo(dora.email)).length;
    expect((await callApi('POST', '/account/deletion', { token: dora.token, body: { password: TEST_PASSWORD } })).status).toBe(202);
    const link = await mailWithLink(dora.email, DELETION_PAGE, dorasMails);
    expect((await callApi('POST', '/account/deletion/confirmation', { body: { token: link.token } })).status).toBe(204);
  });
});

describe('automatic deletion with a controllable clock (ACC-7)', () => {
  it('when an account is never logged into within 2 months, then it is deleted, activated or not; only the confirmed address is told', async () => {
    const pendingEmail = newAddress('nie-pending');
    const registered = await callApi('POST', '/accounts', { headers: from(clientAddress(pendingEmail)), body: { firstName: 'Nie', lastName: 'Aktiviert', email: pendingEmail, password: TEST_PASSWORD } });
    expect(registered.status).toBe(202);
    const activeEmail = await activatedAccount({ firstName: 'Nie', lastName: 'Angemeldet', email: newAddress('nie-aktiv') });
    const pending = await accountRow(pendingEmail);
    const active = await accountRow(activeEmail);
    const opened = new Date(active?.created_at);
    const pendingMails = (await mailsTo(pendingEmail)).length;
    const activeMails = (await mailsTo(activeEmail)).length;

    const early = await lifecycleAt(later(opened, 2, -1), pending?.id, active?.id);
    expect(early.deletedNeverUsed).toBe(0);
    expect(await accountRow(activeEmail)).toBeDefined();

    const due = await lifecycleAt(later(opened, 2, 1), pending?.id, active?.id);
    expect(due.deletedNeverUsed).toBe(2);
    expect(await accountRow(pendingEmail)).toBeUndefined();
    expect(await accountRow(activeEmail)).toBeUndefined();
    const told = await newMailTo(activeEmail, /Ihr Konto wurde gelöscht/, activeMails);
    expect(told.text).toContain('nie angemeldet');
    expect((await mailsTo(pendingEmail)).length).toBe(pendingMails);

    await registersAgain(activeEmail);
    await registersAgain(pendingEmail);
  });

  it('when 18 months pass after the last login, then a reminder goes out, and 2 months later without a login the account is deleted; the address is free again', async () => {
    const fritz = await citizen('inaktiv-fritz');
    const lastLogin = new Date((await accountRow(fritz.email))?.last_login_at);
    const before = (await mailsTo(fritz.email)).length;

    expect(await lifecycleAt(later(lastLogin, 2, 1), fritz.id)).toMatchObject({ deletedNeverUsed: 0, reminded: 0 });
    expect(await lifecycleAt(later(lastLogin, 18, -1), fritz.id)).toMatchObject({ reminded: 0 });

    const remindedAt = later(lastLogin, 18, 1);
    expect(await lifecycleAt(remindedAt, fritz.id)).toMatchObject({ reminded: 1 });
    const reminder = await newMailTo(fritz.email, /Ihr Konto wird bald gelöscht/, before);
    expect(reminder.text).toContain('seit 18 Monaten nicht mehr');
    expect(reminder.text).toContain('/konto/anmelden');
    // Not twice, and not deleted before 2 months after the reminder.
    expect(await lifecycleAt(later(remindedAt, 1), fritz.id)).toMatchObject({ reminded: 0, deletedInactive: 0 });
    expect(await lifecycleAt(later(remindedAt, 2, -1), fritz.id)).toMatchObject({ deletedInactive: 0 });
    expect(await accountRow(fritz.email)).toBeDefined();

    expect(await lifecycleAt(later(remindedAt, 2, 1), fritz.id)).toMatchObject({ deletedInactive: 1 });
    expect(await accountRow(fritz.email)).toBeUndefined();
    const deleted = await newMailTo(fritz.email, /Ihr Konto wurde gelöscht/, before);
    expect(deleted.text).toContain('seit 20 Monaten nicht mehr angemeldet');
    expect((await callApi('GET', '/account', { token: fritz.token })).status).toBe(401);

    expect(await registersAgain(fritz.email)).not.toBe(fritz.id);
  });

  it('when the person logs in after the reminder, then the account is not deleted and the 18 months start again', async () => {
    const gina = await citizen('inaktiv-gina');
    // Her last login was 18 months and a day ago: moved back, since a login can only happen now.
    const longAgo = later(new Date(), -18, -1);
    await db('accounts').where({ id: gina.id }).update({ created_at: later(longAgo, -1), last_login_at: longAgo });
    const before = (await mailsTo(gina.email)).length;

    const remindedAt = new Date();
    expect(await lifecycleAt(remindedAt, gina.id)).toMatchObject({ reminded: 1 });
    await newMailTo(gina.email, /Ihr Konto wird bald gelöscht/, before);

    await logIn(gina.email);
    const afterReminder = await lifecycleAt(later(remindedAt, 2, 1), gina.id);
    expect(afterReminder).toMatchObject({ reminded: 0, deletedInactive: 0 });
    expect(await accountRow(gina.email)).toBeDefined();
    expect(await lifecycleAt(later(remindedAt, 18, 1), gina.id)).toMatchObject({ reminded: 1 });
  });
});

describe('what a deletion leaves behind (ACC-8)', () => {
  it('when an account is deleted while its case runs, then the case still completes in the engine, keeps its citizen id and nobody sees it any more; drafts and memberships end', async () => {
    const hans = await citizen('geloescht-hans');
    const ida = await citizen('geloescht-ida');
    const organisationId = await createOrganisation(ida.token);
    await joins(ida.token, organisationId, hans);
    const draft = await callApi<Body>('POST', '/drafts', { token: hans.token, body: { serviceId: 'residence-certificate', municipalityId: 'aarau', data: { language: 'de' } } });
    expect(draft.status).toBe(201);
    const caseId = await submitCase(hans.token);
    const awaiting = await caseAwaitingPayment(hans.token, caseId);

    // Deleted for inactivity while the case waits for its payment (a self-deletion would be refused).
    const lastLogin = new Date((await accountRow(hans.email))?.last_login_at);
    expect(await lifecycleAt(later(lastLogin, 18, 1), hans.id)).toMatchObject({ reminded: 1 });
    expect(await lifecycleAt(later(lastLogin, 20, 2), hans.id)).toMatchObject({ deletedInactive: 1 });
    expect(await accountRow(hans.email)).toBeUndefined();
    expect(await db('application_drafts').where({ account_id: hans.id })).toEqual([]);
    expect(await db('organisation_members').where({ organisation_id: organisationId }).pluck('account_id')).toEqual([ida.id]);

    // The payment page still works and the process runs to its end.
    await payOnPaymentPage(awaiting.payment.paymentUrl, 'twint');
    const ended = await eventually(async () => {
      const row = await db('cases as c').join('process_instances as pi', 'pi.process_instance_key', 'c.process_instance_key')
        .where('c.id', caseId).first('c.citizen_id', 'pi.state');
      return row?.state === 'COMPLETED' ? row : undefined;
    }, 'the case of the deleted account to complete');
    expect(ended.citizen_id).toBe(hans.id);
    const outcome = await db('case_phases as p').join('cases as c', 'c.process_instance_key', 'p.process_instance_key')
      .where('c.id', caseId).whereNotNull('p.outcome').first('p.outcome');
    expect(outcome?.outcome).toBe('issued');

    // Its owner's sessions are gone, and the address registered again is a new account that sees nothing of it.
    expect((await callApi('GET', `/cases/${caseId}`, { token: hans.token })).status).toBe(401);
    const newId = await registersAgain(hans.email);
    expect(newId).not.toBe(hans.id);
    const token = await logIn(hans.email);
    expect((await callApi('GET', `/cases/${caseId}`, { token })).status).toBe(404);
    const list = await callApi<{ cases: Body[] }>('GET', '/cases', { token });
    expect(list.body.cases.map((c) => c.id)).not.toContain(caseId);
  });

  it('when the only manager is deleted automatically, then the longest-standing member becomes manager and is told by mail', async () => {
    const jana = await citizen('geloescht-jana');
    const kurt = await citizen('geloescht-kurt');
    const organisationId = await createOrganisation(jana.token);
    await joins(jana.token, organisationId, kurt);
    const lastLogin = new Date((await accountRow(jana.email))?.last_login_at);
    await lifecycleAt(later(lastLogin, 18, 1), jana.id);
    const before = (await mailsTo(kurt.email)).length;
    expect(await lifecycleAt(later(lastLogin, 20, 2), jana.id)).toMatchObject({ deletedInactive: 1 });
    expect(await db('organisation_members').where({ organisation_id: organisationId }).select('account_id', 'role')).toEqual([{ account_id: kurt.id, role: 'manager' }]);
    const { name } = await db('organisations').where({ id: organisationId }).first('name');
    const notice = await newMailTo(kurt.email, /Sie verwalten jetzt die Organisation/, before);
    expect(notice.subject).toBe(`Gemeindeportal: Sie verwalten jetzt die Organisation ${name}`);
    expect(notice.text).toContain('Guten Tag Test geloescht-kurt');
    expect(notice.text).toContain('hat kein Konto im Gemeindeportal mehr');
  });
});
