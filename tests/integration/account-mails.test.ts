/**
 * The account mails' outbox over the real API and mail server: a mail the server refuses, sent by
 * the API or by the account lifecycle job, waits in account_mail_outbox, sealed, and is delivered
 * once the server takes mail again (the test platform runs the outbox every second,
 * ACCOUNT_MAIL_EVERY_MS in global-setup.ts). The mail catcher is shared: while it refuses, other
 * files' mails wait in the outbox too, and arrive after.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addMonths } from '../../core/accounts/lifecycle-rules.ts';
import { createSecretBox } from '../../core/db/secret-box.ts';
import { lifecycleOfTestPlatform } from './support/account-lifecycle.ts';
import { activatedAccount, clientAddress, from, linkToken, mailsTo, TEST_PASSWORD } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function mailFaults(faults: { holdAll?: boolean }): Promise<void> {
  await fetch(new URL('/__sim/faults', inject('mailUrl')), { method: 'POST', body: JSON.stringify(faults) });
}

interface OutboxRow { id: string; kind: string; body: string; attempts: number }

/** The outbox rows whose sealed body is addressed to `email`: only the platform's key tells. */
async function waitingFor(email: string): Promise<OutboxRow[]> {
  const box = createSecretBox([inject('accountSecretsKey')]);
  const rows = await db('account_mail_outbox').select('id', 'kind', 'body', 'attempts') as OutboxRow[];
  return rows.filter((row) => (JSON.parse(box.open(row.body, `account-mail:${row.id}`)) as { to: string }).to === email);
}

describe('account mails through the outbox', () => {
  it('when the mail server refuses, then the activation mail waits sealed in the outbox and arrives once the faults are lifted, once', async () => {
    const email = `olga.outbox.${randomUUID().slice(0, 8)}@buerger.example`;
    await mailFaults({ holdAll: true });
    let waiting: OutboxRow[];
    try {
      const registered = await callApi('POST', '/accounts', {
        headers: from(clientAddress(email)), body: { firstName: 'Olga', lastName: 'Outbox', email, password: TEST_PASSWORD },
      });
      expect(registered.status).toBe(202);
      // Refused at once and by a periodic run at least: it waits in the outbox, where a dump shows neither the address nor the link.
      waiting = await eventually(async () => {
        const rows = await waitingFor(email);
        return rows.length === 1 && (rows[0]?.attempts ?? 0) >= 2 ? rows : undefined;
      }, 'the activation mail refused twice and waiting in the outbox', 20_000);
      expect(waiting[0]?.kind).toBe('welcome');
      expect(waiting[0]?.body).not.toMatch(/olga|gpl_|aktivieren/i);
      expect(await mailsTo(email)).toEqual([]);
    } finally {
      await mailFaults({});
    }

    const mail = await eventually(async () => (await mailsTo(email))[0], 'the activation mail after the faults were lifted', 30_000);
    expect(mail.subject).toBe('Gemeindeportal: Bitte aktivieren Sie Ihr Konto');
    expect(await db('account_mail_outbox').whereIn('id', waiting.map((row) => row.id))).toEqual([]);
    // Several runs later it has still arrived once, and its link works.
    await pause(3_000);
    expect(await mailsTo(email)).toHaveLength(1);
    const token = linkToken(mail, 'konto/aktivieren');
    expect((await callApi('POST', '/accounts/activation', { body: { token } })).status).toBe(204);
  });

  it('when the mail server refuses the notice of an automatic deletion, then it waits in the outbox and the platform delivers it once the faults are lifted', async () => {
    const email = await activatedAccount({ firstName: 'Nora', lastName: 'Nie', email: `nora.notice.${randomUUID().slice(0, 8)}@buerger.example` });
    const account = await db('accounts').whereRaw('lower(email) = lower(?)', [email]).first('id', 'created_at');
    const received = (await mailsTo(email)).length;
    // The job as the workers run it, with its own connection to the mail server; the platform's API delivers from the outbox.
    const lifecycle = lifecycleOfTestPlatform(db);
    await mailFaults({ holdAll: true });
    try {
      const neverUsedFor2Months = new Date(addMonths(new Date(account.created_at), 2).getTime() + 24 * 3600 * 1000);
      expect(await lifecycle.run(neverUsedFor2Months, { accountIds: [account.id] })).toMatchObject({ deletedNeverUsed: 1 });
      await lifecycle.close();
      expect(await db('accounts').where({ id: account.id })).toEqual([]);
      const waiting = await eventually(async () => {
        const rows = await waitingFor(email);
        return rows.length === 1 && (rows[0]?.attempts ?? 0) >= 2 ? rows : undefined;
      }, 'the deletion notice refused at once and by a periodic run', 20_000);
      expect(waiting[0]?.kind).toBe('deleted-never-used');
      expect(await mailsTo(email)).toHaveLength(received);
    } finally {
      await mailFaults({});
    }

    const notice = await eventually(async () => (await mailsTo(email)).slice(received)[0], 'the deletion notice after the faults were lifted', 30_000);
    expect(notice.subject).toMatch(/Ihr Konto wurde gelöscht/);
    expect(notice.text).toContain('nie angemeldet');
    await pause(3_000);
    expect(await mailsTo(email)).toHaveLength(received + 1);
  });
});
