import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../../../../connectors/email/mailer.ts';
import type { AccountMailOutboxRepository, OutboxMail } from '../../../../core/db/account-mail-outbox-repository.ts';
import { createAccountMailDelivery, retryDelayMs } from '../../../../core/accounts/mail-delivery.ts';
import { createSecretBox } from '../../../../core/db/secret-box.ts';

function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
  return { logger, lines };
}

/** Refuses the first `failures` mails as a real server would, quoting the recipient. */
function flakyMailer(failures: number): Mailer & { sent: OutgoingMail[] } {
  let left = failures;
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      if (left > 0) {
        left -= 1;
        throw new Error(`451 4.3.0 <${mail.to}>: Mailbox temporarily unavailable`);
      }
      sent.push(mail);
    },
    close: () => undefined,
  };
}

interface Row { mail: OutboxMail; nextAttemptAt: Date; claim: string | null }

/** The outbox's contract in memory: claims, leases and stale claims as the table keeps them. */
function memoryOutbox(): AccountMailOutboxRepository & { rows: Map<string, Row> } {
  const rows = new Map<string, Row>();
  let claims = 0;
  const held = (mail: OutboxMail) => {
    const row = rows.get(mail.id);
    return row && row.claim === mail.claim ? row : undefined;
  };
  const view = (row: Row): OutboxMail => ({ ...row.mail, claim: row.claim as string });
  return {
    rows,
    async add(mail) {
      const claim = `claim-${claims += 1}`;
      rows.set(mail.id, { mail: { id: mail.id, kind: mail.kind, body: mail.body, attempts: 0, createdAt: mail.createdAt, claim }, nextAttemptAt: mail.leaseUntil, claim });
      return view(rows.get(mail.id) as Row);
    },
    async claimDue(at, leaseUntil, limit) {
      const claim = `claim-${claims += 1}`;
      const due = [...rows.values()].filter((row) => row.nextAttemptAt <= at).slice(0, limit);
      for (const row of due) Object.assign(row, { claim, nextAttemptAt: leaseUntil });
      return due.map(view);
    },
    async delivered(mail) {
      return Boolean(held(mail)) && rows.delete(mail.id);
    },
    async retryLater(mail, attempts, nextAttemptAt) {
      const row = held(mail);
      if (!row) return false;
      Object.assign(row, { mail: { ...row.mail, attempts }, nextAttemptAt, claim: null });
      return true;
    },
    async drop(mail) {
      return Boolean(held(mail)) && rows.delete(mail.id);
    },
  };
}

const MAIL = { subject: 'Gemeindeportal: Passwort zurücksetzen', text: 'Link: https://portal.example/konto/passwort-zuruecksetzen?token=gpl_secret' };
const EVERY_MS = 10_000;

function setUp(mailer: Mailer | undefined) {
  const clock = { now: new Date('2026-03-01T08:00:00Z') };
  const outbox = memoryOutbox();
  const { logger, lines } = capturingLogger();
  const secrets = createSecretBox([randomBytes(32).toString('base64')]);
  const delivery = createAccountMailDelivery({ outbox, secrets, mailer, logger, settings: { everyMs: EVERY_MS }, now: () => clock.now });
  const advance = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };
  return { clock, outbox, lines, secrets, delivery, advance };
}

describe('account mail delivery through the outbox', () => {
  it('when the server accepts at once, then the mail is sent and nothing stays in the outbox', async () => {
    const mailer = flakyMailer(0);
    const { outbox, delivery } = setUp(mailer);
    delivery.send('rita@buerger.example', MAIL, 'password-reset');
    await delivery.idle();
    expect(mailer.sent).toEqual([{ to: 'rita@buerger.example', ...MAIL }]);
    expect(outbox.rows.size).toBe(0);
  });

  it('when the server refuses at first, then the mail waits sealed in the outbox and a later run delivers it, once', async () => {
    const mailer = flakyMailer(1);
    const { outbox, delivery, advance } = setUp(mailer);
    delivery.send('rita@buerger.example', MAIL, 'password-reset');
    await delivery.idle();
    expect(mailer.sent).toEqual([]);
    const [row] = [...outbox.rows.values()];
    expect(row?.mail.attempts).toBe(1);
    // Neither the address nor the link's token can be read from the table.
    expect(row?.mail.body).not.toMatch(/rita|gpl_|Passwort/);
    expect(row?.mail.kind).toBe('password-reset');

    // Not due before the first retry time.
    expect(await delivery.deliverDue()).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    advance(EVERY_MS);
    expect(await delivery.deliverDue()).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    advance(EVERY_MS * 10);
    expect(await delivery.deliverDue()).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    expect(mailer.sent).toEqual([{ to: 'rita@buerger.example', ...MAIL }]);
    expect(outbox.rows.size).toBe(0);
  });

  it('when the server refuses for a day, then the mail is given up with an error naming its kind, never the address or the link', async () => {
    const mailer = flakyMailer(Number.MAX_SAFE_INTEGER);
    const { outbox, delivery, advance, lines } = setUp(mailer);
    delivery.send('rita@buerger.example', MAIL, 'password-reset');
    await delivery.idle();
    let runs = 0;
    while (outbox.rows.size > 0 && runs < 3_000) {
      advance(60_000);
      await delivery.deliverDue();
      runs += 1;
    }
    expect(outbox.rows.size).toBe(0);
    expect(runs * 60_000).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);
    expect(runs * 60_000).toBeGreaterThan(20 * 3_600_000);
    const log = lines.join('\n');
    const givenUp = lines.filter((line) => line.includes('account mail given up'));
    expect(givenUp).toHaveLength(1);
    expect(JSON.parse(givenUp[0] as string)).toMatchObject({ level: 50, kind: 'password-reset' });
    expect(log).not.toContain('rita');
    expect(log).not.toContain('gpl_');
    expect(log).toContain('<address>');
  });

  it('when a process stopped while holding a mail, then another takes it up once the lease has lapsed, and not before', async () => {
    const mailer = flakyMailer(0);
    const { outbox, delivery, advance, secrets, clock } = setUp(mailer);
    // Stored and claimed by a process that died before its attempt.
    const id = 'left-by-a-stopped-process';
    const body = secrets.seal(JSON.stringify({ to: 'rita@buerger.example', ...MAIL }), `account-mail:${id}`);
    await outbox.add({ id, kind: 'welcome', body, createdAt: clock.now, leaseUntil: new Date(clock.now.getTime() + 5 * 60_000) });
    expect(await delivery.deliverDue()).toMatchObject({ sent: 0 });
    advance(5 * 60_000);
    expect(await delivery.deliverDue()).toMatchObject({ sent: 1 });
    expect(mailer.sent).toEqual([{ to: 'rita@buerger.example', ...MAIL }]);
  });

  it('when two instances run the outbox at once, then each mail is sent by one of them', async () => {
    const mailer = flakyMailer(2);
    const { outbox, delivery, advance, lines, secrets, clock } = setUp(mailer);
    const other = createAccountMailDelivery({
      outbox, secrets, mailer, logger: capturingLogger().logger, settings: { everyMs: EVERY_MS }, now: () => clock.now,
    });
    delivery.send('rita@buerger.example', MAIL, 'password-reset');
    delivery.send('max@buerger.example', MAIL, 'welcome');
    await delivery.idle();
    advance(EVERY_MS);
    const runs = await Promise.all([delivery.deliverDue(), other.deliverDue()]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
    expect(mailer.sent.map((mail) => mail.to).sort()).toEqual(['max@buerger.example', 'rita@buerger.example']);
    expect(lines.join('\n')).not.toContain('given up');
  });

  it('when the answer is given, then the mail has not been waited for', async () => {
    let release = () => undefined as void;
    const sent: OutgoingMail[] = [];
    const slow: Mailer = { send: (mail) => new Promise<void>((resolve) => { release = () => { sent.push(mail); resolve(); }; }), close: () => undefined };
    const { delivery } = setUp(slow);
    const returned = delivery.send('rita@buerger.example', MAIL, 'password-reset');
    expect(returned).toBeUndefined();
    let idle = false;
    const waiting = delivery.idle().then(() => { idle = true; });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(sent).toHaveLength(1);
  });

  it('when no mail server is configured, then nothing is stored and the log says so by kind', async () => {
    const { outbox, delivery, lines } = setUp(undefined);
    delivery.send('rita@buerger.example', MAIL, 'password-reset');
    await delivery.idle();
    expect(outbox.rows.size).toBe(0);
    expect(lines.join('\n')).toContain('SMTP_URL is not set');
    expect(lines.join('\n')).not.toContain('rita');
  });

  it('when retries are spaced, then they double from the run interval up to an hour', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 10_000))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, 10_000)).toBe(3_600_000);
  });
});
