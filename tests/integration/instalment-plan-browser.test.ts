/**
 * The instalment plan's tasks in the tasklist, in a real browser (Debian's chromium): Aarau's
 * finance clerk reads the request as the package's review form renders it with form-js and
 * approves the plan; and takes over a plan that ended, its instalments' states on the form.
 */
import knex, { type Knex } from 'knex';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createZeebeClient } from '../../core/engine/engine-client.ts';
import { checkAccessibility, launchBrowser, screenshot, staffPage, takeContentPolicyViolations } from './support/browser.ts';
import { callApi, eventually } from './support/http.ts';
import { applyForPlan } from './support/instalment-plans.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let browser: Browser;
let db: Knex;
let zeebe: ReturnType<typeof createZeebeClient>;
beforeAll(async () => {
  browser = await launchBrowser();
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  zeebe = createZeebeClient({ grpcAddress: inject('engineGrpcAddress'), restAddress: inject('engineRestUrl') });
});
afterAll(async () => {
  await browser?.close();
  await zeebe?.close();
  await db?.destroy();
});
afterEach(() => {
  expect(takeContentPolicyViolations()).toEqual([]);
});

describe('the instalment plan\'s review in the browser', () => {
  it('when Aarau\'s finance clerk opens the review, then the form shows the bills and instalments asked for, and approving it agrees the plan', async () => {
    // Twelve instalments are more than Aarau grants without review.
    const { token, caseId } = await applyForPlan(db, zeebe, 'citizen-plan-browser', { itemIds: ['OP-4001-2007'], instalments: 12 });
    const caseNumber = caseId.slice(0, 8).toUpperCase();
    const page = await staffPage(browser, 'franz.finanz');

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

    const agreed = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.instalmentPlan ? body : undefined;
    }, 'the plan agreed');
    expect(agreed.instalmentPlan.instalments).toHaveLength(12);
    await page.context().close();
  }, 90_000);

  it('when a plan ended, then the finance clerk sees each instalment\'s state on the form and records what follows', async () => {
    const { token, caseId } = await applyForPlan(db, zeebe, 'citizen-plan-browser-ended', {
      itemIds: ['OP-4001-2010'], instalments: 2, settings: { firstInstalmentAfterDays: 0, reminderAfter: 'PT0S', reminderGracePeriod: 'PT2S' },
    });
    const page = await staffPage(browser, 'franz.finanz');
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
    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${caseId}`, { token });
      return body.state === 'completed' ? body : undefined;
    }, 'the case to finish');
    expect(done.outcome).toBe('plan-ended');
    await page.context().close();
  }, 90_000);
});
