/**
 * "Gemeinde-Einstellungen" in the tasklist (ADM-3), in a real browser: anna.admin (Aarau, role
 * `municipal-admin`) logs in through the staff directory, sees a service's offering with the
 * settings its package declares, labelled in German, is refused at the fields (by the page for a
 * setting out of bounds, by the server for another municipality's group), changes the fee and
 * reads the change in the history, on a tablet too; a clerk sees no such view. axe-core finds no
 * serious or critical violation. The service is this file's own, offered in Aarau, so that no other
 * test's fee changes under it.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkAccessibility, horizontalOverflow, launchBrowser, screenshot, smallTouchTargets, staffPage, takeContentPolicyViolations } from './support/browser.ts';
import { callApi } from './support/http.ts';
import { staffHeaders, staffSessionCookie } from './support/staff-login.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const suffix = randomUUID().slice(0, 8);
const SERVICE = `browser-probe-${suffix}`;
const SERVICE_NAME = `Ratenzahlung Browsertest ${suffix}`;

let browser: Browser;
let db: Knex;
beforeAll(async () => {
  browser = await launchBrowser();
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
  await db('services').insert({
    id: SERVICE, bpmn_process_id: 'residence-certificate', expected_processing_days: 5, audience: 'personal',
    names: JSON.stringify({ de: SERVICE_NAME, fr: `Paiement échelonné ${suffix}`, it: `Pagamento rateale ${suffix}`, en: `Instalments ${suffix}` }),
    payment_methods: JSON.stringify(['online', 'invoice']),
    settings: JSON.stringify({
      maxInstalments: { type: 'integer', default: 12, minimum: 2, maximum: 24, names: { de: 'Höchstzahl der Raten', fr: 'Nombre maximal de versements', it: 'Numero massimo di rate', en: 'Maximum number of instalments' } },
      reviewAlways: { type: 'boolean', default: false, names: { de: 'Immer prüfen lassen', fr: 'Toujours faire vérifier', it: 'Far sempre verificare', en: 'Always reviewed' } },
    }),
  });
  await db('municipality_services').insert({
    municipality_id: 'aarau', service_id: SERVICE, fee_rappen: 3000, payment_account: '4001-4210.07', booking_text: 'Ratenzahlung Aarau',
    candidate_group: '4001-finanzen', invoice_allowed: true, settings: JSON.stringify({ maxInstalments: 6 }),
  });
});
afterAll(async () => {
  await browser?.close();
  await db?.destroy();
});
// The pages run under their strict Content-Security-Policy: nothing they need may be refused.
afterEach(() => {
  expect(takeContentPolicyViolations()).toEqual([]);
});

/** anna.admin's tasklist on "Gemeinde-Einstellungen", reached by the header's link. */
async function settingsPage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await staffPage(browser, 'anna.admin', viewport);
  await page.getByRole('link', { name: 'Gemeinde-Einstellungen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gemeinde-Einstellungen' }).waitFor();
  return page;
}

describe('the municipality\'s settings in the tasklist', () => {
  it('when anna.admin changes a fee, then she is refused at the fields first and then reads her change in the history', async () => {
    const page = await settingsPage();
    const offering = page.getByRole('region', { name: SERVICE_NAME });
    await offering.getByLabel('Gebühr (CHF)').waitFor();
    await expect(offering.getByLabel('Gebühr (CHF)').inputValue()).resolves.toBe('30.00');
    await expect(offering.getByLabel('Buchungstext').inputValue()).resolves.toBe('Ratenzahlung Aarau');
    await expect(offering.getByLabel('Bezahlung auf Rechnung erlaubt').isChecked()).resolves.toBe(true);
    // The package's settings, labelled in German from its declaration: the municipality's value, or empty for the default.
    await expect(offering.getByLabel('Höchstzahl der Raten').inputValue()).resolves.toBe('6');
    await expect(offering.getByLabel('Immer prüfen lassen').inputValue()).resolves.toBe('');
    await expect(offering.getByText('Leer lassen für den Standard: 12. Erlaubt: 2 bis 24.').count()).resolves.toBe(1);
    await expect(page.getByText('eingerichtet (Instanz gemeinde-aarau)').count()).resolves.toBe(1);
    expect(await checkAccessibility(page)).toEqual([]);

    // Out of the package's bounds: refused by the page at its field, nothing sent.
    await offering.getByLabel('Höchstzahl der Raten').fill('30');
    await offering.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('alert').filter({ hasText: `«${SERVICE_NAME}» wurde nicht gespeichert` }).waitFor();
    await expect(offering.locator(`#offering-${SERVICE}-setting-maxInstalments-error`).textContent()).resolves.toBe('Der Wert darf höchstens 24 betragen.');

    // Another municipality's group: refused by the server, shown at its field in German.
    await offering.getByLabel('Höchstzahl der Raten').fill('9');
    await offering.getByLabel('Zuständige Gruppe').fill('4021-einwohnerkontrolle');
    await offering.getByRole('button', { name: 'Speichern' }).click();
    await offering.locator(`#offering-${SERVICE}-group-error`).filter({ hasText: 'Diese Gruppe gehört nicht zu Ihrer Gemeinde.' }).waitFor();
    await expect(offering.locator(`#offering-${SERVICE}-setting-maxInstalments-error`).isHidden()).resolves.toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);

    await offering.getByLabel('Zuständige Gruppe').fill('4001-finanzen');
    await offering.getByLabel('Gebühr (CHF)').fill('45.50');
    await offering.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').filter({ hasText: `«${SERVICE_NAME}» ist gespeichert.` }).waitFor();
    const change = page.getByRole('row', { name: new RegExp(`Dienst «${SERVICE_NAME}»`) });
    await change.waitFor();
    const changeText = await change.textContent();
    expect(changeText).toContain('Anna Admin');
    expect(changeText).toMatch(/CHF\s30\.00.*Höchstzahl der Raten: 6.*CHF\s45\.50.*Höchstzahl der Raten: 9/);
    await expect(offering.getByText(/\/dienste\/browser-probe-[0-9a-f]+\?gemeinde=aarau/).count()).resolves.toBe(1);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'tasklist-municipal-settings');

    // What the page saved is what the API has.
    const { body } = await callApi<Body>('GET', '/administration/municipalities/aarau/configuration', { headers: staffHeaders(await staffSessionCookie('anna.admin')) });
    const saved = (body.offerings as Body[]).find((o) => o.serviceId === SERVICE);
    expect(saved).toMatchObject({ feeRappen: 4550, candidateGroup: '4001-finanzen', invoiceAllowed: true });
    expect(saved?.settings.map((s: Body) => [s.name, s.value])).toEqual([['maxInstalments', 9], ['reviewAlways', null]]);
    await page.context().close();
  }, 90_000);

  it('when anna.admin opens the settings on a tablet, then nothing scrolls sideways and every control is large enough for a finger', async () => {
    const page = await settingsPage({ width: 768, height: 1024 });
    await page.getByRole('region', { name: SERVICE_NAME }).getByLabel('Gebühr (CHF)').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await smallTouchTargets(page)).toEqual([]);
    await screenshot(page, 'tasklist-tablet-municipal-settings');
    await page.context().close();
  }, 60_000);

  it('when a clerk logs in, then there is no "Gemeinde-Einstellungen", and its address shows nothing of the configuration', async () => {
    const page = await staffPage(browser, 'sandra.meier');
    await page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' }).waitFor();
    await expect(page.getByRole('link', { name: 'Gemeinde-Einstellungen' }).count()).resolves.toBe(0);

    await page.goto(new URL('/tasklist/?gemeinde-einstellungen', page.url()).href);
    await page.getByText('Diese Ansicht ist der Administration Ihrer Gemeinde vorbehalten.').waitFor();
    await expect(page.getByRole('button', { name: 'Speichern' }).count()).resolves.toBe(0);
    await expect(page.getByText(SERVICE_NAME).count()).resolves.toBe(0);
    // The API refuses her with the same session the page has, naming the missing role.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/administration/municipalities/aarau/configuration');
      return { status: response.status, body: await response.json() as { type: string } };
    });
    expect(refused).toMatchObject({ status: 403, body: { type: 'urn:gemeindeportal:problem:municipal-admin-role-required' } });
    expect(await checkAccessibility(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
