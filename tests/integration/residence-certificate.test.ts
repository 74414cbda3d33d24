import knex, { type Knex } from 'knex';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { payCase } from './support/payments.ts';

// The case as the API returns it; the tests read it loosely and assert on the fields they need.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CaseBody = Record<string, any>;
type Resident = { firstName: string; lastName: string; dateOfBirth: string };

const applicantOf = (resident: Resident) => ({
  firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth,
});

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

async function submit(token: string, municipalityId: string, resident: Resident, language = 'de') {
  const response = await callApi<CaseBody>('POST', '/applications', {
    token,
    body: { serviceId: 'residence-certificate', municipalityId, language, applicant: applicantOf(resident) },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

async function caseWhen(token: string, caseId: string, what: string, done: (c: CaseBody) => boolean) {
  return eventually(async () => {
    const { body } = await callApi<CaseBody>('GET', `/cases/${caseId}`, { token });
    return done(body) ? body : undefined;
  }, what);
}

const finished = (c: CaseBody) => c.state === 'completed';
const labels = (c: CaseBody) => c.history.map((h: { phaseLabel: string }) => h.phaseLabel);

async function openUserTask(caseId: string) {
  return eventually(async () => {
    const row = await db('user_tasks as t').join('cases as c', 'c.process_instance_key', 't.process_instance_key')
      .where({ 'c.id': caseId, 't.state': 'CREATED' }).first('t.user_task_key', 't.candidate_groups', 't.form_key');
    return row ?? undefined;
  }, 'the review task');
}

async function completeUserTask(userTaskKey: string, variables: Record<string, unknown>) {
  const response = await fetch(`${inject('engineRestUrl')}/v2/user-tasks/${userTaskKey}/completion`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ variables }),
  });
  expect(response.status).toBe(204);
}

describe('residence certificate, end to end on the real engine', () => {
  it('when a main resident orders a certificate, then it is issued as a PDF in the chosen language', async () => {
    const token = await citizenToken('citizen-anna');
    const resident = SEEDED_RESIDENTS.aarauMain;
    const created = await submit(token, 'aarau', resident, 'fr');
    await payCase(token, created.id);

    const done = await caseWhen(token, created.id, 'the case to finish', finished);
    expect(done.outcome).toBe('issued');
    expect(done.delayed).toBe(false);
    expect(labels(done)).toEqual(['Reçue', 'En traitement', 'Paiement', 'En traitement', 'Terminée']);
    expect(done.history.map((h: { phase: { de: string } }) => h.phase.de)).toEqual(['Eingegangen', 'In Bearbeitung', 'Zahlung', 'In Bearbeitung', 'Abgeschlossen']);
    expect(done.expectedProcessingDays).toBe(2);
    expect(done.messages.map((m: { template: string }) => m.template)).toEqual(['certificate-issued']);
    expect(done.documents).toHaveLength(1);

    const pdf = await callApi<Buffer>('GET', done.documents[0].href, { token });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(pdf.body), { mergePages: true });
    expect(text).toContain(resident.lastName);
    expect(text).toContain('Aarau');
    expect(text).toMatch(/attestation/i);
    // The package's French template, under the letterhead of Aarau's configuration, numbered by municipality and case.
    const number = `WB-4001-${created.id.slice(0, 8).toUpperCase()}`;
    for (const expected of ['Attestation de domicile', 'Commune d’Aarau', 'Rathausgasse 1, 5000 Aarau', `Numéro de l’attestation ${number}`]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    expect(done.documents[0].fileName).toBe(`${number}.pdf`);

    expect(done.payment).toMatchObject({ method: 'online', status: 'paid', amountRappen: 2000, paidWith: 'twint', paymentUrl: null });
    const payment = await db('payments').where({ case_id: created.id }).first();
    expect(payment).toMatchObject({ amount_rappen: 2000, status: 'paid', booking_text: 'Wohnsitzbescheinigung Aarau', account: '4001-4260.01' });
  });

  it('when the record is blocked, then a clerk of the municipality reviews it and approval issues the certificate', async () => {
    const token = await citizenToken('citizen-greta');
    const created = await submit(token, 'aarau', SEEDED_RESIDENTS.aarauBlocked);
    await payCase(token, created.id);

    const inReview = await caseWhen(token, created.id, 'the review phase', (c) => c.phaseLabel === 'In Prüfung');
    expect(inReview.state).toBe('in-progress');
    const task = await openUserTask(created.id);
    expect(task.candidate_groups).toEqual(['4001-einwohnerkontrolle']);
    // The form linked from the same deployment (bindingType "deployment").
    expect(task.form_key).toMatch(/^\d+$/);

    await completeUserTask(task.user_task_key, { reviewDecision: 'approve' });
    const done = await caseWhen(token, created.id, 'the case to finish', finished);
    expect(done.outcome).toBe('issued');
    expect(labels(done)).toEqual(['Eingegangen', 'In Bearbeitung', 'Zahlung', 'In Bearbeitung', 'In Prüfung', 'Abgeschlossen']);
    const row = await db('user_tasks').where({ user_task_key: task.user_task_key }).first('state');
    expect(row.state).toBe('COMPLETED');
  });

  it('when the clerk rejects the review after payment, then the fee is refunded, the case ends rejected with a reason and no certificate', async () => {
    const token = await citizenToken('citizen-greta-2');
    const created = await submit(token, 'aarau', SEEDED_RESIDENTS.aarauBlocked);
    await payCase(token, created.id, 'visa');
    const task = await openUserTask(created.id);
    await completeUserTask(task.user_task_key, { reviewDecision: 'reject', reviewComment: 'Identität nicht bestätigt' });

    const done = await caseWhen(token, created.id, 'the case to finish', finished);
    expect(done.outcome).toBe('rejected');
    expect(done.phaseLabel).toBe('Abgelehnt');
    expect(done.documents).toEqual([]);
    const texts = done.messages.map((m: { text: string }) => m.text).join(' | ');
    expect(texts).toContain('nach Prüfung abgelehnt');
    expect(texts).toContain('CHF 20.00 wird Ihnen zurückerstattet');
    expect(done.payment).toMatchObject({ status: 'refunded', paidWith: 'visa' });
    // Payrexx refunded the transaction itself, not just our books.
    const payment = await db('payments').where({ case_id: created.id }).first('transaction_id', 'refunded_rappen');
    expect(payment.refunded_rappen).toBe(2000);
    const transactions = await (await fetch(`${inject('payrexxUrl')}/__sim/transactions`)).json() as { id: number; status: string }[];
    expect(transactions.find((t) => String(t.id) === payment.transaction_id)?.status).toBe('refunded');
  });

  it.each([
    ['a former resident', 'brugg', SEEDED_RESIDENTS.bruggMovedAway, 'keinen Hauptwohnsitz'],
    ['a person with only a secondary residence', 'lenzburg', SEEDED_RESIDENTS.lenzburgSecondary, 'keinen Hauptwohnsitz'],
    ['a person the register does not know', 'aarau', { ...SEEDED_RESIDENTS.aarauMain, lastName: 'Niemand' }, 'nicht verzeichnet'],
  ])('when %s orders, then the case is rejected with the reason', async (_who, municipalityId, resident, reason) => {
    const token = await citizenToken(`citizen-${resident.lastName}`);
    const created = await submit(token, municipalityId, resident);
    const done = await caseWhen(token, created.id, 'the case to finish', finished);
    expect(done.outcome).toBe('rejected');
    expect(done.documents).toEqual([]);
    expect(done.messages.map((m: { text: string }) => m.text).join()).toContain(reason);
  });
});

describe('one process for every back-office vendor', () => {
  it.each([
    { municipality: 'aarau', vendor: 'dialog', resident: SEEDED_RESIDENTS.aarauMain },
    { municipality: 'baden', vendor: 'hurlimann', resident: SEEDED_RESIDENTS.badenMain },
    { municipality: 'brugg', vendor: 'talus', resident: SEEDED_RESIDENTS.bruggMain },
    { municipality: 'lenzburg', vendor: 'obt', resident: SEEDED_RESIDENTS.lenzburgMain },
    { municipality: 'zofingen', vendor: 'vemag', resident: SEEDED_RESIDENTS.zofingenMain },
  ])('when a resident of $municipality ($vendor) orders a certificate, then it is issued', async ({ municipality, vendor, resident }) => {
    const simulator = inject('simulatorUrls')[vendor];
    const before = await simulatorCalls(simulator);
    const token = await citizenToken(`citizen-${municipality}-vendor`);
    const created = await submit(token, municipality, resident);
    await payCase(token, created.id);
    const done = await caseWhen(token, created.id, 'the certificate', finished);
    expect(done.outcome).toBe('issued');
    expect(done.documents).toHaveLength(1);
    // The municipality's own vendor answered, no other.
    const after = await simulatorCalls(simulator);
    expect((after.findResident ?? 0) - (before.findResident ?? 0)).toBeGreaterThanOrEqual(1);
    expect((after.getResidence ?? 0) - (before.getResidence ?? 0)).toBeGreaterThanOrEqual(1);
  });
});

async function simulatorCalls(simulator: string | undefined): Promise<Record<string, number>> {
  const response = await fetch(`${simulator}/__sim/calls`);
  return ((await response.json()) as { byOperation: Record<string, number> }).byOperation;
}

function setFaults(simulator: string | undefined, faults: object) {
  return fetch(`${simulator}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
}

describe('a back office that does not answer', () => {
  it('when the back office times out, then the job is retried, an incident shows "delayed", and the case continues on its own once it is back', async () => {
    const simulator = inject('simulatorUrls').hurlimann;
    const callsBefore = (await simulatorCalls(simulator)).findResident ?? 0;
    await setFaults(simulator, { mode: 'timeout', delayMs: 5000, municipality: 4021 });
    try {
      const token = await citizenToken('citizen-juerg');
      const created = await submit(token, 'baden', SEEDED_RESIDENTS.badenMain);

      const delayed = await caseWhen(token, created.id, 'the delayed phase', (c) => c.delayed === true);
      expect(delayed.phaseLabel).toBe('Verzögert');
      expect(delayed.state).toBe('in-progress');
      const callsAfter = (await simulatorCalls(simulator)).findResident ?? 0;
      expect(callsAfter - callsBefore).toBeGreaterThanOrEqual(3);

      // The operator sees what failed, without personal data.
      const incident = await db('incidents as i').join('cases as c', 'c.process_instance_key', 'i.process_instance_key')
        .where('c.id', created.id).first('i.element_id', 'i.error_message');
      expect(incident.element_id).toBe('find-resident');
      expect(incident.error_message).toMatch(/^BackOfficeUnavailableError: Hürlimann findResident/);
      expect(incident.error_message).not.toContain(SEEDED_RESIDENTS.badenMain.lastName);

      // The back office comes back; nobody touches the case but the citizen, who pays.
      await setFaults(simulator, { mode: 'none' });
      await payCase(token, created.id);
      const done = await caseWhen(token, created.id, 'the case to finish on its own', finished);
      expect(done.delayed).toBe(false);
      expect(done.outcome).toBe('issued');
    } finally {
      await setFaults(simulator, { mode: 'none' });
    }
  });

  it('when the back office answers something unreadable, then the incident waits for an operator', async () => {
    const simulator = inject('simulatorUrls').talus;
    await setFaults(simulator, { mode: 'wrongShape', municipality: 4095 });
    try {
      const token = await citizenToken('citizen-chiara');
      const created = await submit(token, 'brugg', SEEDED_RESIDENTS.bruggMain);
      await caseWhen(token, created.id, 'the delayed phase', (c) => c.delayed === true);
      const incident = await db('incidents as i').join('cases as c', 'c.process_instance_key', 'i.process_instance_key')
        .where('c.id', created.id).first('i.error_message', 'i.incident_key');
      expect(incident.error_message).toMatch(/^BackOfficeProtocolError: Talus findResident/);
      // Longer than the outage recovery waits (4 s in these tests): still open.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const still = await db('incidents').where({ incident_key: incident.incident_key }).first('resolved_at');
      expect(still.resolved_at).toBeNull();
    } finally {
      await setFaults(simulator, { mode: 'none' });
    }
  });
});
