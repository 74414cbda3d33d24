/**
 * The tasklist in a real browser (Debian's chromium, driven by playwright-core): a citizen
 * submits through the API, a clerk logs in through the OpenID provider, takes over the review,
 * completes its form, and the citizen's case moves on; a clerk of another municipality does not
 * see it. axe-core finds no serious or critical accessibility violation on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { checkAccessibility, launchBrowser, staffPage, screenshot, takeContentPolicyViolations } from './support/browser.ts';
import { callApi, eventually } from './support/http.ts';
import { payCase } from './support/payments.ts';
import { orderForReview, orderInAarau } from './support/orders.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
// The pages run under their strict Content-Security-Policy: nothing they need may be refused.
afterEach(() => {
  expect(takeContentPolicyViolations()).toEqual([]);
});

const clerkPage = (username: string, viewport?: { width: number; height: number }): Promise<Page> => staffPage(browser, username, viewport);
const blockedRecordOrder = orderForReview;

describe('the tasklist in the browser', () => {
  it('when a clerk of Aarau takes over the review and approves it, then the citizen\'s certificate is issued', async () => {
    const { token, caseId } = await blockedRecordOrder('citizen-browser-review');
    const caseNumber = caseId.slice(0, 8).toUpperCase();
    const page = await clerkPage('sandra.meier');

    await page.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
    const row = page.getByRole('row', { name: new RegExp(caseNumber) });
    await row.waitFor({ timeout: 20_000 });
    await expect(row.textContent()).resolves.toContain('Greta Sperrli');
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'tasklist-open-tasks');

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Antrag prüfen' }).waitFor();
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sie haben die Aufgabe übernommen.' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // A message and a decision for the citizen, before deciding.
    await page.getByLabel('Mitteilung').fill('Wir prüfen Ihren Antrag und melden uns.');
    await page.getByRole('button', { name: 'Mitteilung senden' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Mitteilung ist im Fall' }).waitFor();
    await page.getByLabel('Entscheid (PDF)').setInputFiles({ name: 'Entscheid.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByRole('button', { name: 'Entscheid hochladen' }).click();
    await page.getByRole('status').filter({ hasText: 'Entscheid.pdf' }).waitFor();

    // Completing without a decision is refused by the form, before anything reaches the engine.
    await page.getByRole('button', { name: 'Abschliessen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Die Aufgabe wurde nicht abgeschlossen' }).waitFor();
    await page.getByLabel('Genehmigen').check();
    await screenshot(page, 'tasklist-review-task');
    await page.getByRole('button', { name: 'Abschliessen' }).click();
    await page.getByRole('status').filter({ hasText: 'abgeschlossen' }).waitFor();

    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.state === 'completed' ? body : undefined;
    }, 'the case to finish');
    expect(done.outcome).toBe('issued');
    expect(done.messages.map((m: Body) => m.text)).toContain('Wir prüfen Ihren Antrag und melden uns.');
    expect(done.documents.map((d: Body) => d.fileName)).toContain('Entscheid.pdf');
    await page.context().close();
  }, 90_000);

  it('when a clerk of Baden looks, then the Aarau review is neither listed nor openable', async () => {
    const { caseId } = await blockedRecordOrder('citizen-browser-foreign');
    const aarau = await clerkPage('sandra.meier');
    await aarau.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
    const row = aarau.getByRole('row', { name: new RegExp(caseId.slice(0, 8).toUpperCase()) });
    await row.waitFor({ timeout: 20_000 });
    const href = await row.getByRole('link').first().getAttribute('href');
    await aarau.context().close();

    const baden = await clerkPage('beat.keller', { width: 768, height: 1024 });
    await baden.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
    await baden.getByRole('table').waitFor();
    await expect(baden.getByRole('row', { name: new RegExp(caseId.slice(0, 8).toUpperCase()) }).count()).resolves.toBe(0);
    await baden.goto(new URL(href ?? '/tasklist/', inject('apiUrl')).href);
    await baden.getByRole('heading', { level: 1, name: 'Aufgabe nicht gefunden' }).waitFor();
    await expect(baden.getByRole('button', { name: 'Übernehmen' }).count()).resolves.toBe(0);
    expect(await checkAccessibility(baden)).toEqual([]);
    await screenshot(baden, 'tasklist-tablet-other-municipality');
    await baden.context().close();
  }, 90_000);

  it('when an operator retries an incident after the back office is fixed, then the citizen\'s "Verzögert" clears and the case goes on', async () => {
    const dialog = inject('simulatorUrls').dialog;
    const setFaults = (faults: object) => fetch(`${dialog}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    await setFaults({ mode: 'wrongShape', municipality: 4001 });
    try {
      const { token, caseId } = await orderInAarau('citizen-browser-incident', SEEDED_RESIDENTS.aarauMain);
      await eventually(async () => ((await callApi<Body>('GET', `/cases/${caseId}`, { token })).body.delayed ? true : undefined), 'the delayed phase');

      // Clerks have no business with incidents.
      const clerk = await clerkPage('sandra.meier');
      const refused = await clerk.evaluate(async () => (await fetch('/tasklist/api/incidents')).status);
      expect(refused).toBe(403);
      await clerk.context().close();

      const operator = await clerkPage('olivia.betrieb');
      await operator.getByRole('link', { name: 'Störungen' }).click();
      const caseNumber = caseId.slice(0, 8).toUpperCase();
      const row = operator.getByRole('row', { name: new RegExp(caseNumber) });
      await row.waitFor({ timeout: 20_000 });
      await expect(row.textContent()).resolves.toContain('BackOfficeProtocolError: Dialog findResident');
      expect(await checkAccessibility(operator)).toEqual([]);
      await screenshot(operator, 'tasklist-incidents');

      await setFaults({ mode: 'none' });
      await operator.getByRole('button', { name: `Fall ${caseNumber} erneut versuchen` }).click();
      await operator.getByRole('status').filter({ hasText: 'wird erneut versucht' }).waitFor();
      await operator.context().close();

      const resumed = await eventually(async () => {
        const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
        return !body.delayed && body.payment?.status === 'open' ? body : undefined;
      }, 'the case to go on after the retry');
      expect(resumed.phaseLabel).not.toBe('Verzögert');
      await payCase(token, caseId);
      await eventually(async () => ((await callApi<Body>('GET', `/cases/${caseId}`, { token })).body.outcome === 'issued' ? true : undefined), 'the certificate');
    } finally {
      await setFaults({ mode: 'none' });
    }
  }, 120_000);
});
