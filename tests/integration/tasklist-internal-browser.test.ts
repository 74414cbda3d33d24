/**
 * The tasklist's internal tasks, dates and questions to the citizen in a real browser (Debian's
 * chromium, driven by playwright-core): a clerk writes down an internal task for a case and dates
 * it, a colleague takes it over and reports it done; a review asks the citizen a question, the
 * citizen answers through the API, and the next review shows the answer; on a tablet, in portrait
 * and landscape, the list and the task view neither scroll sideways nor offer targets smaller than
 * a finger. axe-core finds no serious or critical accessibility violation on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAccessibility, horizontalOverflow, launchBrowser, staffPage, screenshot, smallTouchTargets, takeContentPolicyViolations,
} from './support/browser.ts';
import { callApi, eventually } from './support/http.ts';
import { orderForReview } from './support/orders.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const portrait = { width: 768, height: 1024 };
const landscape = { width: 1024, height: 768 };
// form-js's "powered by bpmn.io" link stays as its licence asks.
const vendorLinks = ['.fjs-powered-by'];

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

/** A day in Swiss time as a date input takes it, `offset` days from today. */
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date(Date.now() + offset * 24 * 3600 * 1000));

/** Opens the open tasks of the clerk's groups and the first task of a case, waiting for the engine to list it. */
async function openTaskOfCase(page: Page, caseNumber: string, name: string): Promise<void> {
  const back = page.getByRole('link', { name: 'Zurück zur Aufgabenliste' });
  if (await back.count()) await back.click();
  await page.getByRole('link', { name: 'Offene Aufgaben meiner Gruppen' }).click();
  const row = page.getByRole('row', { name: new RegExp(`${name}.*${caseNumber}`) });
  await row.waitFor({ timeout: 20_000 });
  await row.getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** What a tablet must offer: no sideways scrolling, fingers' targets, no serious accessibility violation. */
async function expectTabletReady(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // Nor does the task table scroll sideways inside its region.
  const tables = await page.locator('.table-scroll').evaluateAll((regions) =>
    regions.map((region) => (region as unknown as { scrollWidth: number; clientWidth: number })).map((r) => r.scrollWidth - r.clientWidth));
  expect(tables.filter((overflow) => overflow > 0)).toEqual([]);
  expect(await smallTouchTargets(page, { exclude: vendorLinks })).toEqual([]);
  expect(await checkAccessibility(page)).toEqual([]);
}

describe('internal tasks, dates and questions in the browser', () => {
  it('when a clerk writes down an internal task for a case and dates it, then a colleague takes it over and reports it done', async () => {
    const { caseNumber } = await blockedRecordOrder('citizen-browser-internal');
    // Colleagues are those who have logged in: Lukas first, so that Sandra can choose him.
    const lukas = await clerkPage('lukas.brunner');
    const sandra = await clerkPage('sandra.meier');
    await openTaskOfCase(sandra, caseNumber, 'Antrag prüfen');

    await sandra.getByRole('link', { name: 'Interne Aufgabe zu diesem Vorgang' }).click();
    await sandra.getByRole('heading', { level: 1, name: `Interne Aufgabe zu Fall ${caseNumber}` }).waitFor();
    await expect(sandra.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe('new-task-heading');
    await expect(sandra.getByRole('definition').filter({ hasText: 'Greta Sperrli' }).count()).resolves.toBe(1);
    const assignment = sandra.getByLabel('Zuständig');
    await expect(assignment.locator('option').allTextContents()).resolves.toEqual(expect.arrayContaining(['Ich selbst', 'Einwohnerkontrolle (4001)', 'Lukas Brunner']));
    // On a case, the office serving Aarau can take the task too.
    await expect(assignment.locator('optgroup[label="Zuständiges Amt"] option').allTextContents()).resolves.toEqual(['Betreibungsamt Aarau', 'Regionales Zivilstandsamt Aarau']);

    // The browser's own check, then the server's: each shown at its field.
    await sandra.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await sandra.getByRole('alert').filter({ hasText: 'Titel: Bitte geben Sie einen Titel ein.' }).waitFor();
    await expect(sandra.getByLabel('Titel').getAttribute('aria-invalid')).resolves.toBe('true');
    const title = `Mietvertrag anfordern ${caseNumber}`;
    await sandra.getByLabel('Titel').fill(title);
    await sandra.getByLabel('Beschreibung').fill('Beim Vermieter den Mietvertrag anfordern.\nFrist: eine Woche.');
    await assignment.selectOption({ label: 'Einwohnerkontrolle (4001)' });
    await sandra.getByLabel('Fällig am').fill(day(7));
    await sandra.getByLabel('Wiedervorlage am').fill(day(9));
    await sandra.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await sandra.getByRole('alert').filter({ hasText: 'Wiedervorlage am: Die Wiedervorlage darf nicht nach dem Fälligkeitsdatum liegen.' }).waitFor();
    await expect(sandra.getByLabel('Wiedervorlage am').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(sandra.getByLabel('Titel').getAttribute('aria-invalid')).resolves.toBeNull();
    expect(await checkAccessibility(sandra)).toEqual([]);
    await screenshot(sandra, 'tasklist-new-task');
    await sandra.getByLabel('Wiedervorlage am').fill(day(3));
    await sandra.getByRole('button', { name: 'Aufgabe anlegen' }).click();

    // Back at the review, and the new task in the group's list as soon as the engine lists it.
    await sandra.getByRole('status').filter({ hasText: `Aufgabe «${title}» für Ihre Gruppe angelegt.` }).waitFor();
    await sandra.getByRole('heading', { level: 1, name: 'Antrag prüfen' }).waitFor();
    await openTaskOfCase(sandra, caseNumber, title);
    await sandra.getByText('Angelegt von Sandra Meier am').waitFor();
    await sandra.getByText('Frist: eine Woche.').waitFor();
    await sandra.getByRole('heading', { level: 2, name: `Fall ${caseNumber}` }).waitFor();
    await expect(sandra.getByRole('button', { name: 'Erledigt' }).isHidden()).resolves.toBe(true);
    await expect(sandra.getByRole('heading', { name: 'Formular' }).count()).resolves.toBe(0);

    // Dated into the past: overdue, in the task and in the colleague's list.
    const dates = sandra.getByRole('form', { name: 'Termine' });
    await expect(dates.getByLabel('Fällig am').inputValue()).resolves.toBe(day(7));
    await expect(dates.getByLabel('Wiedervorlage am').inputValue()).resolves.toBe(day(3));
    await dates.getByLabel('Fällig am').fill(day(-1));
    await dates.getByRole('button', { name: 'Termine speichern' }).click();
    await sandra.getByRole('alert').filter({ hasText: 'Wiedervorlage am: Die Wiedervorlage darf nicht nach dem Fälligkeitsdatum liegen.' }).waitFor();
    await dates.getByLabel('Wiedervorlage am').fill(day(-2));
    await dates.getByRole('button', { name: 'Termine speichern' }).click();
    await sandra.getByRole('status').filter({ hasText: 'Die Termine sind gespeichert.' }).waitFor();
    // A day means the end of that day in Swiss time for a due date, its start for a follow-up.
    const [year, month, date] = day(-1).split('-');
    await sandra.locator('.task-meta').filter({ hasText: `fällig am ${date}.${month}.${year}, 23:59 überfällig` }).waitFor();
    expect(await checkAccessibility(sandra)).toEqual([]);
    await screenshot(sandra, 'tasklist-internal-task');
    await sandra.context().close();

    await openTaskOfCase(lukas, caseNumber, title);
    await lukas.getByRole('button', { name: 'Übernehmen' }).click();
    await lukas.getByRole('status').filter({ hasText: 'Sie haben die Aufgabe übernommen.' }).waitFor();
    await lukas.getByRole('button', { name: 'Erledigt' }).click();
    await lukas.getByRole('status').filter({ hasText: `Aufgabe «${title}» erledigt.` }).waitFor();
    await eventually(async () => {
      const { tasks } = await lukas.evaluate(async () => (await fetch('/tasklist/api/tasks?view=mine')).json() as Promise<{ tasks: Body[] }>);
      return tasks.some((task) => task.name === title) ? undefined : true;
    }, 'the internal task to be done');
    await lukas.context().close();
  }, 90_000);

  it('when the review asks the citizen and the citizen answers, then the next review shows the answer (on a tablet in landscape)', async () => {
    const { token, caseId, caseNumber } = await blockedRecordOrder('citizen-browser-question');
    const sandra = await clerkPage('sandra.meier', landscape);
    await openTaskOfCase(sandra, caseNumber, 'Antrag prüfen');
    await sandra.getByRole('button', { name: 'Übernehmen' }).click();
    await sandra.getByLabel('Rückfrage an die antragstellende Person').check();
    await sandra.getByRole('textbox', { name: 'Frage an die antragstellende Person' }).fill('Seit wann wohnen Sie an der Adresse?');
    await expectTabletReady(sandra);
    await sandra.getByRole('button', { name: 'Abschliessen' }).click();
    await sandra.getByRole('status').filter({ hasText: 'Aufgabe «Antrag prüfen» abgeschlossen.' }).waitFor();

    // The question waits a short while in the tests (INFORMATION_ANSWER_WITHIN): answer at once.
    await eventually(async () => ((await callApi<Body>('GET', `/cases/${caseId}`, { token })).body.awaitingAnswer ? true : undefined), 'the question to the citizen');
    expect((await callApi('POST', `/cases/${caseId}/answers`, { token, body: { text: 'Seit dem 1. März 2019.' } })).status).toBe(204);

    await openTaskOfCase(sandra, caseNumber, 'Antrag prüfen');
    const messages = sandra.locator('.case-summary');
    await messages.getByText('Seit wann wohnen Sie an der Adresse?').waitFor();
    await messages.getByText('– Antwort der antragstellenden Person').waitFor();
    await messages.getByText('Seit dem 1. März 2019.').waitFor();
    await expectTabletReady(sandra);
    await screenshot(sandra, 'tasklist-tablet-citizen-answer');
    await sandra.getByRole('button', { name: 'Übernehmen' }).click();
    await sandra.getByLabel('Genehmigen').check();
    await sandra.getByRole('button', { name: 'Abschliessen' }).click();
    await sandra.getByRole('status').filter({ hasText: 'abgeschlossen' }).waitFor();
    await sandra.context().close();
  }, 90_000);

  it('when a clerk on a tablet writes down a task of their own, then list and task fit portrait and landscape, and it is done with one button', async () => {
    const page = await clerkPage('sandra.meier', portrait);
    await page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' }).waitFor();
    await page.getByRole('link', { name: 'Neue Aufgabe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Aufgabe' }).waitFor();
    await expectTabletReady(page);
    const title = `Statistik melden ${Date.now().toString(36)}`;
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Fällig am').fill(day(1));
    await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await page.getByRole('status').filter({ hasText: `Aufgabe «${title}» für Sie angelegt.` }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' }).waitFor();

    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.waitFor({ timeout: 20_000 });
    const text = await row.textContent();
    expect(text).toContain('Intern');
    expect(text).toContain('kein Fall');
    expect(text).toContain('fällig');
    await expectTabletReady(page);
    await screenshot(page, 'tasklist-tablet-list');
    await page.setViewportSize(landscape);
    await expectTabletReady(page);

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Keine Beschreibung.').waitFor();
    // No case: nothing to write to a citizen, no case to add a task to.
    await expect(page.getByLabel('Mitteilung', { exact: true }).isHidden()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Interne Aufgabe zu diesem Vorgang' }).count()).resolves.toBe(0);
    await expectTabletReady(page);
    await page.setViewportSize(portrait);
    await expectTabletReady(page);
    await screenshot(page, 'tasklist-tablet-internal-task');
    await page.getByRole('button', { name: 'Erledigt' }).click();
    await page.getByRole('status').filter({ hasText: `Aufgabe «${title}» erledigt.` }).waitFor();
    await page.context().close();
  }, 90_000);
});
