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
  callApi<Body>('POST', '/contact-data-changes', { token, body, headers });

const aarauChange = (person: SeededResident, changes: Body): Body =>
  ({ municipalityId: 'aarau', language: 'de', dateOfBirth: person.dateOfBirth, changes });

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
      request: { kind: 'contact-data-change', fields: ['phone', 'email'], changes: { phone: '+41797654321', email: null }, identityVerified: false },
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
      request: { fields: ['phone', 'email'], changes: { phone: '+41 79 765 43 21', email: null } },
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
    const standard = await refusal(aarauChange(aarauMain, { phone: '+41791112233', lastName: 'Neu' }), '/body/changes/lastName');
    expect(standard.errors[0].detail).toMatch(/data standard/);
    await refusal(aarauChange(aarauMain, { address: { street: 'Neugasse' } }), '/body/changes/address');
    await refusal(aarauChange(aarauMain, { dateOfBirth: '1990-01-01' }), '/body/changes/dateOfBirth');
    await refusal(aarauChange(aarauMain, {}), '/body/changes');
    await refusal(aarauChange(aarauMain, { phone: '12' }), '/body/changes/phone');
    await refusal(aarauChange(aarauMain, { email: 'keine-adresse' }), '/body/changes/email');
    await refusal(aarauChange(aarauMain, { fax: '+41621234567' }), '/body/changes/fax');
    await refusal({ ...aarauChange(aarauMain, { email: 'a@example.ch' }), organisationId: randomUUID() }, '/body/organisationId');
    await refusal({ ...aarauChange(aarauMain, { email: 'a@example.ch' }), dateOfBirth: '1985-02-30' }, '/body/dateOfBirth');
    await refusal({ ...aarauChange(aarauMain, { email: 'a@example.ch' }), dateOfBirth: '2999-01-01' }, '/body/dateOfBirth');
    await refusal({ ...aarauChange(aarauMain, { email: 'a@example.ch' }), municipalityId: 'wohlen' }, '/body/municipalityId', 422);
    // The generic application route does not take this service: it needs the changes.
    const generic = await callApi<Body>('POST', '/applications', {
      token, body: { serviceId: 'contact-data-change', municipalityId: 'aarau', language: 'de', applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: aarauMain.dateOfBirth } },
    });
    expect(generic.status).toBe(400);
    expect(generic.body.errors).toEqual([{ pointer: '/body/serviceId', detail: 'is requested through POST /contact-data-changes' }]);
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
