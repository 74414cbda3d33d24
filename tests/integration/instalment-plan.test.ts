/**
 * The instalment plan (Ratenzahlung, issue 15) end to end on the real engine, applied for through
 * POST /applications: its decision table, approval by the table and by the finance clerk in the
 * tasklist (API and browser), refusals, the plan with its QR-bills in "Meine Dokumente", the
 * instalments in the case view, paid by the bank's camt.054, reminded, missed and the plan ended.
 * Tests that change Aarau's settings run in this one file, one after the other.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createZeebeClient } from '../../core/engine/engine-client.ts';
import { scanQrCode } from '../support/qr-bill-scan.ts';
import { browserForTests, checkAccessibility, screenshot, staffPage } from './support/browser.ts';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { applyForPlan, type Application, gretasToken, withAarauSettings, zurichDaysFromToday } from './support/instalment-plans.ts';
import { unassignedTaskOf } from './support/orders.ts';
import { camt054 } from './support/camt054.ts';
import { callTasklist, staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
type Zeebe = ReturnType<typeof createZeebeClient>;

const AARAU_QR_IBAN = 'CH4431999123000889012';

let db: Knex;
let zeebe: Zeebe;
let finance: string;
let residentsOffice: string;
beforeAll(async () => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  zeebe = createZeebeClient({ grpcAddress: inject('engineGrpcAddress'), restAddress: inject('engineRestUrl') });
  // franz.finanz is Aarau's finance clerk (group 4001-finanzen); sandra.meier works in its residents office.
  finance = await staffSessionCookie('franz.finanz');
  residentsOffice = await staffSessionCookie('sandra.meier');
});
afterAll(async () => {
  await zeebe.close();
  await db.destroy();
});

/** Greta Sperrli (a new account of hers for each tag) applies; with `settings`, Aarau's for this case. */
async function apply(tag: string, application: Application, settings?: Record<string, unknown>): Promise<{ token: string; caseId: string }> {
  const token = await gretasToken(tag);
  const caseId = settings ? await withAarauSettings(db, settings, () => applyForPlan(token, application)) : await applyForPlan(token, application);
  return { token, caseId };
}
const caseOf = async (token: string, caseId: string) => (await callApi<Body>('GET', `/cases/${caseId}`, { token })).body;
const caseWhen = (token: string, caseId: string, what: string, done: (c: Body) => boolean) =>
  eventually(async () => {
    const body = await caseOf(token, caseId);
    return done(body) ? body : undefined;
  }, what);
const finished = (c: Body) => c.state === 'completed';
// The phase comes with the engine's records, the message from the worker: either may be first.
const planAgreed = (c: Body) => c.phase.de === 'Ratenplan vereinbart' && c.messages.some((m: Body) => m.template === 'instalment-plan-agreed');
const phases = (c: Body) => c.history.map((entry: Body) => entry.phase.de);
const templates = (c: Body) => c.messages.map((message: Body) => message.template);
const states = (c: Body) => c.instalmentPlan.instalments.map((instalment: Body) => instalment.state);

/** Aarau's finance department imports the bank's credit notification, as «Kontoauszug einlesen» does. */
async function importBankStatement(credits: { amountRappen: number; reference: string | null }[]): Promise<Body> {
  const statement = camt054(AARAU_QR_IBAN, credits.map((credit) => ({
    bankReference: `BANK-${randomUUID()}`, amountRappen: credit.amountRappen, reference: credit.reference === null ? null : { type: 'QRR' as const, value: credit.reference },
  })));
  const response = await fetch(`${inject('apiUrl')}/finance/municipalities/aarau/bank-statements`, {
    method: 'POST', headers: { ...staffHeaders(finance), 'content-type': 'application/xml' }, body: statement,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

async function instalmentsOf(caseId: string) {
  return db('instalments').where({ case_id: caseId }).orderBy('number').select('number', 'amount_rappen', 'reference', 'reference_type', 'creditor_iban', 'state', db.raw('due_on::text as due_on'));
}

async function documentOf(token: string, c: Body, kind: string): Promise<Buffer> {
  const document = c.documents.find((candidate: Body) => candidate.kind === kind);
  expect(document, `a document of kind ${kind}`).toBeDefined();
  const response = await callApi<Buffer>('GET', document.href, { token });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return response.body;
}

describe('the decision table (instalment-plan-assessment.dmn), evaluated by the engine', () => {
  const settings = { refuseAboveRappen: 2_000_000, autoApproveUpToRappen: 200_000, maxInstalments: 6, minInstalmentRappen: 5_000 };
  it.each([
    { totalRappen: 200_000, instalments: 6, decision: 'approve', reason: 'within-limits' },
    { totalRappen: 30_000, instalments: 6, decision: 'approve', reason: 'within-limits' },
    { totalRappen: 200_001, instalments: 3, decision: 'review', reason: 'amount-above-auto-approval' },
    { totalRappen: 100_000, instalments: 7, decision: 'review', reason: 'too-many-instalments' },
    { totalRappen: 29_999, instalments: 6, decision: 'review', reason: 'instalment-below-minimum' },
    { totalRappen: 2_000_000, instalments: 12, decision: 'review', reason: 'too-many-instalments' },
    { totalRappen: 2_000_001, instalments: 2, decision: 'refuse', reason: 'amount-above-limit' },
  ])('when $totalRappen Rappen are asked for in $instalments instalments, then the table says $decision ($reason)', async ({ totalRappen, instalments, decision, reason }) => {
    const result = await zeebe.evaluateDecision({ decisionId: 'instalment-plan-assessment', variables: { totalRappen, instalments, settings } as never });
    expect(result.failureMessage).toBe('');
    expect(JSON.parse(result.decisionOutput)).toEqual({ decision, reason });
  });

  it('when a municipality sets other thresholds, then the same request is decided by them', async () => {
    const evaluate = async (own: Record<string, number>) =>
      JSON.parse((await zeebe.evaluateDecision({ decisionId: 'instalment-plan-assessment', variables: { totalRappen: 300_000, instalments: 10, settings: { ...settings, ...own } } as never })).decisionOutput) as Body;
    expect(await evaluate({})).toMatchObject({ decision: 'review', reason: 'too-many-instalments' });
    expect(await evaluate({ maxInstalments: 12, autoApproveUpToRappen: 300_000 })).toMatchObject({ decision: 'approve' });
    expect(await evaluate({ refuseAboveRappen: 250_000 })).toMatchObject({ decision: 'refuse' });
  });
});

describe('instalment plan approved', () => {
  it('when the table approves, then the finance module records the plan, and the citizen gets it with a QR-bill per instalment in "Meine Dokumente"', async () => {
    const { token, caseId } = await apply('citizen-plan-approved', { itemIds: ['OP-4001-2001'], instalments: 3 });
    const agreed = await caseWhen(token, caseId, 'the plan agreed', planAgreed);
    expect(phases(agreed)).toEqual(expect.arrayContaining(['Eingegangen', 'In Bearbeitung', 'In Prüfung', 'Ratenplan vereinbart']));

    // CHF 480 in three monthly instalments of whole francs, the first 30 days on in Zurich (Aarau's setting), each with its own QR reference.
    const instalments = await instalmentsOf(caseId);
    expect(instalments.map(({ number, amount_rappen, state, reference_type, creditor_iban }) => ({ number, amount_rappen, state, reference_type, creditor_iban }))).toEqual([
      { number: 1, amount_rappen: 16_000, state: 'open', reference_type: 'QRR', creditor_iban: AARAU_QR_IBAN },
      { number: 2, amount_rappen: 16_000, state: 'open', reference_type: 'QRR', creditor_iban: AARAU_QR_IBAN },
      { number: 3, amount_rappen: 16_000, state: 'open', reference_type: 'QRR', creditor_iban: AARAU_QR_IBAN },
    ]);
    expect(instalments[0]?.due_on).toBe(zurichDaysFromToday(30));

    const pdf = await documentOf(token, agreed, 'instalment-plan');
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(totalPages).toBe(4);
    expect(text).toContain('Ratenplan');
    expect(text).toContain('Gemeindesteuern 2025, 1. Rate');
    // The second instalment's payment part, as a banking app reads it: Aarau's QR-IBAN, the amount and the instalment's reference.
    const payload = (await scanQrCode(pdf, 3))?.split(/\r?\n/) ?? [];
    expect(payload[3]).toBe(AARAU_QR_IBAN);
    expect(payload[18]).toBe('160.00');
    expect(payload[21]).toBe('Greta Sperrli');
    expect(payload[27]).toBe('QRR');
    expect(payload[28]).toBe(instalments[1]?.reference);
  });

  it('when the table sends the request to review, then Aarau\'s finance clerk approves it in the tasklist, and nobody else sees the task', async () => {
    const { token, caseId } = await apply('citizen-plan-reviewed', { itemIds: ['OP-4001-2004'], instalments: 6, language: 'fr' });
    const task = await unassignedTaskOf(finance, caseId);
    expect(task).toMatchObject({ name: 'Gesuch um Ratenzahlung prüfen', serviceName: 'Ratenzahlung', candidateGroups: ['4001-finanzen'] });
    expect((await caseOf(token, caseId)).phaseLabel).toBe('En examen');

    // The residents office does not handle the municipality's bills: the task is not theirs to see or take.
    expect((await callTasklist(residentsOffice, 'GET', `/tasklist/api/tasks/${task.taskKey}`)).status).toBe(404);
    expect((await callTasklist(residentsOffice, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(404);

    const detail = await callTasklist<Body>(finance, 'GET', `/tasklist/api/tasks/${task.taskKey}`);
    expect(detail.body.form.id).toBe('instalment-plan-review');
    expect(detail.body.formData).toMatchObject({ instalments: 6, openItems: [{ itemId: 'OP-4001-2004', amountRappen: 420_000 }] });
    expect((await callTasklist(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
    const refusedWithoutReason = await callTasklist<Body>(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'refuse' } });
    expect(refusedWithoutReason.status).toBe(400);
    expect(refusedWithoutReason.body.errors.map((error: Body) => error.pointer)).toEqual(['/body/variables/reviewComment']);
    expect((await callTasklist(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'approve' } })).status).toBe(204);

    const agreed = await caseWhen(token, caseId, 'the plan agreed', planAgreed);
    expect(agreed.messages.find((m: Body) => m.template === 'instalment-plan-agreed').text).toContain('Votre plan de paiement est convenu');
    expect((await instalmentsOf(caseId)).map((instalment) => instalment.amount_rappen)).toEqual([70_000, 70_000, 70_000, 70_000, 70_000, 70_000]);
    const { text } = await extractText(new Uint8Array(await documentOf(token, agreed, 'instalment-plan')), { mergePages: true });
    expect(text).toContain('Plan de paiement');
  });
});

describe('instalment plan refused', () => {
  it('when the amount is above what Aarau grants online, then the table refuses, no plan is made, and the citizen reads why', async () => {
    const { token, caseId } = await apply('citizen-plan-too-high', { itemIds: ['OP-4001-2008'], instalments: 12 });
    const done = await caseWhen(token, caseId, 'the case to finish', finished);
    expect(done.outcome).toBe('rejected');
    expect(phases(done)).toEqual(['Eingegangen', 'In Bearbeitung', 'In Prüfung', 'Abgelehnt']);
    expect(done.messages.map((m: Body) => m.text)).toEqual([expect.stringContaining('übersteigt, was die Gemeinde online in Raten gewährt')]);
    expect(await instalmentsOf(caseId)).toEqual([]);
    expect(done.documents).toEqual([]);
  });

  it('when the finance clerk refuses in the review, then the citizen reads the clerk\'s reason and no plan is made', async () => {
    const { token, caseId } = await apply('citizen-plan-refused', { itemIds: ['OP-4001-2003'], instalments: 12 });
    const task = await unassignedTaskOf(finance, caseId);
    expect((await callTasklist(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
    const reviewComment = 'Zwölf Raten gewähren wir für Gebühren nicht; sechs sind möglich.';
    expect((await callTasklist(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { reviewDecision: 'refuse', reviewComment } })).status).toBe(204);
    const done = await caseWhen(token, caseId, 'the case to finish', finished);
    expect(done.outcome).toBe('rejected');
    expect(templates(done)).toEqual(['application-rejected']);
    expect(done.messages[0].text).toContain(reviewComment);
    expect(await instalmentsOf(caseId)).toEqual([]);
  });

  it('when the finance module refuses a bill in debt enforcement, then the citizen reads that reason and no plan is made', async () => {
    const { token, caseId } = await apply('citizen-plan-in-enforcement', { itemIds: ['OP-4001-2009'], instalments: 3 });
    const done = await caseWhen(token, caseId, 'the case to finish', finished);
    expect(done.outcome).toBe('rejected');
    expect(done.messages.map((m: Body) => m.text)).toEqual([expect.stringContaining('bereits in Betreibung')]);
    expect(await instalmentsOf(caseId)).toEqual([]);
  });
});

describe('instalments paid by the bank', () => {
  it('when the bank\'s camt.054 credits an instalment\'s reference, then it is paid in the case view; when every one is, the plan is fulfilled', async () => {
    const { token, caseId } = await apply('citizen-plan-paid', { itemIds: ['OP-4001-2002'], instalments: 2, language: 'en' });
    const agreed = await caseWhen(token, caseId, 'the plan agreed', planAgreed);
    expect(agreed.instalmentPlan).toEqual({
      totalRappen: 48_000,
      paidRappen: 0,
      instalments: [
        { number: 1, dueDate: zurichDaysFromToday(30), amountRappen: 24_000, reference: expect.stringMatching(/^\d{27}$/), state: 'open', stateLabel: 'Open' },
        { number: 2, dueDate: expect.any(String), amountRappen: 24_000, reference: expect.stringMatching(/^\d{27}$/), state: 'open', stateLabel: 'Open' },
      ],
    });
    const [first, second] = agreed.instalmentPlan.instalments as Body[];
    // Another citizen does not see the case, nor its plan.
    expect((await callApi('GET', `/cases/${caseId}`, { token: await citizenToken('citizen-plan-other') })).status).toBe(404);

    // The first instalment paid; a credit to the second's reference for another amount is left to the finance department.
    expect(await importBankStatement([{ amountRappen: 24_000, reference: first?.reference }, { amountRappen: 10_000, reference: second?.reference }]))
      .toEqual({ imported: 2, settled: 1, unmatched: 1, alreadyImported: 0, unsupported: 0 });
    const halfPaid = await caseOf(token, caseId);
    expect(states(halfPaid)).toEqual(['paid', 'open']);
    expect(halfPaid.instalmentPlan).toMatchObject({ paidRappen: 24_000, instalments: [{ stateLabel: 'Paid' }, { stateLabel: 'Open' }] });
    expect(halfPaid.state).toBe('in-progress');
    const unmatched = await callApi<Body>('GET', '/finance/municipalities/aarau/unmatched-credits', { headers: staffHeaders(finance) });
    expect(unmatched.body.credits).toContainEqual(expect.objectContaining({ creditorReference: second?.reference, amountRappen: 10_000 }));

    expect(await importBankStatement([{ amountRappen: 24_000, reference: second?.reference }])).toMatchObject({ settled: 1, unmatched: 0 });
    const done = await caseWhen(token, caseId, 'the plan fulfilled', finished);
    expect(done.outcome).toBe('paid');
    expect(done.phase.de).toBe('Abgeschlossen');
    expect(states(done)).toEqual(['paid', 'paid']);
    expect(templates(done)).toEqual(['instalment-plan-agreed', 'instalment-plan-paid']);
  });
});

describe('instalments missed', () => {
  // Due today and reminded at once: Aarau's deadlines as a test can wait for them.
  const dueNow = { firstInstalmentAfterDays: 0, reminderAfter: 'PT0S' };

  it('when an instalment is still unpaid after its reminder\'s grace period, then the plan ends, the citizen is told, and Aarau\'s finance clerk gets a task', async () => {
    const { token, caseId } = await apply('citizen-plan-missed', { itemIds: ['OP-4001-2005'], instalments: 2 }, { ...dueNow, reminderGracePeriod: 'PT8S' });
    const reminded = await caseWhen(token, caseId, 'the first instalment reminded', (c) => c.instalmentPlan?.instalments[0].state === 'reminded');
    expect(states(reminded)).toEqual(['reminded', 'open']);
    expect(reminded.instalmentPlan.instalments[0].dueDate).toBe(zurichDaysFromToday(0));
    const reminder = await caseWhen(token, caseId, 'the reminder', (c) => templates(c).includes('instalment-reminder'));
    const [year, month, day] = zurichDaysFromToday(0).split('-');
    expect(reminder.messages.find((m: Body) => m.template === 'instalment-reminder').text).toContain(`Rate 1 Ihres Ratenplans, fällig am ${day}.${month}.${year}`);

    const ended = await caseWhen(token, caseId, 'the plan ended', (c) => c.outcome === 'plan-ended' && templates(c).includes('instalment-plan-ended'));
    expect(states(ended)).toEqual(['missed', 'cancelled']);
    expect(ended.instalmentPlan.instalments.map((instalment: Body) => instalment.stateLabel)).toEqual(['Nicht bezahlt', 'Aufgehoben']);
    expect(ended.phase.de).toBe('Ratenplan aufgehoben');
    expect(ended.state).toBe('in-progress');
    expect(ended.messages.find((m: Body) => m.template === 'instalment-plan-ended').text).toContain('Der offene Restbetrag ist sofort fällig');

    // The finance department takes over: a task in its group, with the instalments' states on its form.
    const task = await unassignedTaskOf(finance, caseId);
    expect(task).toMatchObject({ name: 'Aufgehobenen Ratenplan bearbeiten', candidateGroups: ['4001-finanzen'] });
    expect((await callTasklist(residentsOffice, 'GET', `/tasklist/api/tasks/${task.taskKey}`)).status).toBe(404);
    const detail = await callTasklist<Body>(finance, 'GET', `/tasklist/api/tasks/${task.taskKey}`);
    expect(detail.body.form.id).toBe('instalment-plan-ended');
    expect(detail.body.formData.planInstalments).toEqual([
      expect.objectContaining({ number: 1, amountRappen: 12_000, state: 'missed' }), expect.objectContaining({ number: 2, amountRappen: 12_000, state: 'cancelled' }),
    ]);
    expect((await callTasklist(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/claim`)).status).toBe(204);
    const withoutNote = await callTasklist<Body>(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: {} });
    expect(withoutNote.status).toBe(400);
    expect(withoutNote.body.errors.map((error: Body) => error.pointer)).toEqual(['/body/variables/followUpNote']);
    expect((await callTasklist(finance, 'POST', `/tasklist/api/tasks/${task.taskKey}/completion`, { variables: { followUpNote: 'Restbetrag gemahnt, Frist 30 Tage.' } })).status).toBe(204);
    const done = await caseWhen(token, caseId, 'the case to finish', finished);
    expect(done.outcome).toBe('plan-ended');
  });

  it('when a reminded instalment is paid within the grace period, then the plan holds and is fulfilled when the rest is paid', async () => {
    const { token, caseId } = await apply('citizen-plan-late', { itemIds: ['OP-4001-2006'], instalments: 2 }, { ...dueNow, reminderGracePeriod: 'PT1H' });
    const reminded = await caseWhen(token, caseId, 'the first instalment reminded', (c) => c.instalmentPlan?.instalments[0].state === 'reminded');
    const [first, second] = reminded.instalmentPlan.instalments as Body[];
    expect(await importBankStatement([{ amountRappen: first?.amountRappen, reference: first?.reference }])).toMatchObject({ settled: 1 });
    expect(states(await caseOf(token, caseId))).toEqual(['paid', 'open']);
    expect(await importBankStatement([{ amountRappen: second?.amountRappen, reference: second?.reference }])).toMatchObject({ settled: 1 });
    const done = await caseWhen(token, caseId, 'the plan fulfilled', finished);
    expect(done.outcome).toBe('paid');
    expect(templates(done)).toEqual(['instalment-plan-agreed', 'instalment-reminder', 'instalment-plan-paid']);
  });
});

describe('the instalment plan\'s tasks in the tasklist, in the browser', () => {
  // The pages run under their strict Content-Security-Policy: nothing they need may be refused.
  const browser = browserForTests();

  it('when Aarau\'s finance clerk opens the review, then the form shows the bills and instalments asked for, and approving it agrees the plan', async () => {
    // Twelve instalments are more than Aarau grants without review.
    const { token, caseId } = await apply('citizen-plan-browser', { itemIds: ['OP-4001-2007'], instalments: 12 });
    const caseNumber = caseId.slice(0, 8).toUpperCase();
    const page = await staffPage(browser(), 'franz.finanz');

    await page.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
    const row = page.getByRole('row', { name: new RegExp(caseNumber) });
    await row.waitFor({ timeout: 20_000 });
    await expect(row.textContent()).resolves.toContain('Ratenzahlung');
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Gesuch um Ratenzahlung prüfen' }).waitFor();

    // The package's form, rendered with form-js over the case's request.
    await page.getByText('Feuerwehrersatzabgabe 2026 (OP-4001-2007): CHF 300').waitFor();
    await expect(page.getByText(/in\s*12\s*Monatsraten, je rund CHF 25/).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sie haben die Aufgabe übernommen.' }).waitFor();
    // A refusal needs its reason: the form asks for it only then.
    await page.getByLabel('Gesuch ablehnen').check();
    await page.getByLabel('Begründung der Ablehnung').waitFor();
    await page.getByLabel('Ratenplan genehmigen').check();
    await expect(page.getByLabel('Begründung der Ablehnung').count()).resolves.toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'tasklist-instalment-plan-review');
    await page.getByRole('button', { name: 'Abschliessen' }).click();
    await page.getByRole('status').filter({ hasText: 'abgeschlossen' }).waitFor();

    expect((await caseWhen(token, caseId, 'the plan agreed', planAgreed)).instalmentPlan.instalments).toHaveLength(12);
    await page.context().close();
  }, 90_000);

  it('when a plan ended, then the finance clerk sees each instalment\'s state on the form and records what follows', async () => {
    const { token, caseId } = await apply('citizen-plan-browser-ended', { itemIds: ['OP-4001-2010'], instalments: 2 }, {
      firstInstalmentAfterDays: 0, reminderAfter: 'PT0S', reminderGracePeriod: 'PT2S',
    });
    const page = await staffPage(browser(), 'franz.finanz');
    await page.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
    const row = page.getByRole('row', { name: new RegExp(caseId.slice(0, 8).toUpperCase()) });
    await eventually(async () => {
      await page.reload();
      return (await row.count()) > 0 ? true : undefined;
    }, 'the task of the ended plan');
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Aufgehobenen Ratenplan bearbeiten' }).waitFor();
    await page.getByText(/Rate 1, fällig \d{4}-\d{2}-\d{2}: CHF 60, nicht bezahlt/).waitFor();
    await page.getByText(/Rate 2, fällig \d{4}-\d{2}-\d{2}: CHF 60, aufgehoben/).waitFor();
    await expect(page.getByText('Offener Restbetrag: CHF 120').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sie haben die Aufgabe übernommen.' }).waitFor();
    await page.getByLabel('Vermerk: Was hat die Finanzverwaltung veranlasst?').fill('Restbetrag mit Frist von 30 Tagen eingefordert.');
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'tasklist-instalment-plan-ended');
    await page.getByRole('button', { name: 'Abschliessen' }).click();
    await page.getByRole('status').filter({ hasText: 'abgeschlossen' }).waitFor();
    expect((await caseWhen(token, caseId, 'the case to finish', finished)).outcome).toBe('plan-ended');
    await page.context().close();
  }, 90_000);
});
