/**
 * ADM-4 in the tasklist, in a real browser: the residents office of Baden sees what the register
 * keeps beside what the citizen asks for, approves, and the register holds the change.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { checkAccessibility, launchBrowser, screenshot, staffPage, takeContentPolicyViolations } from './support/browser.ts';
import { activatedAccount, logIn } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const { badenMain } = SEEDED_RESIDENTS;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
// The pages run under their strict Content-Security-Policy: nothing they need may be refused.
afterEach(() => {
  expect(takeContentPolicyViolations()).toEqual([]);
});

async function badenRegister(): Promise<Body> {
  const url = new URL('/__sim/contact-data', inject('simulatorUrls').hurlimann);
  url.searchParams.set('bfs', '4021');
  url.searchParams.set('residentId', badenMain.id);
  return (await fetch(url)).json() as Promise<Body>;
}

describe('a change of contact data in the tasklist', () => {
  it('when the clerk compares register and request and approves, then the register holds the new e-mail address', async () => {
    const email = await activatedAccount({ firstName: badenMain.firstName, lastName: badenMain.lastName, email: `juerg.${randomUUID().slice(0, 8)}@buerger.example` });
    const token = await logIn(email);
    const filed = await callApi<Body>('POST', '/applications', {
      token,
      body: {
        serviceId: 'contact-data-change', municipalityId: 'baden', language: 'de',
        data: { applicant: { dateOfBirth: badenMain.dateOfBirth }, request: { fields: ['email'], changes: { email: 'juerg.muesterli@example.ch' } } },
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const caseNumber = (filed.body.id as string).slice(0, 8).toUpperCase();
    const registered = await badenRegister();

    const page = await staffPage(browser, 'beat.keller');
    await page.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
    const row = page.getByRole('row', { name: new RegExp(caseNumber) });
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Änderung der Kontaktdaten prüfen' }).waitFor();
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sie haben die Aufgabe übernommen.' }).waitFor();

    const form = page.locator('.fjs-container');
    await form.getByText('Identität mit AGOV / E-ID bestätigt: nein').waitFor();
    expect(registered.phone).toBe('+41562221133');
    await expect(form.textContent()).resolves.toContain('Telefon im Register: +41 56 222 11 33');
    await expect(form.textContent()).resolves.toContain('Telefon neu: unverändert');
    await expect(form.textContent()).resolves.toContain('E-Mail neu: juerg.muesterli@example.ch');
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'tasklist-contact-data-change');

    await page.getByLabel('Genehmigen und ins Register übernehmen').check();
    await page.getByRole('button', { name: 'Abschliessen' }).click();
    await page.getByRole('status').filter({ hasText: 'abgeschlossen' }).waitFor();
    await page.context().close();

    const done = await eventually(async () => {
      const { body } = await callApi<Body>('GET', `/cases/${filed.body.id}`, { token });
      return body.state === 'completed' ? body : undefined;
    }, 'the case to finish');
    expect(done.outcome).toBe('changed');
    expect(await badenRegister()).toEqual({ phone: registered.phone, email: 'juerg.muesterli@example.ch' });
  }, 90_000);
});
