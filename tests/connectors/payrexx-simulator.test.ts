/**
 * The Payrexx simulator over real HTTP: the hosted page flow with its redirects, webhooks as a
 * local receiver gets them in every mode, refunds, authentication as Payrexx does it, and the
 * test controls under /__sim.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signQueryString } from '../../connectors/payment/payrexx/api-signature.ts';
import { createPayrexxClient, type CreateGatewayInput, type PayrexxClient } from '../../connectors/payment/payrexx/client.ts';
import { startPayrexxSimulator, type PayrexxSimulator } from '../../simulators/payrexx/simulator.ts';

const INSTANCE = 'gemeinde-baden';
const API_KEY = 'sim-secret-baden-41c2';

type ReceivedWebhook = { readonly contentType: string | undefined; readonly body: { transaction: Record<string, unknown> & { id: number; status: string } } };

/** A webhook endpoint like the platform's: records what arrives, answers the queued statuses, then 200. */
async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      received.push({ contentType: request.headers['content-type'], body: JSON.parse(text) as ReceivedWebhook['body'] });
      response.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payrexx/webhook`,
    received,
    answerNext: (...statuses: number[]) => answers.push(...statuses),
    clear: () => received.splice(0),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function gatewayInput(overrides: Partial<CreateGatewayInput> = {}): CreateGatewayInput {
  return {
    amountRappen: 4250,
    currency: 'CHF',
    purpose: 'Parkkarte Anwohner 2025',
    referenceId: 'FEE-4021-000777',
    successRedirectUrl: 'https://portal.example.ch/zahlung/erfolg',
    failedRedirectUrl: 'https://portal.example.ch/zahlung/fehler',
    cancelRedirectUrl: 'https://portal.example.ch/zahlung/abbruch',
    paymentMethods: ['twint', 'post-finance-card'],
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Payrexx simulator', () => {
  let simulator: PayrexxSimulator;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let client: PayrexxClient;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    simulator = await startPayrexxSimulator({
      port: 0,
      instances: { [INSTANCE]: { apiKey: API_KEY, webhookUrl: receiver.url } },
      webhookRetry: { attempts: 3, delayMs: 10 },
    });
    client = createPayrexxClient({ baseUrl: simulator.apiBaseUrl, instance: INSTANCE, apiKey: API_KEY, timeoutMs: 2_000 });
  });
  afterAll(async () => {
    await simulator?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    await simulator.webhooksSettled();
    simulator.reset();
    receiver.clear();
  });

  /** Submits the page's form as a browser would, without following the redirect. */
  const submit = (link: string, form: Record<string, string>) =>
    fetch(link, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

  describe('hosted payment page', () => {
    it('when opened, then it shows amount, purpose and a button per offered method, in German', async () => {
      const gateway = await client.createGateway(gatewayInput({ purpose: 'Hundemarke <Bello> & Co' }));
      const page = await fetch(gateway.link);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('lang="de"');
      expect(html).toContain('CHF 42.50');
      expect(html).toContain('Hundemarke &#60;Bello&#62; &#38; Co');
      expect(html).toContain('Mit TWINT bezahlen');
      expect(html).toContain('Mit PostFinance Card bezahlen');
      expect(html).not.toContain('Visa');
    });

    it('when the payer pays, then 303 to the success URL, the gateway is confirmed and the webhook arrives as JSON', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const answer = await submit(gateway.link, { method: 'twint', outcome: 'success' });
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('https://portal.example.ch/zahlung/erfolg');
      await simulator.webhooksSettled();
      expect(receiver.received).toHaveLength(1);
      const [webhook] = receiver.received;
      expect(webhook?.contentType).toBe('application/json');
      expect(webhook?.body.transaction).toMatchObject({
        status: 'confirmed',
        amount: 4250,
        referenceId: 'FEE-4021-000777',
        payment: { brand: 'twint' },
        invoice: { paymentRequestId: gateway.gatewayId, currency: 'CHF', referenceId: 'FEE-4021-000777' },
      });
      const read = await client.getGateway(gateway.gatewayId);
      expect(read).toMatchObject({ status: 'confirmed', transactions: [{ transactionId: webhook?.body.transaction.id, status: 'confirmed' }] });
      // Paid pages take no second payment.
      expect(await (await fetch(gateway.link)).text()).toContain('Bereits bezahlt');
      expect((await submit(gateway.link, { method: 'twint', outcome: 'success' })).status).toBe(409);
    });

    it('when the payment is declined, then 303 to the failed URL, a declined webhook, and the page stays open', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const answer = await submit(gateway.link, { method: 'post-finance-card', outcome: 'decline' });
      expect(answer.headers.get('location')).toBe('https://portal.example.ch/zahlung/fehler');
      await simulator.webhooksSettled();
      expect(receiver.received.map((w) => w.body.transaction.status)).toEqual(['declined']);
      expect(await client.getGateway(gateway.gatewayId)).toMatchObject({ status: 'waiting', transactions: [{ status: 'declined' }] });
      expect((await fetch(gateway.link)).status).toBe(200);
    });

    it('when the payer cancels, then 303 to the cancel URL and a cancelled webhook', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const answer = await submit(gateway.link, { method: 'twint', outcome: 'cancel' });
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('https://portal.example.ch/zahlung/abbruch');
      await simulator.webhooksSettled();
      expect(receiver.received.map((w) => w.body.transaction.status)).toEqual(['cancelled']);
    });

    it('when a method is not offered, the form is incomplete or the gateway is withdrawn, then nothing is paid', async () => {
      const gateway = await client.createGateway(gatewayInput());
      expect((await submit(gateway.link, { method: 'visa', outcome: 'success' })).status).toBe(400);
      expect((await submit(gateway.link, { method: 'twint', outcome: 'maybe' })).status).toBe(400);
      await client.deleteGateway(gateway.gatewayId);
      expect((await fetch(gateway.link)).status).toBe(410);
      expect((await submit(gateway.link, { method: 'twint', outcome: 'success' })).status).toBe(409);
      expect((await fetch(`${simulator.url}/pay/0000`)).status).toBe(404);
      expect(simulator.transactions()).toEqual([]);
    });
  });

  describe('webhook modes', () => {
    async function paid() {
      const gateway = await client.createGateway(gatewayInput());
      return simulator.payDirectly(gateway.hash, 'twint', 'success');
    }

    it('when late, then the webhook arrives only after the delay', async () => {
      simulator.setWebhookMode('late', { delayMs: 300 });
      const payment = await paid();
      await sleep(100);
      expect(receiver.received).toEqual([]);
      await simulator.webhooksSettled();
      expect(receiver.received.map((w) => [w.body.transaction.id, w.body.transaction.status])).toEqual([[payment.transactionId, 'confirmed']]);
    });

    it('when twice, then the same webhook arrives twice', async () => {
      simulator.setWebhookMode('twice');
      await paid();
      await simulator.webhooksSettled();
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[0]?.body).toEqual(receiver.received[1]?.body);
    });

    it('when out of order, then a stale waiting webhook arrives after the confirmed one', async () => {
      simulator.setWebhookMode('outOfOrder');
      const payment = await paid();
      await simulator.webhooksSettled();
      expect(receiver.received.map((w) => [w.body.transaction.id, w.body.transaction.status])).toEqual([
        [payment.transactionId, 'confirmed'],
        [payment.transactionId, 'waiting'],
      ]);
    });

    it('when none, then nothing arrives and nothing is attempted', async () => {
      simulator.setWebhookMode('none');
      await paid();
      await simulator.webhooksSettled();
      expect(receiver.received).toEqual([]);
      expect(simulator.webhookAttempts()).toEqual([]);
    });

    it('when the receiver fails, then the webhook is sent again until it is accepted', async () => {
      receiver.answerNext(500, 503);
      await paid();
      await simulator.webhooksSettled();
      expect(receiver.received).toHaveLength(3);
      expect(simulator.webhookAttempts().map((a) => [a.attempt, a.answer])).toEqual([[1, 500], [2, 503], [3, 200]]);
    });

    it('when switched over HTTP, then the mode applies', async () => {
      const put = await fetch(`${simulator.url}/__sim/webhook-mode`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'twice' }),
      });
      expect(await put.json()).toEqual({ mode: 'twice' });
      await paid();
      await simulator.webhooksSettled();
      expect(receiver.received).toHaveLength(2);
      const wrong = await fetch(`${simulator.url}/__sim/webhook-mode`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"mode":"sometimes"}' });
      expect(wrong.status).toBe(400);
    });
  });

  describe('refunds and later statuses', () => {
    it('when refunded partly, then fully, then each refund sends its webhook', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const payment = simulator.payDirectly(gateway.hash, 'twint', 'success');
      await client.refundTransaction(payment.transactionId, 1000);
      await client.refundTransaction(payment.transactionId);
      await simulator.webhooksSettled();
      expect(receiver.received.map((w) => [w.body.transaction.status, (w.body.transaction.invoice as { refundedAmount: number }).refundedAmount])).toEqual([
        ['confirmed', 0],
        ['partially-refunded', 1000],
        ['refunded', 4250],
      ]);
    });

    it('when a declined payment is to be refunded, then Payrexx refuses', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const payment = simulator.payDirectly(gateway.hash, 'twint', 'decline');
      await expect(client.refundTransaction(payment.transactionId)).rejects.toMatchObject({ reason: 'rejected', status: 400 });
    });

    it('when a chargeback is set, then the transaction reads so and its webhook arrives', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const payment = simulator.payDirectly(gateway.hash, 'post-finance-card', 'success');
      const put = await fetch(`${simulator.url}/__sim/transactions/${payment.transactionId}/status`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'chargeback' }),
      });
      expect(put.status).toBe(200);
      expect(await client.getTransaction(payment.transactionId)).toMatchObject({ status: 'chargeback' });
      await simulator.webhooksSettled();
      expect(receiver.received.map((w) => w.body.transaction.status)).toEqual(['confirmed', 'chargeback']);
    });
  });

  describe('authentication and request format, as Payrexx', () => {
    const api = (path: string, query = `instance=${INSTANCE}`) => `${simulator.apiBaseUrl}${path}?${query}`;

    it('when the key is wrong or missing, then 403 with Payrexx error body; without instance 422', async () => {
      for (const headers of [{ 'x-api-key': 'wrong' }, {}]) {
        const answer = await fetch(api('PaymentMethod/'), { headers });
        expect(answer.status).toBe(403);
        expect(await answer.json()).toEqual({ status: 'error', message: 'The API secret is not correct.' });
      }
      const noInstance = await fetch(api('PaymentMethod/', ''), { headers: { 'x-api-key': API_KEY } });
      expect(noInstance.status).toBe(422);
    });

    it('when a signed body is altered, then the signature no longer holds', async () => {
      const signed = 'amount=100&currency=CHF';
      const signature = signQueryString(signed, API_KEY);
      const post = (body: string) =>
        fetch(api('Gateway/'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect((await post(`${signed}&ApiSignature=${encodeURIComponent(signature)}`)).status).toBe(200);
      expect((await post(`amount=1&currency=CHF&ApiSignature=${encodeURIComponent(signature)}`)).status).toBe(403);
    });

    it('when pm is sent as pm[] instead of pm[0], then Payrexx drops the filter and offers every method', async () => {
      const answer = await fetch(api('Gateway/'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': API_KEY },
        body: 'amount=100&currency=CHF&pm%5B%5D=twint',
      });
      const body = (await answer.json()) as { data: Array<{ pm: string[] }> };
      expect(body.data[0]?.pm).toEqual([]);
      expect(simulator.gateways()[0]?.paymentMethods).toHaveLength(5);
    });

    it('when a gateway names an unknown method or a wrong amount, then Payrexx refuses it', async () => {
      await expect(client.createGateway(gatewayInput({ paymentMethods: ['bitcoin'] }))).rejects.toMatchObject({ reason: 'rejected', status: 400 });
      const zero = await fetch(api('Gateway/'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': API_KEY }, body: 'amount=0&currency=CHF' });
      expect(await zero.json()).toEqual({ status: 'error', message: "Invalid value passed for parameter 'amount'" });
    });
  });

  describe('test controls over HTTP', () => {
    it('when paying, listing, failing and resetting through /__sim, then the simulator follows', async () => {
      const gateway = await client.createGateway(gatewayInput());
      const pay = await fetch(`${simulator.url}/__sim/pay/${gateway.hash}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'twint', outcome: 'success' }),
      });
      expect(await pay.json()).toMatchObject({ status: 'confirmed', redirectUrl: 'https://portal.example.ch/zahlung/erfolg' });
      const transactions = (await (await fetch(`${simulator.url}/__sim/transactions`)).json()) as Array<{ gatewayId: number; status: string }>;
      expect(transactions).toMatchObject([{ gatewayId: gateway.gatewayId, status: 'confirmed' }]);

      await fetch(`${simulator.url}/__sim/fail5xx`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"enabled":true}' });
      await expect(client.getGateway(gateway.gatewayId)).rejects.toMatchObject({ reason: 'server-error', retryable: true });

      expect((await fetch(`${simulator.url}/__sim/reset`, { method: 'POST' })).status).toBe(204);
      expect(await client.getGateway(gateway.gatewayId)).toBeNull();
    });
  });
});
