// The headers that keep the portal's pages from being framed, sniffed, injected into or cached,
// on every page it serves and every answer that carries personal data; and the pages work under
// their strict policy in a real browser.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { orderInAarau } from './support/orders.ts';
import { launchBrowser, newPage, takeContentPolicyViolations } from './support/browser.ts';
import { staffSessionCookie } from './support/staff-login.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, inject('apiUrl')), { headers, redirect: 'manual' });

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  return new Map((header ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name ?? '', values]));
}

/**
 * Scripts only from the portal, nothing framed, no plugins; inline styles only where a library
 * needs them (`styles`): the modeller's editors, the API documentation.
 */
function expectStrictPage(response: Response, what: string, styles: Record<string, string[]> = {}): void {
  const policy = directives(response.headers.get('content-security-policy'));
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src-attr'), what).toEqual(["'none'"]);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'none'"]);
  expect(policy.get('style-src'), what).toEqual(styles['style-src'] ?? ["'self'"]);
  expect(policy.get('style-src-attr'), what).toEqual(styles['style-src-attr']);
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe('security headers', () => {
  it('when the HTML pages are served, logged in or not, then each has the strict policy, no framing and no sniffing', async () => {
    const clerk = await staffSessionCookie('mara.modell');
    const caseId = '7b0e7a52-55a8-4b55-9d51-0d4c7b0c2f10';
    const pages: [string, Record<string, string>, Record<string, string[]>?][] = [
      ['/tasklist/', { cookie: clerk }],
      ['/tasklist/', {}],
      ['/modeler/', { cookie: clerk }, { 'style-src': ["'self'", "'unsafe-inline'"] }],
      ['/tasklist/logged-out', {}],
      [`/payments/return?case=${caseId}&result=success`, {}],
      ['/docs/', {}, { 'style-src': ["'self'", "'unsafe-inline'"] }],
      ['/docs/json', {}, { 'style-src': ["'self'", "'unsafe-inline'"] }],
      ['/account', {}],
    ];
    for (const [path, headers, styles] of pages) {
      const response = await get(path, headers);
      expect(response.status, path).toBeLessThan(path === '/account' ? 500 : 400);
      expectStrictPage(response, path, styles);
    }
  });

  it('when answers carry personal data, then none may be stored by a cache; static files keep their own caching', async () => {
    const { token, caseId } = await orderInAarau('Cache');
    const clerk = await staffSessionCookie('sandra.meier');
    const personal: [string, Record<string, string>][] = [
      ['/account', { authorization: `Bearer ${token}` }],
      [`/cases/${caseId}`, { authorization: `Bearer ${token}` }],
      ['/cases', { authorization: `Bearer ${token}` }],
      ['/tasklist/api/me', { cookie: clerk }],
      ['/tasklist/api/tasks?view=unassigned', { cookie: clerk }],
      ['/tasklist/', { cookie: clerk }],
      ['/cases/00000000-0000-4000-8000-000000000000', { authorization: `Bearer ${token}` }],
    ];
    for (const [path, headers] of personal) {
      const response = await get(path, headers);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    const stylesheet = await get('/tasklist/assets/styles.css');
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers.get('cache-control')).not.toBe('no-store');
    expect(stylesheet.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('when the pages without a login open in a browser, then they render and their policy refuses nothing they need', async () => {
    const page = await newPage(browser);
    await page.goto(new URL('/payments/return?case=7b0e7a52-55a8-4b55-9d51-0d4c7b0c2f10&result=cancelled', inject('apiUrl')).href);
    await expect(page.getByRole('heading', { name: 'Zahlung' }).isVisible()).resolves.toBe(true);
    await page.goto(new URL('/tasklist/logged-out', inject('apiUrl')).href);
    await expect(page.getByRole('heading', { name: 'Abgemeldet' }).isVisible()).resolves.toBe(true);
    await page.goto(new URL('/docs/', inject('apiUrl')).href);
    await page.getByText('Gemeindeportal API').first().waitFor();
    await page.getByText('/applications').first().waitFor();
    expect(takeContentPolicyViolations()).toEqual([]);
  });
});
