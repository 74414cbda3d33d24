/**
 * The finance department in the tasklist (PAY-2, PAY-4), in a real browser: franz.finanz (Aarau,
 * role `finance`) logs in through the staff directory like every clerk, downloads the paid
 * services of a period as CSV and XLSX, reads in the bank's camt.054 and sees what it settled and
 * what it left, on a tablet too; a clerk without the role sees no "Finanzen". axe-core finds no
 * serious or critical violation on the way.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { checkAccessibility, horizontalOverflow, launchBrowser, screenshot, smallTouchTargets, staffPage, takeContentPolicyViolations } from './support/browser.ts';
import { camt054 } from './support/camt054.ts';
import { citizenToken } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';
import { orderInAarau } from './support/orders.ts';
import { caseAwaitingPayment, payCase } from './support/payments.ts';
import { staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
const AARAU_ACCOUNT = 'CH4431999123000889012';
const { aarauMain } = SEEDED_RESIDENTS;

// Swiss days; yesterday to tomorrow holds every payment of this run.
const swissDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Zurich' });
const caseNumberOf = (caseId: string) => caseId.slice(0, 8).toUpperCase();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
// The pages run under their strict Content-Security-Policy: nothing they need may be refused.
afterEach(() => {
  expect(takeContentPolicyViolations()).toEqual([]);
});

/** franz.finanz's tasklist, on the "Finanzen" view as he reaches it: by the header's link. */
async function financePage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await staffPage(browser, 'franz.finanz', viewport);
  await page.getByRole('link', { name: 'Finanzen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Finanzen' }).waitFor();
  return page;
}

async function downloadReport(page: Page, button: string): Promise<{ fileName: string; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), content: await readFile(path) };
}

describe('the finance view of the tasklist', () => {
  it('when franz.finanz chooses a period, then he downloads the paid services with the paid order as CSV and XLSX', async () => {
    const { token, caseId } = await orderInAarau('citizen-finance-browser-report', aarauMain);
    await payCase(token, caseId);
    await eventually(async () => ((await callApi<Body>('GET', `/cases/${caseId}`, { token })).body.payment?.status === 'paid' ? true : undefined), 'the payment');

    const page = await financePage();
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByLabel('Von', { exact: true }).fill(swissDay(-1));
    await page.getByLabel('Bis und mit').fill(swissDay(1));

    const csv = await downloadReport(page, 'CSV herunterladen');
    expect(csv.fileName).toBe(`bezahlte-dienste-aarau-${swissDay(-1)}.csv`);
    const lines = csv.content.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Betrag CHF');
    expect(lines.some((line) => line.includes(caseId) && line.includes('20.00'))).toBe(true);
    await page.getByRole('status').filter({ hasText: `«${csv.fileName}» ist heruntergeladen` }).waitFor();

    const xlsx = await downloadReport(page, 'Excel herunterladen (XLSX)');
    expect(xlsx.fileName).toBe(`bezahlte-dienste-aarau-${swissDay(-1)}.xlsx`);
    expect(xlsx.content.subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, 'tasklist-finance-report');

    // A period that ends before it starts is refused at its field, before anything is asked of the server.
    await page.getByLabel('Bis und mit').fill(swissDay(-3));
    await page.getByRole('button', { name: 'CSV herunterladen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Die Liste wurde nicht erstellt' }).waitFor();
    await expect(page.getByText('Der letzte Tag darf nicht vor dem ersten liegen.').count()).resolves.toBeGreaterThan(0);
    expect(await checkAccessibility(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('when franz.finanz reads in the bank\'s camt.054, then he sees the invoice settled and the unmatched credit, on a tablet too', async () => {
    const token = await citizenToken('citizen-finance-browser-invoice');
    const ordered = await callApi<Body>('POST', '/applications', {
      token,
      body: {
        serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de', paymentMethod: 'invoice',
        applicant: { firstName: aarauMain.firstName, lastName: aarauMain.lastName, dateOfBirth: aarauMain.dateOfBirth },
      },
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    const caseId = ordered.body.id as string;
    await caseAwaitingPayment(token, caseId);
    // The invoice row follows its document a moment later; the finance API says when it is there.
    const finance = staffHeaders(await staffSessionCookie('franz.finanz'));
    const invoice: Body = await eventually(async () => {
      const { body } = await callApi<Body>('GET', '/finance/municipalities/aarau/open-invoices', { headers: finance });
      return (body.invoices as Body[] | undefined)?.find((candidate) => candidate.caseId === caseId);
    }, 'the open invoice');

    const page = await financePage({ width: 768, height: 1024 });
    // Within its own list: a case number of digits only would also match the credits' bank references, which carry the case id.
    const invoiceRow = page.getByRole('region', { name: 'Offene Rechnungen' }).getByRole('row', { name: new RegExp(caseNumberOf(caseId)) });
    await invoiceRow.waitFor();
    await expect(invoiceRow.textContent()).resolves.toContain(invoice.reference);

    // A file that is no camt.054 is refused at its field.
    const fileField = page.getByLabel('Datei der Bank (camt.054, XML)');
    await fileField.setInputFiles({ name: 'notiz.xml', mimeType: 'application/xml', buffer: Buffer.from('<Document><nothing/></Document>') });
    await page.getByRole('button', { name: 'Kontoauszug einlesen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Der Kontoauszug wurde nicht eingelesen' }).waitFor();
    await expect(page.getByText('Die Datei ist keine lesbare camt.054-Meldung.').count()).resolves.toBeGreaterThan(0);

    const statement = camt054(AARAU_ACCOUNT, [
      { bankReference: `BANK-${caseId}-1`, amountRappen: 2000, reference: { type: 'QRR', value: invoice.reference } },
      { bankReference: `BANK-${caseId}-2`, amountRappen: 4500, reference: null },
    ]);
    await fileField.setInputFiles({ name: 'camt054-aarau.xml', mimeType: 'text/xml', buffer: Buffer.from(statement) });
    await page.getByRole('button', { name: 'Kontoauszug einlesen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontoauszug eingelesen: 2 neue Gutschriften, 1 Rechnung beglichen, 1 nicht zugeordnet.' }).waitFor();
    const result = page.locator('.statement-result');
    await expect(result.textContent()).resolves.toMatch(/Rechnungen beglichen\s*1/);

    // The credit without a reference waits for manual handling, marked as new; the invoice is no longer open.
    const credit = page.getByRole('row', { name: new RegExp(`BANK-${caseId}-2/1`) });
    await credit.waitFor();
    await expect(credit.textContent()).resolves.toMatch(/neu.*45\.00/);
    await expect(invoiceRow.count()).resolves.toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await smallTouchTargets(page)).toEqual([]);
    await screenshot(page, 'tasklist-tablet-finance');
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await smallTouchTargets(page)).toEqual([]);

    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.payment?.status === 'paid' ? body : undefined;
    }, 'the invoice to be paid');
    expect(done.payment.paidWith).toBe('bank-transfer');
    await page.context().close();
  }, 90_000);

  it('when a clerk of the residents\' office logs in, then there is no "Finanzen", and its address shows nothing of the finances', async () => {
    const page = await staffPage(browser, 'sandra.meier');
    await page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' }).waitFor();
    await expect(page.getByRole('link', { name: 'Finanzen' }).count()).resolves.toBe(0);

    await page.goto(new URL('/tasklist/?finanzen', page.url()).href);
    await page.getByText('Diese Ansicht ist der Finanzabteilung vorbehalten.').waitFor();
    await expect(page.getByRole('button', { name: 'Kontoauszug einlesen' }).count()).resolves.toBe(0);
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    // The API refuses her with the same session the page has, naming the missing role.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/finance/municipalities/aarau/open-invoices');
      return { status: response.status, body: await response.json() as { type: string } };
    });
    expect(refused).toMatchObject({ status: 403, body: { type: 'urn:gemeindeportal:problem:finance-role-required' } });
    expect(await checkAccessibility(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
