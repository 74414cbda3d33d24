import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';
import { createAccountMailOutboxRepository } from '../../../../core/db/account-mail-outbox-repository.ts';
import { up } from '../../../../core/db/migrations/019-account-mail-outbox.ts';

// The outbox's SQL on the embedded PostgreSQL (PGlite): migration 019 alone, no other table needed.
const embedded = useEmbeddedDatabase('outbox', up);
let db: Knex;
beforeAll(() => {
  db = embedded();
});

const at = new Date('2026-03-01T08:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('account mail outbox (table)', () => {
  it('when mails are due, then each is claimed by one run, and a claim holds until its lease lapses', async () => {
    const outbox = createAccountMailOutboxRepository(db);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      const mail = await outbox.add({ id, kind: 'welcome', body: 'gpe1:sealed', createdAt: at, leaseUntil: later(1_000) });
      expect(await outbox.retryLater(mail, 1, at)).toBe(true);
    }
    const [first, second] = await Promise.all([outbox.claimDue(at, later(60_000), 2), outbox.claimDue(at, later(60_000), 2)]);
    const claimed = [...(first ?? []), ...(second ?? [])].map((mail) => mail.id);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(await outbox.claimDue(later(59_000), later(120_000), 10)).toEqual([]);
    // A claim that lapsed is taken over; the earlier holder can no longer delete or reschedule it.
    const stale = first?.[0] as NonNullable<typeof first>[number];
    const takenOver = await outbox.claimDue(later(60_000), later(120_000), 10);
    expect(takenOver.map((mail) => mail.id).sort()).toEqual([...ids].sort());
    expect(takenOver.every((mail) => mail.attempts === 1 && mail.claim !== stale.claim)).toBe(true);
    expect(await outbox.delivered(stale)).toBe(false);
    expect(await outbox.retryLater(stale, 5, at)).toBe(false);
    expect(await outbox.drop(stale)).toBe(false);
    expect(await db('account_mail_outbox').whereIn('id', ids)).toHaveLength(3);
    for (const mail of takenOver) expect(await outbox.drop(mail)).toBe(true);
  });

  it('when a delivery finished, then its row is gone', async () => {
    const outbox = createAccountMailOutboxRepository(db);
    const mail = await outbox.add({ id: randomUUID(), kind: 'password-reset', body: 'gpe1:sealed', createdAt: at, leaseUntil: later(300_000) });
    expect(await outbox.claimDue(later(1_000), later(301_000), 10)).toEqual([]);
    expect(await outbox.delivered(mail)).toBe(true);
    expect(await db('account_mail_outbox').where({ id: mail.id })).toEqual([]);
  });
});
