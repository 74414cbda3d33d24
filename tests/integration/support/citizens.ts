// Citizens as the integration tests need them: real accounts, registered, activated through the
// link in the mail the platform sent to the mail catcher, and logged in over the API.
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { citizenSession } from '../../../scripts/citizen-session.ts';
import { callApi, eventually } from './http.ts';

export interface Mail { to: string[]; subject: string; text: string; receivedAt: string }

/** Meets ACC-2; every test citizen has it unless a test says otherwise. */
export const TEST_PASSWORD = 'Probe-Passwort-2026';

export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(new URL(`/__sim/mails?to=${encodeURIComponent(address)}`, inject('mailUrl')));
  return ((await response.json()) as { mails: Mail[] }).mails;
}

/** The token of the first link to `page` (e.g. konto/aktivieren) in the mail. */
export function linkToken(mail: Mail, page: string): string | undefined {
  return new RegExp(`/${page}\\?token=(gpl_[A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
}

/** Waits for the newest mail to `address` that has a link to `page`, and returns it with its token. */
export async function mailWithLink(address: string, page: string, after = 0): Promise<{ mail: Mail; token: string }> {
  return eventually(async () => {
    const mails = (await mailsTo(address)).slice(after).filter((mail) => linkToken(mail, page));
    const mail = mails.at(-1);
    return mail ? { mail, token: linkToken(mail, page) as string } : undefined;
  }, `a mail to ${address} with a link to ${page}`);
}

/**
 * A documentation-range client address derived from `seed`: the API trusts the loopback proxy's
 * X-Forwarded-For in tests, so every citizen has an address of its own, as real ones do, and the
 * per-address rate limits of one test do not touch another.
 */
export function clientAddress(seed: string): string {
  let h = 0;
  for (const char of seed) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${h & 255}`;
}

export const from = (ip: string) => ({ 'x-forwarded-for': ip });

/** Registers and activates an account through the mails; answers its address. */
export async function activatedAccount(options: { firstName: string; lastName: string; email: string; password?: string }): Promise<string> {
  const ip = clientAddress(options.email);
  const before = (await mailsTo(options.email)).length;
  const registered = await callApi('POST', '/accounts', {
    headers: from(ip),
    body: { firstName: options.firstName, lastName: options.lastName, email: options.email, password: options.password ?? TEST_PASSWORD },
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(202);
  const { token } = await mailWithLink(options.email, 'konto/aktivieren', before);
  const activated = await callApi('POST', '/accounts/activation', { body: { token } });
  expect(activated.status, JSON.stringify(activated.body)).toBe(204);
  return options.email;
}

/** Logs in and answers the session token. */
export async function logIn(email: string, password = TEST_PASSWORD, code?: string): Promise<string> {
  const response = await callApi<{ token: string }>('POST', '/sessions', {
    headers: from(clientAddress(email)), body: { email, password, ...(code ? { code } : {}) },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.token;
}

const tokens = new Map<string, Promise<string>>();

/**
 * The bearer token of the test citizen `name`: the same account for the same name within a test
 * file, a new one in every run. Registers, activates through the mail catcher and logs in.
 */
export function citizenToken(name: string): Promise<string> {
  let token = tokens.get(name);
  if (!token) {
    const email = `${name.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}.${randomUUID().slice(0, 8)}@buerger.example`;
    // The same way as `npm run token` and the benchmark: log in, else register, activate from the mail, log in.
    token = citizenSession({
      apiUrl: inject('apiUrl'), mailUrl: inject('mailUrl'), email, password: TEST_PASSWORD, firstName: 'Test', lastName: name, headers: from(clientAddress(email)),
    });
    tokens.set(name, token);
  }
  return token;
}

/** The account id of the test citizen `name`: what its cases carry as their citizen id. */
export async function accountIdOf(name: string): Promise<string> {
  const response = await callApi<{ id: string }>('GET', '/account', { token: await citizenToken(name) });
  expect(response.status).toBe(200);
  return response.body.id;
}
