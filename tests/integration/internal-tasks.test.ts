/**
 * Internal tasks (ADM-2) and task dates: a clerk writes down a task for a case or on its own; the
 * engine runs it as an instance of `internal-task`, so it is listed, claimed, handed over, dated
 * and completed like a process's task. Due and follow-up dates are set in the engine and the list
 * follows at once. Refusals are proved through the API.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from './support/http.ts';
import { orderForReview, unassignedTaskOf } from './support/orders.ts';
import { callTasklist, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let sandra: string;
let lukas: string;
let lukasId: string;
let sandraId: string;
let badenClerk: string;

beforeAll(async () => {
  sandra = await staffSessionCookie('sandra.meier');
  lukas = await staffSessionCookie('lukas.brunner');
  badenClerk = await staffSessionCookie('beat.keller');
  sandraId = (await callTasklist<Body>(sandra, 'GET', '/tasklist/api/me')).body.id;
  lukasId = (await callTasklist<Body>(lukas, 'GET', '/tasklist/api/me')).body.id;
});

const listed = (cookie: string, view: string, title: string) => eventually(async () => {
  const { body } = await callTasklist<Body>(cookie, 'GET', `/tasklist/api/tasks?view=${view}`);
  return (body.tasks as Body[]).find((task) => task.name === title);
}, `"${title}" in the ${view} list`);

async function aarauCase(citizen: string): Promise<{ caseId: string; reviewTask: Body }> {
  const { caseId } = await orderForReview(citizen);
  return { caseId, reviewTask: await unassignedTaskOf(sandra, caseId) };
}

describe('internal tasks', () => {
  it('when a clerk writes a task on its own, then it is theirs in the list, with its text, and completes without a form', async () => {
    const dueDate = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const created = await callTasklist<Body>(sandra, 'POST', '/tasklist/api/internal-tasks', {
      title: 'Statistik Quartal 4 melden', description: 'Zahlen an den Kanton senden.', dueDate,
    });
    expect(created.status).toBe(201);
    const task = await listed(sandra, 'mine', 'Statistik Quartal 4 melden');
    expect(task).toMatchObject({ kind: 'internal', caseId: null, caseNumber: null, serviceName: null, assignee: sandraId, dueDate });
    expect((await listed(sandra, 'due-soon', 'Statistik Quartal 4 melden')).taskKey).toBe(task.taskKey);

    const detail = await callTasklist<Body>(sandra, 'GET', `/tasklist/api/tasks/${task.taskKey}`);
    expect(detail.body).toMatchObject({ case: null, form: null, internal: { title: 'Statistik Quartal 4 melden', description: 'Zahlen an den Kanton senden.' } });
    // Nothing to write to and no form to fill.
    const message = await callTasklist<Body>(sandra, 'POST', `/tasklist/api/tasks/${task.taskKey}/messages`, { text: 'Hallo' });
    expect([message.status, message.body.type]).toEqual([409, expect.stringMatching(/task-without-case$/)]);
    const withData = await callTasklist<Body>(sandra, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { done: true } });
    expect(withData.status).toBe(400);
    expect(withData.body.errors).toEqual([{ pointer: '/body/variables/done', detail: 'this task has no form' }]);
    // A colleague of the same group does not see a task written for oneself.
    expect((await callTasklist(lukas, 'GET', `/tasklist/api/tasks/${task.taskKey}`)).status).toBe(404);

    expect((await callTasklist(sandra, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: {} })).status).toBe(204);
    const { body: after } = await callTasklist<Body>(sandra, 'GET', '/tasklist/api/tasks?view=mine');
    expect(after.tasks.map((t: Body) => t.taskKey)).not.toContain(task.taskKey);
  });

  it('when a clerk writes a task on a case for the group, then a colleague takes it and it shows the case; another municipality sees nothing', async () => {
    const { caseId } = await aarauCase('citizen-internal-task');
    const created = await callTasklist<Body>(sandra, 'POST', '/tasklist/api/internal-tasks', {
      title: 'Mietvertrag anfordern', description: 'Beim Vermieter nachfragen.', caseId, candidateGroup: '4001-einwohnerkontrolle',
    });
    expect(created.status).toBe(201);
    const task = await listed(lukas, 'unassigned', 'Mietvertrag anfordern');
    expect(task).toMatchObject({ kind: 'internal', caseId, caseNumber: caseId.slice(0, 8).toUpperCase(), serviceName: 'Hauptwohnsitzbescheinigung', citizenName: 'Greta Sperrli', assignee: null });
    const { body: byCase } = await callTasklist<Body>(lukas, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${caseId.slice(0, 8)}`);
    expect(byCase.tasks.map((t: Body) => t.name).sort()).toEqual(['Antrag prüfen', 'Mietvertrag anfordern']);

    const detail = await callTasklist<Body>(lukas, 'GET', `/tasklist/api/tasks/${task.taskKey}`);
    expect(detail.body.case).toMatchObject({ id: caseId, applicant: { lastName: 'Sperrli' } });
    expect(detail.body.internal.createdBy).toMatch(/Sandra/);

    expect((await callTasklist(badenClerk, 'GET', `/tasklist/api/tasks/${task.taskKey}`)).status).toBe(404);
    expect((await callTasklist(badenClerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(404);

    expect((await callTasklist(lukas, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
    expect((await callTasklist(lukas, 'POST', `/tasklist/api/tasks/${task.taskKey}/assignment`, { assignee: sandraId })).status).toBe(204);
    expect((await listed(sandra, 'mine', 'Mietvertrag anfordern')).assignee).toBe(sandraId);
    expect((await callTasklist(sandra, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: {} })).status).toBe(204);
  });

  it('when the input is wrong or reaches beyond the clerk\'s municipality and groups, then each is refused naming the field', async () => {
    const { caseId } = await aarauCase('citizen-internal-refusals');
    const create = (body: Body, cookie = sandra) => callTasklist<Body>(cookie, 'POST', '/tasklist/api/internal-tasks', body);
    const refusals: [Body, string, string?][] = [
      [{ title: '  ' }, '/body/title'],
      [{ title: 'x', extra: 1 }, '/body/extra'],
      [{ title: 'x', dueDate: 'morgen' }, '/body/dueDate'],
      [{ title: 'x', caseId: 'not-a-uuid' }, '/body/caseId'],
      [{ title: 'x', caseId }, '/body/caseId', badenClerk],
      [{ title: 'x', candidateGroup: '4021-einwohnerkontrolle' }, '/body/candidateGroup'],
      [{ title: 'x', assignee: 'beat.keller-id' }, '/body/assignee'],
      [{ title: 'x', assignee: lukasId, candidateGroup: '4001-einwohnerkontrolle' }, '/body/candidateGroup'],
      [{ title: 'x', dueDate: '2026-12-01T10:00:00Z', followUpDate: '2026-12-05T10:00:00Z' }, '/body/followUpDate'],
    ];
    for (const [body, pointer, cookie] of refusals) {
      const answer = await create(body, cookie);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.errors.map((e: Body) => e.pointer), JSON.stringify(body)).toContain(pointer);
    }
    expect((await callTasklist('', 'POST', '/tasklist/api/internal-tasks', { title: 'x' })).status).toBe(401);
  });
});

describe('due and follow-up dates', () => {
  it('when the clerk dates a task, then the engine keeps the dates and the list follows; overdue shows, clearing works, others are refused', async () => {
    const { reviewTask } = await aarauCase('citizen-task-dates');
    const key = reviewTask.taskKey as string;
    const dates = (cookie: string, body: Body) => callTasklist<Body>(cookie, 'POST', `/tasklist/api/tasks/${key}/dates`, body);

    const past = new Date(Date.now() - 3600 * 1000).toISOString();
    const followUp = new Date(Date.now() - 7200 * 1000).toISOString();
    expect((await dates(sandra, { dueDate: past, followUpDate: followUp })).status).toBe(204);
    const overdue = await eventually(async () => {
      const { body } = await callTasklist<Body>(sandra, 'GET', '/tasklist/api/tasks?view=overdue');
      return (body.tasks as Body[]).find((task) => task.taskKey === key);
    }, 'the task overdue');
    expect(overdue).toMatchObject({ dueDate: past, followUpDate: followUp });
    // The engine's own record of the change arrives later and agrees.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { body: again } = await callTasklist<Body>(sandra, 'GET', `/tasklist/api/tasks/${key}`);
    expect(again.task).toMatchObject({ dueDate: past, followUpDate: followUp });

    expect((await dates(sandra, { dueDate: past, followUpDate: new Date().toISOString() })).body.errors).toEqual([{ pointer: '/body/followUpDate', detail: 'is after the due date' }]);
    expect((await dates(sandra, { dueDate: 'bald', followUpDate: null })).status).toBe(400);
    expect((await dates(badenClerk, { dueDate: null, followUpDate: null })).status).toBe(404);
    await callTasklist(lukas, 'POST', `/tasklist/api/tasks/${key}/claim`);
    expect((await dates(sandra, { dueDate: null, followUpDate: null })).status).toBe(409);

    expect((await dates(lukas, { dueDate: null, followUpDate: null })).status).toBe(204);
    const cleared = await callTasklist<Body>(lukas, 'GET', `/tasklist/api/tasks/${key}`);
    expect(cleared.body.task).toMatchObject({ dueDate: null, followUpDate: null });
    const { body: overdueNow } = await callTasklist<Body>(sandra, 'GET', '/tasklist/api/tasks?view=overdue');
    expect(overdueNow.tasks.map((t: Body) => t.taskKey)).not.toContain(key);
  });
});

describe('an office serving several municipalities', () => {
  it('when a clerk gives a task on a case to the civil registry office, then the office\'s staff take and complete it; they see nothing else', async () => {
    const zora = await staffSessionCookie('zora.zivil');
    const me = await callTasklist<Body>(zora, 'GET', '/tasklist/api/me');
    expect(me.body).toMatchObject({ organisation: 'zivilstandsamt-aarau', organisationKind: 'institution', municipalities: ['aarau', 'lenzburg', 'zofingen'], groups: ['zivilstandsamt-aarau'] });

    const { caseId, reviewTask } = await aarauCase('citizen-office-task');
    const detail = await callTasklist<Body>(sandra, 'GET', `/tasklist/api/tasks/${reviewTask.taskKey}`);
    expect(detail.body.case.offices).toEqual(expect.arrayContaining([{ id: 'zivilstandsamt-aarau', name: 'Regionales Zivilstandsamt Aarau' }]));
    expect(detail.body.case.offices.map((office: Body) => office.id)).not.toContain('zivilstandsamt-baden');

    // Only an office serving the case's municipality, and only on a case.
    for (const body of [
      { title: 'x', caseId, candidateGroup: 'zivilstandsamt-baden' },
      { title: 'x', candidateGroup: 'zivilstandsamt-aarau' },
    ]) {
      const refused = await callTasklist<Body>(sandra, 'POST', '/tasklist/api/internal-tasks', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors[0].pointer).toBe('/body/candidateGroup');
    }
    const created = await callTasklist<Body>(sandra, 'POST', '/tasklist/api/internal-tasks', {
      title: 'Geburtsort bestätigen', description: 'Bitte im Personenstandsregister prüfen.', caseId, candidateGroup: 'zivilstandsamt-aarau',
    });
    expect(created.status).toBe(201);

    const task = await listed(zora, 'unassigned', 'Geburtsort bestätigen');
    expect(task).toMatchObject({ caseId, municipalityId: 'aarau', serviceName: 'Hauptwohnsitzbescheinigung', citizenName: 'Greta Sperrli' });
    // The office's staff do not see the residents' office's review of the same case.
    expect((await callTasklist(zora, 'GET', `/tasklist/api/tasks/${reviewTask.taskKey}`)).status).toBe(404);
    const { body: byCase } = await callTasklist<Body>(zora, 'GET', `/tasklist/api/tasks?view=unassigned&caseNumber=${caseId.slice(0, 8)}`);
    expect(byCase.tasks.map((t: Body) => t.name)).toEqual(['Geburtsort bestätigen']);
    // Nor does Baden's clerk see the office's task.
    expect((await callTasklist(badenClerk, 'GET', `/tasklist/api/tasks/${task.taskKey}`)).status).toBe(404);

    // The office hears of it in its digest.
    await eventually(async () => {
      const response = await fetch(new URL('/__sim/mails?to=zora.zivil@zivilstandsamt-aarau.example', inject('mailUrl')));
      const { mails } = (await response.json()) as { mails: { text: string }[] };
      return mails.find((mail) => mail.text.includes(`aufgabe=${task.taskKey}`));
    }, "the office's digest");

    expect((await callTasklist(zora, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
    expect((await callTasklist(zora, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: {} })).status).toBe(204);

    // A task of the office's own is the office's: the municipality's clerks do not see it.
    await callTasklist(zora, 'POST', '/tasklist/api/internal-tasks', { title: 'Registerabgleich Quartal' });
    const own = await listed(zora, 'mine', 'Registerabgleich Quartal');
    expect(own).toMatchObject({ caseId: null, municipalityId: 'zivilstandsamt-aarau' });
    expect((await callTasklist(sandra, 'GET', `/tasklist/api/tasks/${own.taskKey}`)).status).toBe(404);
  });
});
