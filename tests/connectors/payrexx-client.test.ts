/**
 * The Payrexx client: PHP encoding and API signature against known vectors, and every call over
 * real HTTP against the Payrexx simulator, with both authentications. Faults the simulator does
 * not produce (stalls, wrong shapes, firewall answers) come from small local servers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signParameters, signQueryString } from '../../connectors/payment/payrexx/api-signature.ts';
import { createPayrexxClient, type CreateGatewayInput, type PayrexxAuthentication } from '../../connectors/payment/payrexx/client.ts';
import { PayrexxError } from '../../connectors/payment/payrexx/errors.ts';
import { httpBuildQuery, parsePhpQuery, toPhpArray } from '../../connectors/payment/payrexx/php-query.ts';
import { startPayrexxSimulator, type PayrexxSimulator } from '../../simulators/payrexx/simulator.ts';

const INSTANCE = 'gemeinde-aarau';
const API_KEY = 'sim-secret-aarau-7f3c9a';
// Stands in for personal data that may end up in a purpose or reference: must never reach an error message.
const PURPOSE = 'Gebühr Hundemarke 2025 – Anna Müller (Bahnhofstr. 5) & Co ~ 100%*!';

function gatewayInput(overrides: Partial<CreateGatewayInput> = {}): CreateGatewayInput {
  return {
    amountRappen: 1250,
    currency: 'CHF',
    purpose: PURPOSE,
    referenceId: 'FEE-4001-000123',
    successRedirectUrl: 'https://portal.example.ch/zahlung/erfolg?fall=123',
    failedRedirectUrl: 'https://portal.example.ch/zahlung/fehler?fall=123',
    cancelRedirectUrl: 'https://portal.example.ch/zahlung/abbruch?fall=123',
    paymentMethods: ['twint', 'post-finance-card', 'post-finance-e-finance'],
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<PayrexxError> {
  const error: unknown = await promise.then(
    () => { throw new Error('expected the call to fail'); },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PayrexxError);
  const payrexxError = error as PayrexxError;
  expect(payrexxError.message).not.toContain('Müller');
  expect(payrexxError.message).not.toContain(API_KEY);
  return payrexxError;
}

describe('PHP encoding and ApiSignature', () => {
  // The gateway example of https://developers.payrexx.com/reference/create-a-gateway (cURL tab)
  // signs this string; written out here by hand from its --data-urlencode lines, applying PHP's
  // urlencode: brackets %5B/%5D, '@' %40, ':' %3A, '/' %2F, lists indexed from 0.
  const DOCUMENTED_QUERY =
    'amount=8925&vatRate=7.7&currency=CHF&sku=P01122000&pm%5B0%5D=visa&preAuthorization=0&reservation=0&referenceId=975382' +
    '&fields%5Bforename%5D%5Bvalue%5D=Max&fields%5Bsurname%5D%5Bvalue%5D=Mustermann&fields%5Bemail%5D%5Bvalue%5D=max.mustermann%40mysite.com' +
    '&successRedirectUrl=https%3A%2F%2Fwww.merchant-website.com%2Fsuccess&failedRedirectUrl=https%3A%2F%2Fwww.merchant-website.com%2Ffailed';

  it('when the documented gateway parameters are encoded, then the documented query string comes out', () => {
    const parameters = toPhpArray({
      amount: 8925,
      vatRate: 7.7,
      currency: 'CHF',
      sku: 'P01122000',
      pm: ['visa'],
      preAuthorization: false,
      reservation: false,
      referenceId: '975382',
      fields: { forename: { value: 'Max' }, surname: { value: 'Mustermann' }, email: { value: 'max.mustermann@mysite.com' } },
      successRedirectUrl: 'https://www.merchant-website.com/success',
      failedRedirectUrl: 'https://www.merchant-website.com/failed',
    });
    expect(httpBuildQuery(parameters)).toBe(DOCUMENTED_QUERY);
  });

  it('when signed, then the signature is the base64 HMAC-SHA256 the documentation describes', () => {
    // Computed independently with the documentation's own recipe:
    //   echo -n "<query>" | openssl dgst -sha256 -hmac "INSTANCE_API_SECRET" -binary | openssl enc -base64
    expect(signQueryString(DOCUMENTED_QUERY, 'INSTANCE_API_SECRET')).toBe('BSrM2ZIqNTHfNTx27Q3in0WQlzYDdGNPrL7aXAjvXRk=');
    // A GET without parameters signs the empty string (the documented cURL for Retrieve a Gateway).
    expect(signParameters([], 'INSTANCE_API_SECRET')).toBe('xjWOoDWMQeBLqHTQ4CykcylL3Ogj7jkgxLIalBAqDj0=');
  });

  it('when values carry spaces, umlauts and ~!*(), then they are escaped as PHP urlencode does', () => {
    // By hand from PHP's urlencode rules: space '+', everything but [A-Za-z0-9_.-] as %XX of the
    // UTF-8 bytes. The signature matches a vector generated with real PHP 8.4
    // (github.com/zweiundeins/payrexx-go-sdk, payrexx/auth_test.go) and openssl as above.
    const parameters = toPhpArray({ purpose: 'Abo Basis', title: 'a&b=c+d', sym: 'ä~!*()' });
    expect(httpBuildQuery(parameters)).toBe('purpose=Abo+Basis&title=a%26b%3Dc%2Bd&sym=%C3%A4%7E%21%2A%28%29');
    expect(signParameters(parameters, 'test-secret')).toBe('LubCkW6b2BWdGfMH5+5mrWDSqIiX2KOGnisZDF7fr3I=');
    // rawurlencode (what goes on the wire) differs only in space and tilde.
    expect(httpBuildQuery(parameters, 'RFC3986')).toBe('purpose=Abo%20Basis&title=a%26b%3Dc%2Bd&sym=%C3%A4~%21%2A%28%29');
  });

  it('when PHP parses a body, then order, nesting and appended lists are kept; instance and signature are not signed', () => {
    const parsed = parsePhpQuery('b=1&custom%5B5%5D=x&custom%5B1%5D=y&pm%5B%5D=twint&pm%5B%5D=visa&instance=aarau&ApiSignature=abc&a=2');
    expect(httpBuildQuery(parsed)).toBe('b=1&custom%5B5%5D=x&custom%5B1%5D=y&pm%5B0%5D=twint&pm%5B1%5D=visa&instance=aarau&ApiSignature=abc&a=2');
    expect(signParameters(parsed, 'k')).toBe(signQueryString('b=1&custom%5B5%5D=x&custom%5B1%5D=y&pm%5B0%5D=twint&pm%5B1%5D=visa&a=2', 'k'));
  });
});

describe.each<PayrexxAuthentication>(['api-key-header', 'api-signature'])('Payrexx client with %s against the simulator', (authentication) => {
  let simulator: PayrexxSimulator;
  const client = () => createPayrexxClient({ baseUrl: simulator.apiBaseUrl, instance: INSTANCE, apiKey: API_KEY, authentication, timeoutMs: 2_000 });

  beforeAll(async () => {
    simulator = await startPayrexxSimulator({ port: 0, instances: { [INSTANCE]: { apiKey: API_KEY }, other: { apiKey: 'other-key' } } });
  });
  afterAll(async () => simulator?.close());
  afterEach(() => simulator.reset());

  it('when listing payment methods, then their identifiers come back', async () => {
    const methods = await client().listPaymentMethods();
    expect(methods.map((m) => m.id)).toEqual(['twint', 'post-finance-card', 'post-finance-e-finance', 'visa', 'mastercard']);
    expect(methods[0]).toEqual({ id: 'twint', name: 'TWINT' });
  });

  it('when a gateway is created, then Payrexx holds the amount in Rappen, the texts and the methods as sent', async () => {
    const created = await client().createGateway(gatewayInput());
    expect(created).toMatchObject({ status: 'waiting', hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(created.link).toBe(`${simulator.url}/pay/${created.hash}`);
    const [stored] = simulator.gateways();
    expect(stored).toMatchObject({
      id: created.gatewayId,
      amount: 1250,
      purpose: PURPOSE,
      referenceId: 'FEE-4001-000123',
      successRedirectUrl: 'https://portal.example.ch/zahlung/erfolg?fall=123',
      requestedPaymentMethods: ['twint', 'post-finance-card', 'post-finance-e-finance'],
    });
  });

  it('when a gateway is paid, then it reads confirmed with its transaction, and the transaction reads in full', async () => {
    const api = client();
    const created = await api.createGateway(gatewayInput());
    expect(await api.getGateway(created.gatewayId)).toEqual({
      gatewayId: created.gatewayId, status: 'waiting', referenceId: 'FEE-4001-000123', amountRappen: 1250, transactions: [],
    });
    const declined = simulator.payDirectly(created.hash, 'post-finance-card', 'decline');
    const paid = simulator.payDirectly(created.hash, 'twint', 'success');
    expect(await api.getGateway(created.gatewayId)).toMatchObject({
      status: 'confirmed',
      transactions: [
        { transactionId: declined.transactionId, status: 'declined', amountRappen: 1250 },
        { transactionId: paid.transactionId, status: 'confirmed', amountRappen: 1250 },
      ],
    });
    const transaction = await api.getTransaction(paid.transactionId);
    expect(transaction).toEqual({
      transactionId: paid.transactionId,
      status: 'confirmed',
      amountRappen: 1250,
      refundedRappen: 0,
      referenceId: 'FEE-4001-000123',
      paymentMethod: 'twint',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
  });

  it('when a gateway or transaction does not exist, or belongs to another instance, then there is none', async () => {
    const api = client();
    expect(await api.getGateway(999_999)).toBeNull();
    expect(await api.getTransaction(999_999)).toBeNull();
    const foreign = createPayrexxClient({ baseUrl: simulator.apiBaseUrl, instance: 'other', apiKey: 'other-key', authentication });
    const created = await foreign.createGateway(gatewayInput());
    expect(await api.getGateway(created.gatewayId)).toBeNull();
  });

  it('when refunded partly and then fully, then the status follows and the refunded amount adds up', async () => {
    const api = client();
    // No methods named: the page offers all of the instance's, Visa included.
    const created = await api.createGateway(gatewayInput({ paymentMethods: [] }));
    const paid = simulator.payDirectly(created.hash, 'visa', 'success');
    expect(await api.refundTransaction(paid.transactionId, 250)).toBe('partially-refunded');
    expect(await api.getTransaction(paid.transactionId)).toMatchObject({ status: 'partially-refunded', refundedRappen: 250 });
    expect(await api.refundTransaction(paid.transactionId)).toBe('refunded');
    expect(await api.getTransaction(paid.transactionId)).toMatchObject({ status: 'refunded', refundedRappen: 1250 });
    const error = await failure(api.refundTransaction(paid.transactionId, 1));
    expect(error).toMatchObject({ reason: 'rejected', status: 400, retryable: false });
  });

  it('when a gateway is deleted, then it reads cancelled; deleting an unknown one is no error', async () => {
    const api = client();
    const created = await api.createGateway(gatewayInput());
    await api.deleteGateway(created.gatewayId);
    expect(await api.getGateway(created.gatewayId)).toMatchObject({ status: 'cancelled' });
    await expect(api.deleteGateway(999_999)).resolves.toBeUndefined();
  });

  it('when the API key is wrong, then the call is refused with 403, not retryable, naming no secret', async () => {
    const wrong = createPayrexxClient({ baseUrl: simulator.apiBaseUrl, instance: INSTANCE, apiKey: 'wrong-key', authentication });
    const error = await failure(wrong.createGateway(gatewayInput()));
    expect(error).toMatchObject({ reason: 'authentication', status: 403, retryable: false, operation: 'createGateway' });
    expect(error.message).not.toContain('wrong-key');
    expect(simulator.gateways()).toEqual([]);
  });

  it('when Payrexx fails with 5xx, then the error is retryable', async () => {
    simulator.setFail5xx(true);
    const error = await failure(client().getTransaction(1));
    expect(error).toMatchObject({ reason: 'server-error', status: 503, retryable: true });
  });
});

describe('Payrexx client faults', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  /** A local server answering every request with `status` and `body`, or never when `stall`. */
  async function serverAnswering(status: number, body: string, stall = false): Promise<string> {
    const server = createServer((_request, response) => {
      if (stall) return;
      response.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/html' }).end(body);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/`;
  }

  const clientAt = (baseUrl: string, timeoutMs = 2_000) => createPayrexxClient({ baseUrl, instance: INSTANCE, apiKey: API_KEY, timeoutMs });

  it('when nobody listens, then the error is a retryable network error', async () => {
    // A port that was just free: listen on it, then stop.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(clientAt(`http://127.0.0.1:${port}/v1.0/`).listPaymentMethods())).toMatchObject({ reason: 'network', retryable: true });
  });

  it('when Payrexx does not answer in time, then the error is a retryable timeout', async () => {
    const baseUrl = await serverAnswering(200, '', true);
    expect(await failure(clientAt(baseUrl, 200).getGateway(5))).toMatchObject({ reason: 'timeout', retryable: true });
  });

  it('when Payrexx answers 429, or its firewall 403 without Payrexx format, then the rate limit is retryable', async () => {
    expect(await failure(clientAt(await serverAnswering(429, '{}')).getGateway(5))).toMatchObject({ reason: 'rate-limited', retryable: true });
    expect(await failure(clientAt(await serverAnswering(403, '<html>Forbidden</html>')).getGateway(5))).toMatchObject({ reason: 'rate-limited', status: 403, retryable: true });
  });

  it('when an answer is not JSON or not of the documented shape, then it is an unexpected answer, not retryable', async () => {
    expect(await failure(clientAt(await serverAnswering(200, '<html></html>')).getGateway(5))).toMatchObject({ reason: 'unexpected-answer', retryable: false });
    const wrongShape = await serverAnswering(200, JSON.stringify({ status: 'success', data: [{ id: 'x', status: 'confirmed', amount: 12.5 }] }));
    const error = await failure(clientAt(wrongShape).getTransaction(5));
    expect(error).toMatchObject({ reason: 'unexpected-answer', retryable: false });
    expect(error.message).toMatch(/\/data\/0\//);
  });

  it('when Payrexx reports a status this client does not know, then it says so instead of guessing', async () => {
    const answer = { status: 'success', data: [{ id: 7, status: 'teleported', hash: 'h', link: 'l', amount: 100 }] };
    const error = await failure(clientAt(await serverAnswering(200, JSON.stringify(answer))).getGateway(7));
    expect(error).toMatchObject({ reason: 'unexpected-answer', retryable: false });
    expect(error.message).toContain("unknown status 'teleported'");
  });

  it('when Payrexx answers status error in a 200, then the call is rejected; "not found" there means none', async () => {
    const refused = await serverAnswering(200, JSON.stringify({ status: 'error', message: 'Invalid value' }));
    expect(await failure(clientAt(refused).createGateway(gatewayInput()))).toMatchObject({ reason: 'rejected', retryable: false });
    const missing = await serverAnswering(200, JSON.stringify({ status: 'error', message: 'No Transaction found with id 5' }));
    expect(await clientAt(missing).getTransaction(5)).toBeNull();
  });

  it('when an amount is not an integer number of Rappen, then nothing is sent', async () => {
    const api = clientAt('http://127.0.0.1:9/v1.0/');
    await expect(api.createGateway(gatewayInput({ amountRappen: 12.5 }))).rejects.toThrow(RangeError);
    await expect(api.refundTransaction(5, 0)).rejects.toThrow(RangeError);
  });
});
