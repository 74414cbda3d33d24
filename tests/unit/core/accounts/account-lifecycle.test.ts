import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../../../../connectors/email/mailer.ts';
import { createAccountLifecycle } from '../../../../core/accounts/account-lifecycle.ts';
import type { AccountDeletionRepository, HandedOnManagement, LifecycleAccount } from '../../../../core/db/account-deletion-repository.ts';

const d = (iso: string) => new Date(iso);

/** The repository over a list of accounts; `onLock` may change an account between read and lock (a login racing the job). */
function fakeDeletion(accounts: LifecycleAccount[], onLock: (account: LifecycleAccount) => void = () => undefined, handedOn: HandedOnManagement[] = []) {
  const rows = new Map(accounts.map((a) => [a.id, { ...a }]));
  const repository = {
    transaction: async (work: (trx: never) => Promise<unknown>) => work(undefined as never),
    find: async (id: string) => rows.get(id),
    lock: async (id: string) => {
      const row = rows.get(id);
      if (row) onLock(row);
      return row && { ...row };
    },
    candidates: async () => [...rows.values()].map((row) => ({ ...row })),
    blockers: async () => ({ pendingCases: 0, lastManagerOf: [] }),
    markDeletionRequested: async () => undefined,
    markReminded: async (id: string, at: Date) => {
      const row = rows.get(id);
      if (row) row.inactivityReminderAt = at;
      return Boolean(row);
    },
    handOnManagement: async () => handedOn,
    deleteAccount: async (id: string) => rows.delete(id),
    deleteStaleDrafts: async () => 0,
  } as unknown as AccountDeletionRepository;
  return { repository, rows };
}

function fakeMailer(fail = false): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    send: async (mail) => {
      if (fail) throw new Error('421 try later');
      sent.push(mail);
    },
    close: () => undefined,
  };
}

const account = (id: string, changes: Partial<LifecycleAccount>): LifecycleAccount => ({
  id, email: `${id}@example.ch`, firstName: 'Vera', lastName: id, language: 'de', state: 'active',
  createdAt: d('2025-01-01T00:00:00Z'), lastLoginAt: null, inactivityReminderAt: null, ...changes,
});

const settings = { publicUrl: 'https://portal.example.ch', draftRetentionMonths: 6 };
const logger = pino({ level: 'silent' });

/** The job with a fake mail server for the reminders; the notices it stores in the outbox stand delivered through the same server. */
function lifecycle(repository: AccountDeletionRepository, mailer: ReturnType<typeof fakeMailer> | undefined) {
  const notify = (to: string, mail: { subject: string; text: string }) => void mailer?.send({ to, subject: mail.subject, text: mail.text }).catch(() => undefined);
  return createAccountLifecycle({ deletion: repository, mailer, notify, logger, settings });
}

describe('the account lifecycle job', () => {
  it('when accounts were never used, then both are deleted, but only the activated one is told (the other address was never confirmed)', async () => {
    const { repository, rows } = fakeDeletion([account('pending', { state: 'pending' }), account('active', {})]);
    const mailer = fakeMailer();
    const summary = await lifecycle(repository, mailer)(d('2025-03-02T00:00:00Z'));
    expect(summary.deletedNeverUsed).toBe(2);
    expect(rows.size).toBe(0);
    expect(mailer.sent.map((m) => m.to)).toEqual(['active@example.ch']);
  });

  it('when the reminder cannot be delivered, then it is not recorded, so no deletion follows without it', async () => {
    const { repository, rows } = fakeDeletion([account('quiet', { lastLoginAt: d('2025-01-02T00:00:00Z') })]);
    const run = lifecycle(repository, fakeMailer(true));
    expect(await run(d('2026-07-03T00:00:00Z'))).toMatchObject({ reminded: 0, remindersNotSent: 1 });
    expect(rows.get('quiet')?.inactivityReminderAt).toBeNull();
    expect(await run(d('2026-09-04T00:00:00Z'))).toMatchObject({ deletedInactive: 0, remindersNotSent: 1 });
    expect(rows.has('quiet')).toBe(true);
  });

  it('when there is no mail server, then no reminder goes out and nobody is deleted for inactivity', async () => {
    const { repository, rows } = fakeDeletion([account('nosmtp', { lastLoginAt: d('2025-01-02T00:00:00Z') })]);
    const run = lifecycle(repository, undefined);
    expect(await run(d('2027-01-01T00:00:00Z'))).toMatchObject({ reminded: 0, deletedInactive: 0, remindersNotSent: 1 });
    expect(rows.has('nosmtp')).toBe(true);
  });

  it('when the reminder is delivered, then it names the deletion date in the account\'s language and links to the login', async () => {
    const { repository } = fakeDeletion([account('fr', { language: 'fr', lastLoginAt: d('2025-01-02T00:00:00Z') })]);
    const mailer = fakeMailer();
    await lifecycle(repository, mailer)(d('2026-07-03T10:00:00Z'));
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.subject).toBe('Portail communal : votre compte sera bientôt supprimé');
    expect(mailer.sent[0]?.text).toContain('3 septembre 2026');
    expect(mailer.sent[0]?.text).toContain('https://portal.example.ch/konto/anmelden');
  });

  it('when the person logs in between the job\'s read and its deletion, then the account stays', async () => {
    const reminded = account('racing', { lastLoginAt: d('2025-01-02T00:00:00Z'), inactivityReminderAt: d('2026-07-03T00:00:00Z') });
    const { repository, rows } = fakeDeletion([reminded], (row) => { row.lastLoginAt = d('2026-09-03T23:59:00Z'); });
    const mailer = fakeMailer();
    expect(await lifecycle(repository, mailer)(d('2026-09-04T00:00:00Z'))).toMatchObject({ deletedInactive: 0 });
    expect(rows.has('racing')).toBe(true);
    expect(mailer.sent).toEqual([]);
  });

  it('when an account deleted for inactivity was the only manager of an organisation, then the member who takes over is told, in their language', async () => {
    const handedOn = [{
      organisationId: 'o1', organisationName: 'Turnverein Aarau',
      successor: { id: 'kurt', email: 'kurt@example.ch', firstName: 'Kurt', lastName: 'Nachfolger', language: 'it' },
    }];
    const { repository } = fakeDeletion([account('jana', { lastLoginAt: d('2024-01-01T00:00:00Z'), inactivityReminderAt: d('2025-07-02T00:00:00Z') })], undefined, handedOn);
    const mailer = fakeMailer();
    const summary = await lifecycle(repository, mailer)(d('2025-09-03T00:00:00Z'));
    expect(summary.deletedInactive).toBe(1);
    const notice = mailer.sent.find((mail) => mail.to === 'kurt@example.ch');
    expect(notice?.subject).toBe("Portale comunale: ora è responsabile dell'organizzazione Turnverein Aarau");
    expect(notice?.text).toContain('Buongiorno Kurt Nachfolger');
  });
});
