// Per-account limits on password and TOTP checks behind a session (their counts in the embedded
// PostgreSQL, PGlite, as the API instances share them), and the confirmation of a sensitive change
// by an account with a password or one opened with AGOV (no password).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';
import { RateLimitedError } from '../../../../core/errors/account-errors.ts';
import { type ConfirmHolder, createHolderConfirmation } from '../../../../core/accounts/holder-confirmation.ts';
import { hashPassword } from '../../../../core/accounts/passwords.ts';
import { createSecretAttempts } from '../../../../core/accounts/secret-attempts.ts';
import type { AccountRow } from '../../../../core/db/accounts-repository.ts';
import { up as accountsSchema } from '../../../../core/db/migrations/013-accounts.ts';
import { up as sharedAccountState } from '../../../../core/db/migrations/020-shared-account-state.ts';
import { createSecretFailuresRepository } from '../../../../core/db/secret-failures-repository.ts';
import { ProblemError } from '../../../../core/errors/problem-error.ts';

const MINUTE = 60_000;

const embedded = useEmbeddedDatabase('secret-checks', accountsSchema, sharedAccountState);
let db: Knex;
beforeAll(() => {
  db = embedded();
});

/** A fresh account row; the counts belong to it (and go when it is deleted). */
async function newAccount(): Promise<string> {
  const id = randomUUID();
  await db('accounts').insert({ id, konto_id: id.slice(0, 12), email: `${id}@example.ch`, first_name: 'Anna', last_name: 'Muster', created_at: new Date() });
  return id;
}

/** Two API instances: each its own limiter over the same table. */
function instances(settings: { windowMs: number; maxFailures: number }, now: () => Date) {
  return [0, 1].map(() => createSecretAttempts({ failures: createSecretFailuresRepository(db), settings, now }));
}

async function refusal(attempt: Promise<unknown>): Promise<ProblemError> {
  const error: unknown = await attempt.then(() => undefined, (rejection: unknown) => rejection);
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('secret attempts per account', () => {
  const setup = () => {
    let clock = new Date('2026-11-23T09:00:00Z').getTime();
    const attempts = createSecretAttempts({ failures: createSecretFailuresRepository(db), settings: { windowMs: 15 * MINUTE, maxFailures: 3 }, now: () => new Date(clock) });
    return { attempts, advance: (ms: number) => { clock += ms; } };
  };

  it('when an account has used up its wrong attempts, then every check is refused with 429 and the wait, even a right one, without checking', async () => {
    const { attempts, advance } = setup();
    const anna = await newAccount();
    for (let i = 0; i < 3; i++) expect(await attempts.verify(anna, 'password', () => false)).toBe(false);
    advance(5 * MINUTE);
    let checked = false;
    const refused = await refusal(attempts.verify(anna, 'password', () => { checked = true; return true; }));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.problem).toMatchObject({ status: 429, type: 'urn:gemeindeportal:problem:rate-limited' });
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(10 * 60);
    expect(checked).toBe(false);
  });

  it('when the window has passed, then checks run again; the window began with the first wrong attempt', async () => {
    const { attempts, advance } = setup();
    const anna = await newAccount();
    await attempts.verify(anna, 'password', () => false);
    advance(10 * MINUTE);
    await attempts.verify(anna, 'password', () => false);
    await attempts.verify(anna, 'password', () => false);
    advance(5 * MINUTE);
    expect(await attempts.verify(anna, 'password', () => true)).toBe(true);
  });

  it('when a right secret is given before the limit, then the count starts afresh', async () => {
    const { attempts } = setup();
    const anna = await newAccount();
    await attempts.verify(anna, 'password', () => false);
    await attempts.verify(anna, 'password', () => false);
    expect(await attempts.verify(anna, 'password', () => true)).toBe(true);
    await attempts.verify(anna, 'password', () => false);
    await attempts.verify(anna, 'password', () => false);
    expect(await attempts.verify(anna, 'password', async () => true)).toBe(true);
  });

  it('when one account or one secret is limited, then another account and the other secret are not', async () => {
    const { attempts } = setup();
    const anna = await newAccount();
    for (let i = 0; i < 3; i++) await attempts.verify(anna, 'password', () => false);
    await refusal(attempts.verify(anna, 'password', () => true));
    const beat = await newAccount();
    expect(await attempts.verify(beat, 'password', () => true)).toBe(true);
    expect(await attempts.verify(anna, 'totp', () => true)).toBe(true);
  });

  it('when two API instances take wrong attempts, then they count together, and a right one at either clears the count', async () => {
    const [first, second] = instances({ windowMs: 15 * MINUTE, maxFailures: 3 }, () => new Date('2026-11-23T09:00:00Z'));
    const anna = await newAccount();
    await first!.verify(anna, 'password', () => false);
    await second!.verify(anna, 'password', () => false);
    expect(await first!.verify(anna, 'password', () => true)).toBe(true);
    for (const instance of [first!, second!, first!]) expect(await instance.verify(anna, 'password', () => false)).toBe(false);
    await refusal(second!.verify(anna, 'password', () => true));
    await refusal(first!.verify(anna, 'password', () => true));
  });

  it('when checks race on two instances, then no more of them run than the limit allows', async () => {
    const [first, second] = instances({ windowMs: 15 * MINUTE, maxFailures: 3 }, () => new Date('2026-11-23T09:00:00Z'));
    const anna = await newAccount();
    let ran = 0;
    const wrong = async () => { ran += 1; await new Promise((resolve) => setTimeout(resolve, 5)); return false; };
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first! : second!).verify(anna, 'password', wrong)));
    expect(ran).toBe(3);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(7);
  });

  it('when a check fails to run, then it does not count as a wrong one', async () => {
    const { attempts } = setup();
    const anna = await newAccount();
    for (let i = 0; i < 2; i++) await attempts.verify(anna, 'password', () => false);
    await expect(attempts.verify(anna, 'password', () => { throw new Error('hash unreadable'); })).rejects.toThrow('hash unreadable');
    expect(await attempts.verify(anna, 'password', () => false)).toBe(false);
    await refusal(attempts.verify(anna, 'password', () => true));
  });
});

describe('confirming a sensitive change', () => {
  const at = new Date('2026-11-23T09:00:00Z');
  const account = (passwordHash: string | null): AccountRow => ({
    id: holder, kontoId: '482177301594', email: 'anna@example.ch', firstName: 'Anna', lastName: 'Muster', address: null, language: 'de',
    passwordHash, state: 'active', totpSecret: null, totpPendingSecret: null, totpLastStep: null, createdAt: at, activatedAt: at, lastLoginAt: at,
  });
  const session = (method: string, minutesAgo: number) => ({ accountId: holder, sessionId: 's1', method, authenticatedAt: new Date(at.getTime() - minutesAgo * MINUTE) });
  let holder = '';
  let confirm: ConfirmHolder;
  beforeAll(async () => {
    holder = await newAccount();
    confirm = createHolderConfirmation({
      attempts: createSecretAttempts({ failures: createSecretFailuresRepository(db), settings: { windowMs: 15 * MINUTE, maxFailures: 2 }, now: () => at }),
      agovReauthenticationMs: 10 * MINUTE, now: () => at,
    });
  });

  it('when the account has a password, then the right one confirms, a wrong one is 403, a missing one 400 naming the field, and wrong ones are limited', async () => {
    const withPassword = account(await hashPassword('Richtig-2026'));
    await confirm(withPassword, session('password', 300), 'Richtig-2026', '/body/password');
    // A fresh AGOV session does not replace the password of an account that has one.
    expect((await refusal(confirm(withPassword, session('agov', 0), undefined, '/body/password'))).problem)
      .toMatchObject({ status: 400, errors: [{ pointer: '/body/password' }] });
    for (let i = 0; i < 2; i++) {
      expect((await refusal(confirm(withPassword, session('password', 0), 'Falsch-2026', '/body/password'))).problem)
        .toMatchObject({ status: 403, type: 'urn:gemeindeportal:problem:wrong-password', errors: [{ pointer: '/body/password' }] });
    }
    expect((await refusal(confirm(withPassword, session('password', 0), 'Richtig-2026', '/body/password'))).problem.status).toBe(429);
  });

  it('when the account has no password, then only a session opened with AGOV within the window confirms', async () => {
    const agovOnly = account(null);
    await confirm(agovOnly, session('agov', 0), undefined, '/body/password');
    await confirm(agovOnly, session('agov', 10), undefined, '/body/password');
    for (const stale of [session('agov', 11), session('password', 0)]) {
      const refused = await refusal(confirm(agovOnly, stale, undefined, '/body/password'));
      expect(refused.problem).toMatchObject({
        status: 403, type: 'urn:gemeindeportal:problem:reauthentication-required', title: 'Bitte melden Sie sich zur Bestätigung erneut mit AGOV an.',
        errors: [{ pointer: '/headers/authorization' }],
      });
      expect(refused.problem.detail).toContain('10 minutes');
    }
  });

  it('when a password is sent for an account without one, then 400 names the field, even with a fresh AGOV session', async () => {
    const refused = await refusal(confirm(account(null), session('agov', 0), 'Irgendwas-2026', '/body/password'));
    expect(refused.problem).toMatchObject({ status: 400, type: 'urn:gemeindeportal:problem:password-not-set', errors: [{ pointer: '/body/password' }] });
  });
});
