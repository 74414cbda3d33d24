import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/** A pending account mail as stored: its body sealed, only its kind readable. */
export interface OutboxMail {
  id: string;
  kind: string;
  /** Recipient, subject and text, sealed (see mail-delivery.ts). */
  body: string;
  /** Failed deliveries so far. */
  attempts: number;
  createdAt: Date;
  /** The delivery holding the mail; its updates count only while it still holds it. */
  claim: string;
}

/** The durable queue of account mails (migration 019). */
export interface AccountMailOutboxRepository {
  /** Stores a mail already claimed by the caller until `leaseUntil`, so that it can try it at once without another instance doing the same. */
  add(mail: { id: string; kind: string; body: string; createdAt: Date; leaseUntil: Date }): Promise<OutboxMail>;
  /**
   * Claims up to `limit` mails that are due at `at` (their retry time came, or the lease of a
   * delivery that never finished lapsed) until `leaseUntil`. Rows another instance is claiming
   * at the same moment are skipped, so each mail is claimed by one.
   */
  claimDue(at: Date, leaseUntil: Date, limit: number): Promise<OutboxMail[]>;
  /** The mail server accepted it: the row goes. False when the claim was lost meanwhile. */
  delivered(mail: OutboxMail): Promise<boolean>;
  /** Refused again: counted, and due again at `nextAttemptAt`. */
  retryLater(mail: OutboxMail, attempts: number, nextAttemptAt: Date): Promise<boolean>;
  /** Given up: the row goes. */
  drop(mail: OutboxMail): Promise<boolean>;
}

const toMail = (row: Record<string, unknown>): OutboxMail => ({
  id: row.id as string,
  kind: row.kind as string,
  body: row.body as string,
  attempts: Number(row.attempts),
  createdAt: new Date(row.created_at as string),
  claim: row.claim as string,
});

export function createAccountMailOutboxRepository(db: Knex): AccountMailOutboxRepository {
  const held = (mail: OutboxMail) => db('account_mail_outbox').where({ id: mail.id, claim: mail.claim });
  // `returning` rather than the affected count, which the embedded database's client does not answer for a delete.
  const one = (rows: unknown[]) => rows.length === 1;
  return {
    async add(mail) {
      const claim = randomUUID();
      await db('account_mail_outbox').insert({
        id: mail.id, kind: mail.kind, body: mail.body, attempts: 0, created_at: mail.createdAt, next_attempt_at: mail.leaseUntil, claim,
      });
      return { id: mail.id, kind: mail.kind, body: mail.body, attempts: 0, createdAt: mail.createdAt, claim };
    },

    async claimDue(at, leaseUntil, limit) {
      const claim = randomUUID();
      const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(`
        update account_mail_outbox o set claim = ?, next_attempt_at = ?
        from (select id from account_mail_outbox where next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked) due
        where o.id = due.id
        returning o.id, o.kind, o.body, o.attempts, o.created_at, o.claim`, [claim, leaseUntil, at, limit]);
      return rows.map(toMail);
    },

    async delivered(mail) {
      return one(await held(mail).delete().returning('id'));
    },

    async retryLater(mail, attempts, nextAttemptAt) {
      return one(await held(mail).update({ attempts, next_attempt_at: nextAttemptAt, claim: null }).returning('id'));
    },

    async drop(mail) {
      return one(await held(mail).delete().returning('id'));
    },
  };
}
