/**
 * ADM-4: a citizen asks the municipality to change the phone number or e-mail address its
 * register keeps beside the data standard. The real engine runs the process; the residents
 * office approves or rejects in the tasklist; only an approved change reaches the register,
 * which the test reads back from the back-office simulator over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS, type SeededResident } from '../../simulators/back-office/seed.ts';
import { callApi, eventually } from './support/http.ts';
import { activatedAccount, citizenToken, logIn, mailsTo } from './support/citizens.ts';
import { callTasklist, staffSessionCookie } from './support/staff-login.ts';
import { unassignedTaskOf } from './support/orders.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const { aarauMain, aarauPartner } = SEEDED_RESIDENTS;
let clerk: string;
let badenClerk: string;

beforeAll(async () => {
  [clerk, badenClerk] = await Promise.all([staffSessionCookie('sandra.meier'), staffSessionCookie('beat.keller')]);
});

/** The account of `person` (same name as in the register), logged in. */
async function accountOf(person: { firstName: string; lastName: string }): Promise<{ token: string; email: string }> {
  const email = await activatedAccount({ ...person, email: `${person.firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@buerger.example` });
  return { token: await logIn(email), email };
}

const NOTICE_SUBJECT = 'Neue Nachricht zu Ihrem Vorgang';

/** What the Aarau register (Dialog simulator) keeps as contact data of the resident. */
async function registerContact(person: SeededResident): Promise<Body> {
  const url = new URL('/__sim/contact-data', inject('simulatorUrls').dialog);
  url.searchParams.set('bfs', String(person.residence.municipality.bfsNumber));
  url.searchParams.set('residentId', person.id);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

const requestChange = (token: string | undefined, body: Body, headers: Record<string, string> = {}) =>
  callApi<Body>('POST', '/applications', { token, body, headers });

/**
 * An application of the service through its start form: the fields to change, each with its new
 * value (null: left empty, which asks to remove it); the name is filled in from the account.
 */
const aarauChange = (person: SeededResident, changes: Body, dateOfBirth = person.dateOfBirth): Body => ({
  serviceId: 'contact-data-change', municipalityId: 'aarau', language: 'de',
  data: {
    applicant: { dateOfBirth },
    request: { fields: Object.keys(changes), changes: Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null)) },
  },
});

async function caseSettled(token: string, caseId: string): Promise<Body> {
  return eventually(async () => {
    const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
    return body.state === 'completed' ? body : undefined;
  }, 'the case to complete');
}

async function takeTask(caseId: string): Promise<Body> {
  const listed = await unassignedTaskOf(clerk, caseId);
  expect((await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${listed.taskKey}/claim`)).status).toBe(204);
  const { body } = await callTasklist<Body>(clerk, 'GET', `/tasklist/api/tasks/${listed.taskKey}`);
  return body;
}

describe('a change of contact data (ADM-4)', () => {
  it('when the residents office approves, then the register holds the new phone number and no e-mail, and the citizen is told', async () => {
    const { token, email } = await accountOf(aarauMain);
    expect(await registerContact(aarauMain)).toEqual({ phone: '+41791234567', email: 'anna.muster@example.ch' });

    const filed = await requestChange(token, aarauChange(aarauMain, { phone: '079 765 43 21', email: null }), { 'idempotency-key': 'contact-1' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({
      serviceId: 'contact-data-change',
      request: { request: { fields: ['phone', 'email'], changes: { phone: '+41797654321' } } },
      payment: null,
    });
    const caseId = filed.body.id as string;
    // A retried submit is the same case.
    const replay = await requestChange(token, aarauChange(aarauMain, { phone: '079 765 43 21', email: null }), { 'idempotency-key': 'contact-1' });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(caseId);

    const task = await takeTask(caseId);
    expect(task.task.name).toBe('Änderung der Kontaktdaten prüfen');
    // The form reads numbers as people write them; the case and the register keep E.164.
    expect(task.formData).toMatchObject({
      applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: aarauMain.dateOfBirth },
      request: { fields: ['phone', 'email'], changes: { phone: '+41 79 765 43 21' } },
      identityVerified: false,
      resident: { contact: { phone: '+41 79 123 45 67', email: 'anna.muster@example.ch' } },
    });
    // Nothing is written before the approval.
    expect(await registerContact(aarauMain)).toEqual({ phone: '+41791234567', email: 'anna.muster@example.ch' });
    // Another municipality's clerk neither lists nor opens the task.
    const { body: badenList } = await callTasklist<Body>(badenClerk, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${caseId.slice(0, 8)}`);
    expect(badenList.tasks).toEqual([]);
    expect((await callTasklist(badenClerk, 'GET', `/tasklist/api/tasks/${task.task.taskKey}`)).status).toBe(404);

    const approved = await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${task.task.taskKey}/completion`, { variables: { reviewDecision: 'approve' } });
    expect(approved.status).toBe(204);
    const done = await caseSettled(token, caseId);
    expect(done.outcome).toBe('changed');
    expect(done.messages.map((m: Body) => m.template)).toEqual(['contact-data-changed']);
    expect(done.messages[0].text).toBe('Die Gemeinde hat Ihre Kontaktdaten im Einwohnerregister geändert.');
    expect(await registerContact(aarauMain)).toEqual({ phone: '+41797654321', email: null });
    // CASE-3: one e-mail tells of the new message, with a link to the case, never the message itself.
    const notice = await eventually(async () => (await mailsTo(email)).find((mail) => mail.subject === NOTICE_SUBJECT), 'the notice of the new message');
    expect(notice.text).toContain(`/vorgaenge/${caseId}`);
    expect(notice.text).toContain(`«Kontaktdaten bei der Gemeinde ändern» (Nr. ${caseId.slice(0, 8).toUpperCase()}) bei der Gemeinde Aarau`);
    expect(notice.text).not.toContain('Einwohnerregister geändert');
    expect(notice.text).not.toContain('+4179');
    // The request served the process only (INT-3).
    await eventually(async () => ((await callApi<Body>('GET', `/cases/${caseId}`, { token })).body.request === null ? true : undefined), 'the request to be cleared');
    expect((await mailsTo(email)).filter((mail) => mail.subject === NOTICE_SUBJECT)).toHaveLength(1);
  });

  it('when the residents office rejects, then the register stays as it was and the citizen reads the reason', async () => {
    const { token } = await accountOf(aarauPartner);
    const before = await registerContact(aarauPartner);
    const filed = await requestChange(token, aarauChange(aarauPartner, { phone: '+41 62 822 11 22' }));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const task = await takeTask(filed.body.id);
    expect(task.formData.request).toMatchObject({ fields: ['phone'], changes: { phone: '+41 62 822 11 22' } });

    const withoutReason = await callTasklist<Body>(clerk, 'POST', `/tasklist/api/tasks/${task.task.taskKey}/completion`, { variables: { reviewDecision: 'reject' } });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors).toEqual([{ pointer: '/body/variables/reviewComment', detail: 'is required' }]);
    const rejected = await callTasklist(clerk, 'POST', `/tasklist/api/tasks/${task.task.taskKey}/completion`, {
      variables: { reviewDecision: 'reject', reviewComment: 'Die Nummer gehört nicht Ihnen; bitte melden Sie sich am Schalter.' },
    });
    expect(rejected.status).toBe(204);
    const done = await caseSettled(token, filed.body.id);
    expect(done.outcome).toBe('rejected');
    expect(done.messages.at(-1).text).toBe('Die Gemeinde hat die Änderung Ihrer Kontaktdaten nicht übernommen. Begründung: Die Nummer gehört nicht Ihnen; bitte melden Sie sich am Schalter.');
    expect(await registerContact(aarauPartner)).toEqual(before);
  });

  it('when the register does not know the account holder, then the change is refused without a task', async () => {
    const { token } = await accountOf({ firstName: 'Nora', lastName: 'Niemand' });
    const filed = await requestChange(token, aarauChange(aarauMain, { email: 'nora@example.ch' }));
    expect(filed.status).toBe(201);
    const done = await caseSettled(token, filed.body.id);
    expect(done.outcome).toBe('rejected');
    expect(done.messages.map((m: Body) => m.template)).toEqual(['contact-data-person-not-found']);
    const { body: open } = await callTasklist<Body>(clerk, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${filed.body.id.slice(0, 8)}`);
    expect(open.tasks).toEqual([]);
  });

  it('when the request touches the data standard or is malformed, then it is refused naming the field and no case is filed', async () => {
    const token = await citizenToken('contact-refusals');
    const refusal = async (body: Body, pointer: string, status = 400) => {
      const response = await requestChange(token, body);
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.errors.map((e: Body) => e.pointer)).toContain(pointer);
      return response.body;
    };
    const changed = '/body/data/request/changes';
    const standard = await refusal(aarauChange(aarauMain, { phone: '+41791112233', lastName: 'Neu' }), `${changed}/lastName`);
    expect(standard.errors[0].detail).toBe('is not a field of this form');
    await refusal(aarauChange(aarauMain, { address: { street: 'Neugasse' } }), `${changed}/address/street`);
    await refusal(aarauChange(aarauMain, { dateOfBirth: '1990-01-01' }), `${changed}/dateOfBirth`);
    await refusal(aarauChange(aarauMain, {}), '/body/data/request/fields');
    await refusal(aarauChange(aarauMain, { phone: '12' }), `${changed}/phone`);
    await refusal(aarauChange(aarauMain, { email: 'keine-adresse' }), `${changed}/email`);
    await refusal(aarauChange(aarauMain, { fax: '+41621234567' }), `${changed}/fax`);
    await refusal({ ...aarauChange(aarauMain, { email: 'a@example.ch' }), organisationId: randomUUID() }, '/body/organisationId', 422);
    await refusal(aarauChange(aarauMain, { email: 'a@example.ch' }, '1985-02-30'), '/body/data/applicant/dateOfBirth');
    await refusal(aarauChange(aarauMain, { email: 'a@example.ch' }, '2999-01-01'), '/body/data/applicant/dateOfBirth');
    await refusal({ ...aarauChange(aarauMain, { email: 'a@example.ch' }), municipalityId: 'wohlen' }, '/body/municipalityId', 422);
    // The name is the account's own: nobody asks in another's name.
    const otherName = aarauChange(aarauMain, { email: 'a@example.ch' });
    otherName.data.applicant = { firstName: 'Fremde', lastName: 'Person', dateOfBirth: aarauMain.dateOfBirth };
    const named = await refusal(otherName, '/body/data/applicant/firstName');
    expect(named.errors[0].detail).toBe('is the account\'s own and cannot be changed here');
    expect((await requestChange(undefined, aarauChange(aarauMain, { email: 'a@example.ch' }))).status).toBe(401);
    const { body: cases } = await callApi<Body>('GET', '/cases', { token });
    expect(cases.cases).toEqual([]);
  });

  it('when another citizen asks for the case, then it does not exist for them', async () => {
    const token = await citizenToken('contact-owner');
    const filed = await requestChange(token, aarauChange(aarauMain, { email: 'x@example.ch' }));
    expect(filed.status).toBe(201);
    const stranger = await citizenToken('contact-stranger');
    expect((await callApi('GET', `/cases/${filed.body.id}`, { token: stranger })).status).toBe(404);
  });
});
