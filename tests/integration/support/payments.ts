// The citizen's side of paying: the case shows the payment page, the citizen pays on it.
import { expect, inject } from 'vitest';
import { callApi, eventually } from './http.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CaseBody = Record<string, any>;

/** The case as soon as it shows an open payment (an online one with its payment page). */
export async function caseAwaitingPayment(token: string, caseId: string): Promise<CaseBody> {
  return eventually(async () => {
    const { body } = await callApi<CaseBody>('GET', `/cases/${caseId}`, { token });
    // The payment is recorded a moment before its page link or invoice document is.
    const ready = body.payment?.method === 'invoice'
      ? body.documents?.some((document: CaseBody) => document.kind === 'invoice')
      : Boolean(body.payment?.paymentUrl);
    return body.payment?.status === 'open' && ready ? body : undefined;
  }, 'the payment to be requested');
}

/**
 * Opens the payment page and submits it as a browser would: the simulator's page is a form
 * posting `method` and `outcome` to itself, answered with a redirect back to the portal.
 */
export async function payOnPaymentPage(paymentUrl: string, method: string, outcome: 'success' | 'decline' | 'cancel' = 'success'): Promise<string> {
  const page = await fetch(paymentUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(method);
  const submitted = await fetch(paymentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ method, outcome }).toString(),
    redirect: 'manual',
  });
  expect(submitted.status).toBe(303);
  return submitted.headers.get('location') ?? '';
}

/** Waits for the payment page and pays on it (TWINT unless told otherwise). */
export async function payCase(token: string, caseId: string, method = 'twint'): Promise<void> {
  const awaiting = await caseAwaitingPayment(token, caseId);
  await payOnPaymentPage(awaiting.payment.paymentUrl, method);
}

/** Switches how the Payrexx simulator delivers webhooks. */
export async function setWebhookMode(mode: 'normal' | 'late' | 'twice' | 'outOfOrder' | 'none', delayMs?: number): Promise<void> {
  const response = await fetch(`${inject('payrexxUrl')}/__sim/webhook-mode`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(delayMs === undefined ? { mode } : { mode, delayMs }),
  });
  expect(response.status).toBeLessThan(300);
}
