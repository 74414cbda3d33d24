/**
 * Payments end to end (PAY-1 to PAY-4): the real engine and workers, the API over HTTP, the
 * Payrexx simulator with its payment page and webhooks, invoices with their QR-bill, the bank's
 * camt.054, and the finance department's report.
 */
import knex, { type Knex } from 'knex';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS, type SeededResident } from '../../simulators/back-office/seed.ts';
import { scanQrCode } from '../support/qr-bill-scan.ts';
import { camt054 } from './support/camt054.ts';
import { callApi, eventually } from './support/http.ts';
import { citizenToken } from './support/citizens.ts';
import { caseAwaitingPayment, payOnPaymentPage, setWebhookMode } from './support/payments.ts';
import { staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
const { aarauMain, badenMain } = SEEDED_RESIDENTS;
const AARAU_ACCOUNT = 'CH4431999123000889012';
const BADEN_ACCOUNT = 'CH9300762011623852957';

let db: Knex;
// The finance department logs in like every clerk: franz.finanz is Aarau's finance clerk (role `finance`).
let finance: Record<string, string>;
beforeAll(async () => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  finance = staffHeaders(await staffSessionCookie('franz.finanz'));
});
afterAll(() => db.destroy());
afterEach(() => setWebhookMode('normal'));

async function order(citizen: string, municipalityId: string, resident: SeededResident, paymentMethod: 'online' | 'invoice' = 'online') {
  const token = await citizenToken(citizen);
  const response = await callApi<Body>('POST', '/applications', {
    token,
    body: {
      serviceId: 'residence-certificate', municipalityId, language: 'de', paymentMethod,
      applicant: { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { token, caseId: response.body.id as string };
}

const caseOf = async (token: string, caseId: string) => (await callApi<Body>('GET', `/cases/${caseId}`, { token })).body;
const finished = (token: string, caseId: string) =>
  eventually(async () => {
    const body = await caseOf(token, caseId);
    return body.state === 'completed' ? body : undefined;
  }, 'the case to finish');

async function paymentEvents(caseId: string): Promise<string[]> {
  const rows = await db('payment_events as e').join('payments as p', 'p.id', 'e.payment_id').where('p.case_id', caseId).orderBy('e.id').select('e.kind');
  return rows.map((row) => row.kind);
}

describe('online payment with Payrexx', () => {
  it.each(['twint', 'post-finance-card', 'post-finance-e-finance', 'visa', 'mastercard'])(
    'when the citizen pays with %s on the payment page, then the certificate is issued and the payment records the method',
    async (method) => {
      const { token, caseId } = await order(`citizen-pays-${method}`, 'aarau', aarauMain);
      const awaiting = await caseAwaitingPayment(token, caseId);
      // The phase comes through the engine's records, a moment after the payment is requested.
      await eventually(async () => ((await caseOf(token, caseId)).phaseLabel === 'Zahlung' ? true : undefined), 'the payment phase');
      expect(awaiting.payment).toMatchObject({ method: 'online', status: 'open', amountRappen: 2000 });
      const back = await payOnPaymentPage(awaiting.payment.paymentUrl, method);
      expect(back).toMatch(/\/payments\/return\?case=.*&result=success$/);

      const done = await finished(token, caseId);
      expect(done.outcome).toBe('issued');
      expect(done.payment).toMatchObject({ status: 'paid', paidWith: method, paymentUrl: null });
    },
  );

  it('when the first attempt is declined, then the order keeps waiting, and a second attempt pays it', async () => {
    const { token, caseId } = await order('citizen-declined', 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    expect(await payOnPaymentPage(payment.paymentUrl, 'visa', 'decline')).toMatch(/result=failed$/);
    await eventually(async () => ((await paymentEvents(caseId)).includes('declined') ? true : undefined), 'the declined attempt');
    expect((await caseOf(token, caseId)).payment.status).toBe('open');

    await payOnPaymentPage(payment.paymentUrl, 'mastercard');
    const done = await finished(token, caseId);
    expect(done.payment).toMatchObject({ status: 'paid', paidWith: 'mastercard' });
    expect(await paymentEvents(caseId)).toEqual(['declined', 'confirmed']);
  });

  it('when the citizen cancels on the payment page, then the order keeps waiting for payment', async () => {
    const { token, caseId } = await order('citizen-cancels', 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    expect(await payOnPaymentPage(payment.paymentUrl, 'twint', 'cancel')).toMatch(/result=cancelled$/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const still = await caseOf(token, caseId);
    expect(still.state).toBe('in-progress');
    expect(still.payment.status).toBe('open');
    await payOnPaymentPage(payment.paymentUrl, 'twint');
    expect((await finished(token, caseId)).outcome).toBe('issued');
  });

  it.each([
    { mode: 'twice' as const, what: 'the same webhook twice' },
    { mode: 'outOfOrder' as const, what: 'a stale webhook after the final one' },
    { mode: 'late' as const, what: 'the webhook late' },
  ])('when Payrexx sends $what, then the payment is taken once and the case issued once', async ({ mode }) => {
    await setWebhookMode(mode, mode === 'late' ? 1_500 : undefined);
    const { token, caseId } = await order(`citizen-webhook-${mode}`, 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    await payOnPaymentPage(payment.paymentUrl, 'twint');
    const done = await finished(token, caseId);
    expect(done.outcome).toBe('issued');
    expect(done.documents).toHaveLength(1);
    expect((await paymentEvents(caseId)).filter((kind) => kind === 'confirmed')).toHaveLength(1);
    expect(done.messages.filter((m: Body) => m.template === 'certificate-issued')).toHaveLength(1);
  });

  it('when no webhook ever arrives, then the reconciliation finds the payment and the case goes on', async () => {
    await setWebhookMode('none');
    const { token, caseId } = await order('citizen-no-webhook', 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    await payOnPaymentPage(payment.paymentUrl, 'post-finance-card');
    const done = await finished(token, caseId);
    expect(done.payment).toMatchObject({ status: 'paid', paidWith: 'post-finance-card' });
    const sources = await db('payment_events as e').join('payments as p', 'p.id', 'e.payment_id').where('p.case_id', caseId).pluck('e.source');
    expect(sources).toEqual(['reconciliation']);
  });

  it('when someone forges webhooks, then they are answered like any other and change nothing', async () => {
    const { token, caseId } = await order('citizen-forged', 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    // A declined attempt gives a real transaction id to forge with.
    await payOnPaymentPage(payment.paymentUrl, 'visa', 'decline');
    const declined = await eventually(async () => {
      const row = await db('payment_events as e').join('payments as p', 'p.id', 'e.payment_id').where({ 'p.case_id': caseId, 'e.kind': 'declined' }).first('e.dedup_key');
      return row?.dedup_key as string | undefined;
    }, 'the declined attempt');
    const transactionId = declined.split(':')[1];
    const forge = (municipality: string, body: unknown) =>
      fetch(`${inject('apiUrl')}/webhooks/payrexx/${municipality}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // The body claims "confirmed" for the declined transaction; Payrexx's API says otherwise.
    expect((await forge('aarau', { transaction: { id: Number(transactionId), status: 'confirmed', amount: 2000 } })).status).toBe(200);
    // A transaction Payrexx does not know, and one of Aarau's sent to Baden's URL.
    expect((await forge('aarau', { transaction: { id: 99_999_999, status: 'confirmed' } })).status).toBe(200);
    expect((await forge('baden', { transaction: { id: Number(transactionId), status: 'confirmed' } })).status).toBe(200);
    // Form-encoded as Payrexx can send it; and no id at all.
    const form = await fetch(`${inject('apiUrl')}/webhooks/payrexx/aarau`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `transaction[id]=${transactionId}&transaction[status]=confirmed`,
    });
    expect(form.status).toBe(200);
    const missing = await forge('aarau', { transaction: { status: 'confirmed' } });
    expect(missing.status).toBe(400);
    expect((await missing.json() as Body).errors[0].pointer).toBe('/body/transaction/id');

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await caseOf(token, caseId);
    expect(after.payment.status).toBe('open');
    expect(after.state).toBe('in-progress');
    expect(await paymentEvents(caseId)).toEqual(['declined']);
  });

  it('when nobody pays, then the citizen is reminded and the order is cancelled, and the page is withdrawn', async () => {
    const { token, caseId } = await order('citizen-never-pays', 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    const done = await finished(token, caseId);
    expect(done.outcome).toBe('cancelled');
    expect(done.phaseLabel).toBe('Storniert');
    expect(done.messages.map((m: Body) => m.template)).toEqual(['payment-reminder', 'order-cancelled']);
    expect(done.payment).toMatchObject({ status: 'cancelled', paymentUrl: null });
    expect(done.documents).toEqual([]);
    expect((await fetch(payment.paymentUrl)).status).toBe(410);
  }, 60_000);
});

describe('invoices with a Swiss QR-bill', () => {
  async function orderByInvoice(citizen: string, municipalityId: string, resident: SeededResident) {
    const placed = await order(citizen, municipalityId, resident, 'invoice');
    const awaiting = await caseAwaitingPayment(placed.token, placed.caseId);
    expect(awaiting.payment).toMatchObject({ method: 'invoice', status: 'open', paymentUrl: null });
    // The document is filed a moment before the invoice row that refers to it.
    const invoice: Body = await eventually(() => db('invoices as i').join('payments as p', 'p.id', 'i.payment_id').where('p.case_id', placed.caseId).first('i.*'), 'the invoice');
    return { ...placed, awaiting, invoice };
  }

  it.each([
    { municipality: 'aarau', resident: aarauMain, account: AARAU_ACCOUNT, type: 'QRR', amount: '20.00' },
    { municipality: 'baden', resident: badenMain, account: BADEN_ACCOUNT, type: 'SCOR', amount: '25.00' },
  ])('when $municipality invoices, then the citizen gets a PDF whose QR-bill reads back its account, amount and $type reference', async ({ municipality, resident, account, type, amount }) => {
    const { token, awaiting, invoice } = await orderByInvoice(`citizen-invoice-${municipality}`, municipality, resident);
    const document = awaiting.documents.find((d: Body) => d.kind === 'invoice');
    const pdf = await callApi<Buffer>('GET', document.href, { token });
    expect(pdf.status).toBe(200);
    const lines = (await scanQrCode(pdf.body))?.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual(['SPC', '0200', '1', account]);
    expect(lines[4]).toBe('S');
    expect(lines.slice(18, 20)).toEqual([amount, 'CHF']);
    expect(lines[20]).toBe('S');
    expect(lines.slice(27, 29)).toEqual([type, invoice.reference]);
    expect(invoice.reference_type).toBe(type);
  }, 60_000);

  it('when the bank reports the credit in camt.054, then the invoice is settled once, the case goes on, and unmatched credits are listed', async () => {
    const { token, caseId, invoice } = await orderByInvoice('citizen-invoice-bank', 'aarau', aarauMain);
    const statement = camt054(AARAU_ACCOUNT, [
      { bankReference: `BANK-${caseId}-1`, amountRappen: 2000, reference: { type: 'QRR', value: invoice.reference } },
      { bankReference: `BANK-${caseId}-2`, amountRappen: 4500, reference: null },
    ]);
    const post = (body: string) => fetch(`${inject('apiUrl')}/finance/municipalities/aarau/bank-statements`, {
      method: 'POST', headers: { ...finance, 'content-type': 'application/xml' }, body,
    });
    const first = await post(statement);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ imported: 2, settled: 1, unmatched: 1, alreadyImported: 0, unsupported: 0 });
    const again = await post(statement);
    expect(await again.json()).toEqual({ imported: 0, settled: 0, unmatched: 0, alreadyImported: 2, unsupported: 0 });

    const done = await finished(token, caseId);
    expect(done.outcome).toBe('issued');
    expect(done.payment).toMatchObject({ status: 'paid', paidWith: 'bank-transfer' });
    const unmatched = await callApi<Body>('GET', '/finance/municipalities/aarau/unmatched-credits', { headers: finance });
    expect(unmatched.body.credits).toEqual(expect.arrayContaining([expect.objectContaining({ bankReference: `BANK-${caseId}-2/1`, amountRappen: 4500, creditorReference: null })]));

    const broken = await post('<Document><nothing/></Document>');
    expect(broken.status).toBe(400);
    expect((await broken.json() as Body).errors[0].pointer).toBe('/body');
  });

  it('when a finance clerk marks an invoice paid, then the case goes on; another municipality, a clerk without the role and a call without the tasklist\'s marker are refused', async () => {
    const { token, caseId, invoice } = await orderByInvoice('citizen-invoice-counter', 'aarau', aarauMain);
    const open = await callApi<Body>('GET', '/finance/municipalities/aarau/open-invoices', { headers: finance });
    expect(open.body.invoices).toEqual(expect.arrayContaining([expect.objectContaining({ invoiceId: invoice.id, caseId, caseNumber: caseId.slice(0, 8).toUpperCase(), amountRappen: 2000 })]));
    const path = `/finance/municipalities/aarau/invoices/${invoice.id}/settlement`;
    // franz.finanz works for Aarau only.
    const elsewhere = await callApi<Body>('POST', `/finance/municipalities/baden/invoices/${invoice.id}/settlement`, { headers: finance });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.type).toBe('urn:gemeindeportal:problem:municipality-not-yours');
    // A clerk of the residents' office is logged in, but has no finance role.
    const clerk = await callApi<Body>('POST', path, { headers: staffHeaders(await staffSessionCookie('sandra.meier')) });
    expect(clerk.status).toBe(403);
    expect(clerk.body.type).toBe('urn:gemeindeportal:problem:finance-role-required');
    // The session cookie alone, as a cross-site form would send it, changes nothing (CSRF).
    expect((await callApi<Body>('POST', path, { headers: { cookie: finance.cookie ?? '' } })).status).toBe(403);
    // The citizen's session is no staff credential: 401.
    expect((await callApi<Body>('POST', path, { token })).status).toBe(401);
    const settled = await callApi<Body>('POST', path, { headers: finance });
    expect(settled.body).toEqual({ outcome: 'settled' });
    expect((await callApi<Body>('POST', path, { headers: finance })).body).toEqual({ outcome: 'already-settled' });
    expect((await finished(token, caseId)).payment).toMatchObject({ status: 'paid', paidWith: 'marked-paid' });
  });

  it('when a municipality does not offer invoices, then ordering by invoice is refused naming the field', async () => {
    const response = await callApi<Body>('POST', '/applications', {
      token: await citizenToken('citizen-no-invoice'),
      body: {
        serviceId: 'residence-certificate', municipalityId: 'brugg', language: 'de', paymentMethod: 'invoice',
        applicant: { firstName: 'Chiara', lastName: 'Esempio', dateOfBirth: '1990-07-21' },
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer).toBe('/body/paymentMethod');
  });
});

describe("the finance department's report", () => {
  // Swiss days; a window from yesterday to the day after tomorrow holds every payment of this run.
  const swissDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Zurich' });
  const today = swissDay(-1);
  const tomorrow = swissDay(2);

  it('when the report is asked for, then its totals match the payments Payrexx and the bank took', async () => {
    const { token, caseId } = await order('citizen-report', 'aarau', aarauMain);
    const { payment } = await caseAwaitingPayment(token, caseId);
    await payOnPaymentPage(payment.paymentUrl, 'twint');
    await finished(token, caseId);

    const query = `from=${today}&to=${tomorrow}`;
    const json = await callApi<Body>('GET', `/finance/municipalities/aarau/paid-services?${query}&format=json`, { headers: finance });
    expect(json.status).toBe(200);
    const paid = await db('payments').where({ municipality_id: 'aarau' }).whereNotNull('paid_at').select('amount_rappen', 'paid_with', 'transaction_id');
    expect(json.body.rows).toHaveLength(paid.length);
    expect(json.body.totalRappen).toBe(paid.reduce((sum, p) => sum + p.amount_rappen, 0));
    expect(json.body.rows).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, paymentMethod: 'twint', amountRappen: 2000, account: '4001-4260.01' })]));

    // Every online row is a confirmed (or since refunded) transaction at Payrexx with the same amount.
    const transactions = await (await fetch(`${inject('payrexxUrl')}/__sim/transactions`)).json() as { id: number; status: string; amount: number }[];
    for (const row of paid.filter((p) => p.transaction_id)) {
      const transaction = transactions.find((t) => String(t.id) === row.transaction_id);
      expect(['confirmed', 'refunded']).toContain(transaction?.status);
      expect(transaction?.amount).toBe(row.amount_rappen);
    }

    const csv = await callApi<Buffer>('GET', `/finance/municipalities/aarau/paid-services?${query}`, { headers: finance });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Betrag CHF');
    expect(lines).toHaveLength(paid.length + 2);
    const total = lines.at(-1)?.split(';').at(-1);
    expect(total).toBe((json.body.totalRappen / 100).toFixed(2));

    const xlsx = await callApi<Buffer>('GET', `/finance/municipalities/aarau/paid-services?${query}&format=xlsx`, { headers: finance });
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('when someone without the finance role of that municipality asks, then it is refused', async () => {
    const path = `/finance/municipalities/aarau/paid-services?from=${today}`;
    expect((await callApi<Body>('GET', path)).status).toBe(401);
    // A citizen's session is no staff credential at all: not recognised, hence 401 rather than 403.
    expect((await callApi<Body>('GET', path, { token: await citizenToken('citizen-curious') })).status).toBe(401);
    // A staff cookie the portal did not sign is no session either.
    expect((await callApi<Body>('GET', path, { headers: { cookie: 'gp_staff=eyJpZCI6ImZyYW56In0.forged' } })).status).toBe(401);
    // Logged in, but not in the finance department: 403 names the role.
    const clerk = await callApi<Body>('GET', path, { headers: staffHeaders(await staffSessionCookie('sandra.meier')) });
    expect(clerk.status).toBe(403);
    expect(clerk.body).toMatchObject({ type: 'urn:gemeindeportal:problem:finance-role-required', detail: expect.stringContaining('finance') });
    // In the finance department of Aarau, not of Baden: 403 names the municipality.
    const baden = await callApi<Body>('GET', `/finance/municipalities/baden/paid-services?from=${today}`, { headers: finance });
    expect(baden.status).toBe(403);
    expect(baden.body).toMatchObject({ type: 'urn:gemeindeportal:problem:municipality-not-yours', detail: expect.stringContaining('baden') });
    const bad = await callApi<Body>('GET', `/finance/municipalities/aarau/paid-services?from=${today}&to=2020-01-01`, { headers: finance });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/querystring/to');
  });
});
