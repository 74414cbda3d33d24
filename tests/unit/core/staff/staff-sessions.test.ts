// Staff sessions on the embedded database (PGlite) with a clock of the test's own and a directory
// that answers as the test tells it.
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../../core/db/secret-box.ts';
import { migrateToLatest } from '../../../../core/db/migrate.ts';
import { createStaffRepository } from '../../../../core/db/staff-repository.ts';
import { createStaffSessionsRepository } from '../../../../core/db/staff-sessions-repository.ts';
import { createStaffSessions, type AskDirectory, type StaffMember, type StaffSessions } from '../../../../core/staff/staff-sessions.ts';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';

const embedded = useEmbeddedDatabase('staff-sessions', async (db) => {
  await migrateToLatest(db);
});
let db: Knex;
beforeAll(() => {
  db = embedded();
});

const MINUTE = 60_000;
const SETTINGS = { idleMs: 30 * MINUTE, maxMs: 10 * 60 * MINUTE, recheckMs: 5 * MINUTE };
const SANDRA: StaffMember = {
  id: 'sandra-sub', name: 'Sandra Meier', email: 'sandra@aarau.example', organisation: 'aarau', organisationKind: 'municipality',
  municipalities: ['aarau'], roles: ['clerk'], groups: ['4001-einwohnerkontrolle'],
};

let clock: Date;
let directory: Awaited<ReturnType<AskDirectory>>;
let asked: string[];
let sessions: StaffSessions;
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

function sessionsWith(askDirectory: AskDirectory | undefined): StaffSessions {
  const staff = createStaffRepository(db);
  return createStaffSessions({
    sessions: createStaffSessionsRepository(db), secrets: createSecretBox([randomBytes(32).toString('base64')]),
    ...(askDirectory ? { askDirectory } : {}), redescribe: (member) => staff.redescribe(member),
    settings: SETTINGS, now: () => clock, logger: pino({ level: 'silent' }),
  });
}

beforeEach(async () => {
  clock = new Date('2026-12-07T08:00:00Z');
  asked = [];
  directory = { outcome: 'confirmed', member: SANDRA, refreshToken: null };
  await createStaffRepository(db).remember(SANDRA);
  sessions = sessionsWith(async (refreshToken) => {
    asked.push(refreshToken);
    return directory;
  });
});

describe('staff sessions: expiry', () => {
  it('when a session is used, then it lives on; unused for the idle time, then it ends', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', 'Firefox');
    for (let i = 0; i < 5; i++) {
      later(20 * MINUTE);
      expect(await sessions.authenticate(token)).toMatchObject({ id: SANDRA.id, roles: ['clerk'] });
    }
    later(30 * MINUTE);
    expect(await sessions.authenticate(token)).toBeUndefined();
  });

  it('when a session is used all day, then it ends at its maximum age', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', undefined);
    for (let minutes = 20; minutes < 600; minutes += 20) {
      later(20 * MINUTE);
      expect(await sessions.authenticate(token), `after ${minutes} minutes`).toBeDefined();
    }
    later(20 * MINUTE);
    expect(await sessions.authenticate(token)).toBeUndefined();
  });

  it('when a session is ended, then its token is refused at once, and other sessions of the member go on', async () => {
    const first = await sessions.start(SANDRA, undefined, undefined);
    const second = await sessions.start(SANDRA, undefined, undefined);
    await sessions.end(first.session.sessionId);
    expect(await sessions.authenticate(first.token)).toBeUndefined();
    expect(await sessions.authenticate(second.token)).toBeDefined();
  });

  it('when a token is unknown, changed or of another kind, then it is refused', async () => {
    const { token } = await sessions.start(SANDRA, undefined, undefined);
    for (const other of [`${token.slice(0, -2)}xx`, token.replace('gpm_', 'gps_'), '', 'gpm_', 'eyJpZCI6ImhhY2tlciJ9.forged']) {
      expect(await sessions.authenticate(other), other).toBeUndefined();
    }
  });

  it('when ended, idle and expired sessions are swept, then live ones stay', async () => {
    const ended = await sessions.start(SANDRA, undefined, undefined);
    await sessions.end(ended.session.sessionId);
    await sessions.start(SANDRA, undefined, undefined);
    later(31 * MINUTE);
    const live = await sessions.start(SANDRA, undefined, undefined);
    expect(await sessions.sweep()).toBeGreaterThanOrEqual(2);
    expect(await sessions.authenticate(live.token)).toBeDefined();
    expect(await db('staff_sessions').whereIn('id', [ended.session.sessionId])).toEqual([]);
  });
});

describe('staff sessions: the directory is asked again', () => {
  it('when the recheck time has passed, then the directory is asked once with the refresh token, and its roles apply', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', undefined);
    later(4 * MINUTE);
    await sessions.authenticate(token);
    expect(asked).toEqual([]);
    directory = { outcome: 'confirmed', member: { ...SANDRA, roles: ['clerk', 'finance'], groups: [] }, refreshToken: 'rt-2' };
    later(2 * MINUTE);
    expect(await sessions.authenticate(token)).toMatchObject({ roles: ['clerk', 'finance'], groups: [] });
    expect(await sessions.authenticate(token)).toMatchObject({ roles: ['clerk', 'finance'] });
    expect(asked).toEqual(['rt-1']);
    // The next check uses the token the directory gave last; the staff list knows the new roles too.
    later(6 * MINUTE);
    await sessions.authenticate(token);
    expect(asked).toEqual(['rt-1', 'rt-2']);
    expect(JSON.parse(JSON.stringify((await db('staff_members').where({ id: SANDRA.id }).first()).roles))).toEqual(['clerk', 'finance']);
  });

  it('when requests race at the recheck, then only one asks the directory', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', undefined);
    later(6 * MINUTE);
    const answers = await Promise.all(Array.from({ length: 5 }, () => sessions.authenticate(token)));
    expect(answers.every((answer) => answer?.id === SANDRA.id)).toBe(true);
    expect(asked).toEqual(['rt-1']);
  });

  it('when the directory refuses the member, then the session ends', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', undefined);
    directory = { outcome: 'refused' };
    later(6 * MINUTE);
    expect(await sessions.authenticate(token)).toBeUndefined();
    directory = { outcome: 'confirmed', member: SANDRA, refreshToken: null };
    later(6 * MINUTE);
    expect(await sessions.authenticate(token)).toBeUndefined();
  });

  it('when the directory answers for another member, then the session ends', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', undefined);
    directory = { outcome: 'confirmed', member: { ...SANDRA, id: 'someone-else' }, refreshToken: null };
    later(6 * MINUTE);
    expect(await sessions.authenticate(token)).toBeUndefined();
  });

  it('when the directory cannot be reached, then the session keeps its roles and is checked again after the recheck time', async () => {
    const { token } = await sessions.start(SANDRA, 'rt-1', undefined);
    directory = { outcome: 'unreachable' };
    later(6 * MINUTE);
    expect(await sessions.authenticate(token)).toMatchObject({ roles: ['clerk'] });
    expect(await sessions.authenticate(token)).toMatchObject({ roles: ['clerk'] });
    expect(asked).toEqual(['rt-1']);
    later(6 * MINUTE);
    await sessions.authenticate(token);
    expect(asked).toEqual(['rt-1', 'rt-1']);
  });

  it('when the directory issued no refresh token, then the session keeps the claims of its login', async () => {
    const { token } = await sessions.start(SANDRA, undefined, undefined);
    later(6 * MINUTE);
    expect(await sessions.authenticate(token)).toMatchObject({ roles: ['clerk'] });
    expect(asked).toEqual([]);
  });

  it('when the table is read, then it holds neither the session token nor the refresh token in clear, and a sealed token copied to another session ends that session', async () => {
    const { token, session } = await sessions.start(SANDRA, 'refresh-token-of-the-directory', undefined);
    const row = JSON.stringify(await db('staff_sessions').where({ id: session.sessionId }).first());
    expect(row).not.toContain(token);
    expect(row).not.toContain('refresh-token-of-the-directory');
    // Sealed and bound to its session: copied into another session's row, it does not open.
    const other = await sessions.start(SANDRA, 'another-refresh-token', undefined);
    const sealed = (await db('staff_sessions').where({ id: session.sessionId }).first()).refresh_token as string;
    await db('staff_sessions').where({ id: other.session.sessionId }).update({ refresh_token: sealed });
    later(6 * MINUTE);
    expect(await sessions.authenticate(other.token)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
