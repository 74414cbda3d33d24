// The AGOV login's use case (INT-5) on the embedded PGlite: what happens once AGOV has said who
// the person is. The OpenID Connect exchange around it is the integration tests' (agov-login.test.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';
import { createAgovLogin } from '../../../../core/accounts/agov-login.ts';
import type { AgovPerson } from '../../../../core/accounts/agov-hand-offs.ts';
import { createAccountIdentitiesRepository } from '../../../../core/db/account-identities-repository.ts';
import { createAccountsRepository } from '../../../../core/db/accounts-repository.ts';
import { createAgovHandOffsRepository } from '../../../../core/db/agov-hand-offs-repository.ts';
import { createSecretBox } from '../../../../core/db/secret-box.ts';
import { up as accountsSchema } from '../../../../core/db/migrations/013-accounts.ts';
import { up as sharedAccountState } from '../../../../core/db/migrations/020-shared-account-state.ts';

const embedded = useEmbeddedDatabase('agov-login', accountsSchema, sharedAccountState);
let login: ReturnType<typeof createAgovLogin>;
let db: Knex;
beforeAll(() => {
  db = embedded();
  const secrets = createSecretBox([randomBytes(32).toString('base64')]);
  login = createAgovLogin({
    accounts: createAccountsRepository(db, secrets), identities: createAccountIdentitiesRepository(db), handOffs: createAgovHandOffsRepository(db),
    secrets, sessions: { idleMs: 60_000, maxMs: 3_600_000 },
  });
});

const person = (overrides: Partial<AgovPerson> = {}): AgovPerson => ({
  subject: randomUUID(), givenName: 'Anna', familyName: 'Muster', email: `${randomUUID()}@agov.example`, emailVerified: true,
  birthdate: '1990-04-01', locale: 'fr-CH', loa: 'loa-400', ...overrides,
});

describe('login with AGOV', () => {
  it('when the identity is linked to no account, then its code answers 404 and stays valid, and opens an active account without password once', async () => {
    const anna = person();
    const code = await login.handOffLogin(anna);
    await expect(login.logIn(code, 'test')).rejects.toMatchObject({ problem: { status: 404, type: expect.stringContaining('agov-identity-unknown') } });
    const opened = await login.openAccount(code, 'test');
    expect(opened.session.current).toBe(true);
    const account = await db('accounts').where({ id: opened.accountId }).first();
    expect(account).toMatchObject({ state: 'active', password_hash: null, first_name: 'Anna', language: 'fr' });
    await expect(login.openAccount(code, 'test')).rejects.toMatchObject({ problem: { status: 400, type: expect.stringContaining('agov-code-invalid') } });
    expect(await login.linkedIdentities(opened.accountId)).toEqual([{ provider: 'agov', linkedAt: expect.any(String) }]);
  });

  it('when the identity is known, then its code logs in to its account, once', async () => {
    const anna = person();
    const { accountId } = await login.openAccount(await login.handOffLogin(anna), undefined);
    const code = await login.handOffLogin(anna);
    expect((await login.logIn(code, undefined)).accountId).toBe(accountId);
    await expect(login.logIn(code, undefined)).rejects.toMatchObject({ problem: { status: 400 } });
  });

  it('when AGOV gave no verified address or the address is taken, then no account is opened', async () => {
    await expect(login.openAccount(await login.handOffLogin(person({ emailVerified: false })), undefined))
      .rejects.toMatchObject({ problem: { status: 422, type: expect.stringContaining('agov-email-unverified') } });
    const taken = person();
    await login.openAccount(await login.handOffLogin(taken), undefined);
    await expect(login.openAccount(await login.handOffLogin(person({ email: taken.email })), undefined))
      .rejects.toMatchObject({ problem: { status: 409, type: expect.stringContaining('email-taken') } });
  });

  it('when an account links an identity another account holds, then the linking ends there; an account without password cannot unlink', async () => {
    const anna = person();
    const { accountId: annas } = await login.openAccount(await login.handOffLogin(anna), undefined);
    const { accountId: other } = await login.openAccount(await login.handOffLogin(person()), undefined);
    expect(await login.handOffLink(other, anna)).toEqual({ outcome: 'linked-elsewhere' });
    expect(await login.handOffLink(randomUUID(), anna)).toEqual({ outcome: 'account-gone' });
    const own = await login.handOffLink(annas, anna);
    expect(own.outcome).toBe('confirmable');
    if (own.outcome !== 'confirmable') return;
    await expect(login.confirmLink(other, own.code)).rejects.toMatchObject({ problem: { status: 400 } });
    await login.confirmLink(annas, own.code);
    await expect(login.unlink(annas)).rejects.toMatchObject({ problem: { status: 409, type: expect.stringContaining('agov-only-login') } });
  });
});
