// The account state several API instances share in PostgreSQL (NF-3), on the embedded PGlite:
// rate-limit counts, AGOV hand-off codes, AGOV birth dates kept with their session, and the sweep.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';
import { createAccountStateSweep } from '../../../../core/accounts/account-state-sweep.ts';
import { accountErrors } from '../../../../core/errors/account-errors.ts';
import { buildTestApp } from '../../../support/build-test-app.ts';
import { createSecretBox } from '../../../../core/db/secret-box.ts';
import { createAccountsRepository } from '../../../../core/db/accounts-repository.ts';
import { createAgovHandOffsRepository } from '../../../../core/db/agov-hand-offs-repository.ts';
import { up as accountsSchema } from '../../../../core/db/migrations/013-accounts.ts';
import { up as sharedAccountState } from '../../../../core/db/migrations/020-shared-account-state.ts';
import { createRateLimitHitsRepository } from '../../../../core/db/rate-limit-hits-repository.ts';
import { createSecretFailuresRepository } from '../../../../core/db/secret-failures-repository.ts';

const embedded = useEmbeddedDatabase('shared-state', accountsSchema, sharedAccountState);
let db: Knex;
beforeAll(() => {
  db = embedded();
});

const at = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const box = createSecretBox([randomBytes(32).toString('base64')]);

/** An API instance whose login limits count in the embedded database; every password is wrong, as for someone guessing. */
async function limitedInstance(settings: { windowMs: number; perIp: number; perAddress: number }) {
  const { app } = await buildTestApp({
    accounts: {
      rateLimits: settings, rateLimitHits: createRateLimitHitsRepository(db), pseudonymise: box.pseudonym,
      sessions: { login: async () => { throw accountErrors.invalidCredentials(); } },
    },
  });
  return app;
}

describe('rate limits shared by API instances', () => {
  it('when attempts go to two instances, then they count together, and 429 comes with the wait of the one window', async () => {
    const settings = { windowMs: 60_000, perIp: 100, perAddress: 3 };
    const [first, second] = [await limitedInstance(settings), await limitedInstance(settings)];
    const email = `${randomUUID()}@example.ch`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await (i % 2 === 0 ? first : second).inject({ method: 'POST', url: '/sessions', payload: { email: i === 3 ? email.toUpperCase() : email, password: 'Raten-1-Aa' } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The table holds neither address, nor a plain hash of one that trying all addresses could reverse.
    const keys = JSON.stringify(await db('rate_limit_hits').select('key'));
    for (const address of [email, '127.0.0.1']) {
      expect(keys).not.toContain(address);
      expect(keys).not.toContain(createHash('sha256').update(address).digest('hex'));
    }
    await first.close();
    await second.close();
  });

  it('when the window has passed, then the count starts again at 1 with a new window, and the sweep removes passed windows', async () => {
    const hits = createRateLimitHitsRepository(db);
    const key = `login:ip:${randomUUID()}`;
    expect(await hits.hit(key, 1_000, at)).toEqual({ hits: 1, windowEndsAt: later(1_000) });
    expect(await hits.hit(key, 1_000, later(999))).toEqual({ hits: 2, windowEndsAt: later(1_000) });
    expect(await hits.read(key, later(999))).toEqual({ hits: 2, windowEndsAt: later(1_000) });
    expect(await hits.read(key, later(1_000))).toBeUndefined();
    expect(await hits.hit(key, 1_000, later(1_000))).toEqual({ hits: 1, windowEndsAt: later(2_000) });
    const counted = await Promise.all(Array.from({ length: 5 }, () => hits.hit(key, 1_000, later(1_500))));
    expect(counted.map((count) => count.hits).sort()).toEqual([2, 3, 4, 5, 6]);
    await hits.deleteExpired(later(1_999));
    expect(await hits.read(key, later(1_999))).toEqual({ hits: 6, windowEndsAt: later(2_000) });
    expect(await hits.deleteExpired(later(2_000))).toBeGreaterThanOrEqual(1);
    expect(await db('rate_limit_hits').where({ key })).toEqual([]);
  });
});

describe('AGOV hand-off codes', () => {
  it('when a code is taken by several at once, then one gets it; an expired code is found by none and swept', async () => {
    const handOffs = createAgovHandOffsRepository(db);
    const codeHash = randomUUID();
    await handOffs.insert({ codeHash, kind: 'login', body: 'gpe1:sealed', expiresAt: later(120_000) });
    expect(await handOffs.find(codeHash, at)).toEqual({ kind: 'login', body: 'gpe1:sealed' });
    const taken = await Promise.all([handOffs.take(codeHash, at), handOffs.take(codeHash, at), handOffs.take(codeHash, at)]);
    expect(taken.filter(Boolean)).toEqual([{ kind: 'login', body: 'gpe1:sealed' }]);
    expect(await handOffs.find(codeHash, at)).toBeUndefined();

    const expired = randomUUID();
    await handOffs.insert({ codeHash: expired, kind: 'unknown', body: 'gpe1:sealed', expiresAt: later(120_000) });
    expect(await handOffs.find(expired, later(120_000))).toBeUndefined();
    expect(await handOffs.take(expired, later(120_000))).toBeUndefined();
    expect(await handOffs.deleteExpired(later(120_000))).toBeGreaterThanOrEqual(1);
    expect(await db('agov_hand_offs').where({ code_hash: expired })).toEqual([]);
  });
});

describe('AGOV birth dates kept with their session', () => {
  const idleMs = 30 * 60_000;
  const idleSince = (when: Date) => new Date(when.getTime() - idleMs);

  async function sessionWithBirthdate(accounts: ReturnType<typeof createAccountsRepository>, accountId: string, expiresAt = later(3_600_000)) {
    const id = randomUUID();
    await accounts.insertSession({ id, accountId, tokenHash: randomUUID(), method: 'agov', userAgent: null, createdAt: at, expiresAt, agovBirthdate: '1985-04-12' });
    return id;
  }

  it('when a session carries one, then it is stored sealed for that session, read while the session lives, and gone when it is revoked, idle or expired', async () => {
    const accounts = createAccountsRepository(db, box);
    const accountId = randomUUID();
    await db('accounts').insert({ id: accountId, konto_id: accountId.slice(0, 12), email: `${accountId}@example.ch`, first_name: 'Anna', last_name: 'Muster', created_at: at });
    const [revoked, idle, expired, live] = [
      await sessionWithBirthdate(accounts, accountId), await sessionWithBirthdate(accounts, accountId),
      await sessionWithBirthdate(accounts, accountId, later(60_000)), await sessionWithBirthdate(accounts, accountId),
    ];
    const stored = await db('account_sessions').where({ id: live }).first('agov_birthdate');
    expect(stored.agov_birthdate).toMatch(/^gpe1:/);
    expect(stored.agov_birthdate).not.toContain('1985');
    expect(() => box.open(stored.agov_birthdate, `agov-birthdate:${revoked}`)).toThrow();
    expect(await accounts.sessionBirthdate(live, at, idleSince(at))).toBe('1985-04-12');

    expect(await accounts.revokeSession(accountId, revoked, at)).toBe(true);
    expect((await db('account_sessions').where({ id: revoked }).first('agov_birthdate')).agov_birthdate).toBeNull();

    // Two minutes on, the short session has expired; the others were seen since, except `idle`, which is swept once it has been idle too long.
    const now = later(idleMs);
    for (const seen of [expired, live]) await accounts.touchSession(seen, later(idleMs - 1_000));
    expect(await accounts.sessionBirthdate(expired, now, idleSince(now))).toBeNull();
    const sweep = createAccountStateSweep({
      accounts, rateLimitHits: createRateLimitHitsRepository(db), secretFailures: createSecretFailuresRepository(db),
      agovHandOffs: createAgovHandOffsRepository(db), sessions: { idleMs, maxMs: 12 * 3_600_000 }, now: () => now,
    });
    expect((await sweep()).agovBirthdates).toBe(2);
    const left = await db('account_sessions').whereIn('id', [idle, expired, live]).whereNotNull('agov_birthdate').pluck('id');
    expect(left).toEqual([live]);
    expect(await accounts.sessionBirthdate(live, now, idleSince(now))).toBe('1985-04-12');

    await accounts.revokeSessions(accountId, now);
    expect(await db('account_sessions').where({ account_id: accountId }).whereNotNull('agov_birthdate')).toEqual([]);
  });
});
