/**
 * The clerks' tasklist over its API: staff log in through the development OpenID provider, see
 * only their municipality's and groups' tasks, and claim, hand over and complete them in the
 * engine. Every refusal is proved here, not only hidden in the page.
 */
import knex from 'knex';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { orderForReview, unassignedTaskOf } from './support/orders.ts';
import { callTasklist, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let aarauClerk: string;
let aarauAdmin: string;
let badenClerk: string;
let financeClerk: string;

beforeAll(async () => {
  aarauClerk = await staffSessionCookie('sandra.meier');
  aarauAdmin = await staffSessionCookie('anna.admin');
  badenClerk = await staffSessionCookie('beat.keller');
  financeClerk = await staffSessionCookie('franz.finanz');
});

/** A blocked record in Aarau: paid, then waiting for the residents' office's review. */
async function reviewTaskInAarau(citizen: string): Promise<{ token: string; caseId: string; task: Body }> {
  const { token, caseId } = await orderForReview(citizen);
  return { token, caseId, task: await unassignedTaskOf(aarauClerk, caseId) };
}

describe('tasklist login and rights', () => {
  it('when a clerk has logged in, then the session carries the directory\'s municipality, roles and groups', async () => {
    const me = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: expect.any(String), name: expect.any(String), organisation: 'aarau', organisationKind: 'municipality', municipalities: ['aarau'], roles: ['clerk'], groups: ['4001-einwohnerkontrolle'],
    });
  });

  it('when nobody is logged in, then the API answers 401 and the page sends to the login', async () => {
    expect((await callTasklist('', 'GET', '/tasklist/api/tasks')).status).toBe(401);
    const page = await fetch(new URL('/tasklist/', inject('apiUrl')), { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/tasklist/login');
  });

  it('when a forged cookie or a citizen token is sent, then the API answers 401', async () => {
    expect((await callTasklist('gp_staff=eyJpZCI6ImhhY2tlciJ9.forged', 'GET', '/tasklist/api/me')).status).toBe(401);
    const withToken = await fetch(new URL('/tasklist/api/me', inject('apiUrl')), { headers: { authorization: `Bearer ${await citizenToken('citizen-x')}` } });
    expect(withToken.status).toBe(401);
  });
});

describe('the review task in the tasklist', () => {
  it('when Aarau\'s clerk claims and completes the review, then the citizen\'s case moves on', async () => {
    const { token, caseId, task } = await reviewTaskInAarau('citizen-tasklist-approve');
    expect(task).toMatchObject({ name: 'Antrag prüfen', serviceName: 'Hauptwohnsitzbescheinigung', citizenName: 'Greta Sperrli', assignee: null, candidateGroups: ['4001-einwohnerkontrolle'] });

    const detail = await callTasklist<Body>(aarauClerk, 'GET', `/tasklist/api/tasks/${task.taskKey}`);
    expect(detail.status).toBe(200);
    expect(detail.body.case).toMatchObject({ id: caseId, applicant: { firstName: 'Greta', lastName: 'Sperrli', dateOfBirth: '1993-12-24' } });
    expect(detail.body.form.id).toBe('residence-certificate-review');
    // The form shows what the register said (kept for the review only while the process runs).
    expect(detail.body.formData).toMatchObject({ language: 'de', resident: { residenceType: 'main', blocked: true } });

    // Completing needs the task first; a form with a missing required answer is refused naming the field.
    expect((await callTasklist<Body>(aarauClerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'approve' } })).status).toBe(409);
    expect((await callTasklist(aarauClerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
    const mine = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/tasks?view=mine');
    expect(mine.body.tasks.map((t: Body) => t.taskKey)).toContain(task.taskKey);
    const invalid = await callTasklist<Body>(aarauClerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'maybe', injected: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: Body) => e.pointer).sort()).toEqual(['/body/variables/injected', '/body/variables/reviewDecision']);

    expect((await callTasklist(aarauClerk, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'approve' } })).status).toBe(204);
    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.state === 'completed' ? body : undefined;
    }, 'the case to finish');
    expect(done.outcome).toBe('issued');
    const db = knex({ client: 'pg', connection: inject('databaseUrl') });
    try {
      const row = await eventually(async () => {
        const found = await db('cases').where({ id: caseId }).first('register_extract');
        return found?.register_extract === null ? found : undefined;
      }, "the register's data cleared once the process ended");
      expect(row.register_extract).toBeNull();
    } finally {
      await db.destroy();
    }
    // The completed task does not come back, even before the engine's record arrives.
    const after = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/tasks?view=mine');
    expect(after.body.tasks.map((t: Body) => t.taskKey)).not.toContain(task.taskKey);
  });

  it('when a clerk of another municipality, a finance clerk or a colleague who does not hold it acts, then each is refused', async () => {
    const { task } = await reviewTaskInAarau('citizen-tasklist-refusals');
    const path = `/tasklist/api/tasks/${task.taskKey}`;

    // Baden's clerk and Aarau's finance clerk do not see it: 404, as for a task that does not exist.
    for (const outsider of [badenClerk, financeClerk]) {
      expect((await callTasklist(outsider, 'GET', path)).status).toBe(404);
      expect((await callTasklist(outsider, 'POST', `${path}/claim`)).status).toBe(404);
      const lists = await Promise.all(['mine', 'unassigned', 'due-soon', 'overdue'].map((view) => callTasklist<Body>(outsider, 'GET', `/tasklist/api/tasks?view=${view}`)));
      for (const list of lists) expect(list.body.tasks.map((t: Body) => t.taskKey)).not.toContain(task.taskKey);
    }

    // Without the CSRF header, a state change is refused even with a valid session.
    const noHeader = await fetch(new URL(`${path}/claim`, inject('apiUrl')), { method: 'POST', headers: { cookie: aarauClerk } });
    expect(noHeader.status).toBe(403);

    // Aarau's clerk claims it; the administrator (same group) cannot take it over or complete it.
    expect((await callTasklist(aarauClerk, 'POST', `${path}/claim`)).status).toBe(204);
    expect((await callTasklist(aarauAdmin, 'POST', `${path}/claim`)).status).toBe(409);
    expect((await callTasklist(aarauAdmin, 'POST', `${path}/completion`, { variables: { reviewDecision: 'approve' } })).status).toBe(409);
    expect((await callTasklist(aarauAdmin, 'POST', `${path}/unclaim`)).status).toBe(409);

    // Handing over goes only to a colleague of the municipality.
    const strangers = await callTasklist<Body>(aarauClerk, 'POST', `${path}/assignment`, { assignee: 'beat.keller-sub' });
    expect(strangers.status).toBe(400);
    const colleagues = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/colleagues');
    const admin = colleagues.body.colleagues.find((c: Body) => c.name.includes('Admin') || c.id.includes('admin'));
    expect(admin).toBeDefined();
    expect((await callTasklist(aarauClerk, 'POST', `${path}/assignment`, { assignee: admin.id })).status).toBe(204);
    const adminsTasks = await callTasklist<Body>(aarauAdmin, 'GET', '/tasklist/api/tasks?view=mine');
    expect(adminsTasks.body.tasks.map((t: Body) => t.taskKey)).toContain(task.taskKey);
    expect((await callTasklist(aarauAdmin, 'POST', `${path}/unclaim`)).status).toBe(204);
  });

  it('when the list is filtered by citizen name, then only matching tasks come back', async () => {
    const { task } = await reviewTaskInAarau('citizen-tasklist-filter');
    const hit = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/tasks?view=unassigned&citizen=sperr');
    expect(hit.body.tasks.map((t: Body) => t.taskKey)).toContain(task.taskKey);
    const miss = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/tasks?view=unassigned&citizen=niemand');
    expect(miss.body.tasks).toEqual([]);
    const bad = await callTasklist<Body>(aarauClerk, 'GET', '/tasklist/api/tasks?view=everything');
    expect(bad.status).toBe(400);
  });

  it('when the clerk holding the task writes to the citizen and uploads a decision, then both appear in the citizen\'s case; others are refused', async () => {
    const { token, caseId, task } = await reviewTaskInAarau('citizen-tasklist-correspondence');
    const path = `/tasklist/api/tasks/${task.taskKey}`;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (cookie: string, body: Buffer, name = 'Entscheid Greta.pdf') => fetch(new URL(`${path}/documents`, inject('apiUrl')), {
      method: 'POST', headers: { cookie, 'x-requested-with': 'tasklist', 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(name) }, body,
    });

    // Only the clerk holding the task uploads; Baden's clerk does not even see it.
    expect((await upload(aarauClerk, pdf)).status).toBe(409);
    expect((await upload(badenClerk, pdf)).status).toBe(404);
    expect((await callTasklist(badenClerk, 'POST', `${path}/messages`, { text: 'Hallo' })).status).toBe(404);
    expect((await callTasklist(aarauClerk, 'POST', `${path}/messages`, { text: '   ' })).status).toBe(400);

    expect((await callTasklist(aarauClerk, 'POST', `${path}/claim`)).status).toBe(204);
    expect((await callTasklist(aarauClerk, 'POST', `${path}/messages`, { text: 'Bitte reichen Sie eine Kopie Ihres Ausweises ein.' })).status).toBe(204);
    const notPdf = await upload(aarauClerk, Buffer.from('<html>not a pdf</html>'));
    expect(notPdf.status).toBe(400);
    expect(((await notPdf.json()) as Body).errors[0].pointer).toBe('/body');
    expect((await upload(aarauClerk, pdf, '../../Entscheid "Greta".pdf')).status).toBe(204);

    const seen = (await callApi<Body>('GET', `/cases/${caseId}`, { token })).body;
    expect(seen.messages.map((m: Body) => m.text)).toContain('Bitte reichen Sie eine Kopie Ihres Ausweises ein.');
    const decision = seen.documents.find((d: Body) => d.kind.startsWith('decision:'));
    expect(decision.fileName).toBe('Entscheid _Greta_.pdf');
    const download = await callApi<Buffer>('GET', decision.href, { token });
    expect(download.status).toBe(200);
    expect(download.body.equals(pdf)).toBe(true);
    expect((await callApi<Buffer>('GET', decision.href, { token: await citizenToken('citizen-someone-else') })).status).toBe(404);
  });
});
