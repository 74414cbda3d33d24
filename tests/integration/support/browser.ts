// A real Chromium for end-to-end tests of the web pages, and the checks those tests share.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/** One accessibility finding that blocks or seriously hinders someone (axe's 'serious' and 'critical'). */
export interface AccessibilityViolation {
  id: string;
  impact: 'serious' | 'critical';
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements, with their HTML, for the failure message. */
  nodes: { target: string; html: string }[];
}

const screenshotDirectory = fileURLToPath(new URL('../../.artifacts/screenshots/', import.meta.url));

/** Starts the system's Chromium headless; CHROMIUM_PATH points elsewhere. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The tests run as root in a container, where Chromium's sandbox cannot start.
    args: ['--no-sandbox'],
  });
}

/**
 * A browser for the tests of the describe block (or file) it is called in: started before them,
 * closed after them, and after each test, nothing the pages' Content-Security-Policy refused.
 */
export function browserForTests(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  afterEach(() => {
    expect(takeContentPolicyViolations()).toEqual([]);
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

/** What the pages of this test file were refused by their Content-Security-Policy, as Chromium reported it. */
const contentPolicyViolations: string[] = [];

/**
 * The Content-Security-Policy refusals since the last call (and forgets them). The portal's pages
 * must run under their strict policy: a refused script or style is a page that breaks in use.
 */
export function takeContentPolicyViolations(): string[] {
  return contentPolicyViolations.splice(0);
}

/**
 * A page in a fresh context (own cookies), with a Swiss German locale and time zone as a clerk's
 * browser has them. What its Content-Security-Policy refuses is collected for
 * `takeContentPolicyViolations`.
 */
export async function newPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'de-CH',
    timezoneId: 'Europe/Zurich',
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) contentPolicyViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/**
 * Logs a clerk in as a person would: opens the tasklist, is sent to the identity provider's login
 * page, types the credentials, and waits until the tasklist shows the clerk logged in.
 */
/** A new page in which `username` (a development staff account) has logged in to the tasklist. */
export async function staffPage(browser: Browser, username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, viewport ? { viewport } : {});
  await loginThroughIdentityProvider(page, { baseUrl: inject('apiUrl'), username, password: inject('staffPasswords')[username] ?? '' });
  return page;
}

export async function loginThroughIdentityProvider(
  page: Page,
  { baseUrl, username, password }: { baseUrl: string; username: string; password: string },
): Promise<void> {
  const tasklistUrl = `${baseUrl.replace(/\/$/, '')}/tasklist/`;
  await page.goto(tasklistUrl);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  try {
    await page.waitForURL((url) => url.href.startsWith(tasklistUrl) && !url.pathname.startsWith('/tasklist/login'));
    // The page greets the clerk by name once the session works.
    await page.locator('#user-name').filter({ hasText: /\S/ }).waitFor();
  } catch (error) {
    // A refused login stays on the provider's page: say what it says instead of only "timeout".
    const alerts = await page.getByRole('alert').allInnerTexts().catch(() => []);
    const said = alerts.map((text) => text.trim()).filter(Boolean).join(' ');
    throw new Error(`login as ${username} did not reach the tasklist (at ${page.url()})${said ? `: ${said}` : ''}`, { cause: error });
  }
}

/** A new page in which `username` has logged in to the process modeller as a person does: sent to the identity provider's page, which returns to it. */
export async function modelerPage(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  const baseUrl = inject('apiUrl').replace(/\/$/, '');
  await page.goto(`${baseUrl}/modeler/`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(inject('staffPasswords')[username] ?? '');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${baseUrl}/modeler/`);
  await page.locator('#user-name').filter({ hasText: /\S/ }).waitFor();
  return page;
}

/** Runs axe-core on the page as it is now and returns the serious and critical violations. */
export async function checkAccessibility(page: Page, options: { exclude?: string[] } = {}): Promise<AccessibilityViolation[]> {
  // Evaluated rather than added as a script tag, so that a strict Content-Security-Policy does not block it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (exclude) => {
    const result = await (globalThis as unknown as { axe: typeof axe }).axe.run(
      { include: [['html']], exclude: exclude.map((selector) => [selector]) },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), html: node.html })),
    }));
  }, options.exclude ?? []);
  return violations.filter((v): v is AccessibilityViolation => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot as tests/.artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDirectory, { recursive: true });
  const path = `${screenshotDirectory}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The little of the DOM that the in-page checks below use; the tests' TypeScript has no DOM library. */
interface PageElement {
  tagName: string;
  id: string;
  type?: string;
  textContent: string | null;
  labels?: ArrayLike<PageElement> | null;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number; bottom: number };
}
interface PageWindow {
  document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(selector: string): Iterable<PageElement> };
  getComputedStyle(element: PageElement): { visibility: string };
}

/** How many CSS pixels the page is wider than its viewport: more than 0 means it scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as PageWindow).document;
    return documentElement.scrollWidth - documentElement.clientWidth;
  });
}

/**
 * The visible controls smaller than a finger's 44 × 44 CSS pixels (WCAG 2.5.5), described for the
 * failure message. A radio button or checkbox counts by its label, which takes the touch as well.
 * `exclude` names containers not to check (CSS selectors).
 */
export function smallTouchTargets(page: Page, options: { exclude?: string[] } = {}): Promise<string[]> {
  return page.evaluate((exclude) => {
    const window = globalThis as unknown as PageWindow;
    const small: string[] = [];
    for (const control of window.document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
      if (exclude.some((selector) => control.closest(selector))) continue;
      const choice = control.tagName === 'INPUT' && (control.type === 'radio' || control.type === 'checkbox');
      const target = choice ? (control.closest('label') ?? control.labels?.[0] ?? control) : control;
      const box = target.getBoundingClientRect();
      // Hidden, visually hidden, or off screen until focused (the skip link).
      if (box.width <= 1 || box.height <= 1 || box.bottom < 0 || window.getComputedStyle(target).visibility === 'hidden') continue;
      if (box.width < 44 || box.height < 44) {
        const name = (target.textContent || control.getAttribute('aria-label') || control.id).trim().slice(0, 40);
        small.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, options.exclude ?? []);
}
