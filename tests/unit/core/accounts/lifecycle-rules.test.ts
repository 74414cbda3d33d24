import { describe, expect, it } from 'vitest';
import { addMonths, lifecycleCutoffs, lifecycleStep, staleDraftsBefore, type LifecycleDates } from '../../../../core/accounts/lifecycle-rules.ts';

const d = (iso: string) => new Date(iso);
const opened = d('2026-01-15T10:00:00Z');
const account = (changes: Partial<LifecycleDates> = {}): LifecycleDates => ({ createdAt: opened, lastLoginAt: null, inactivityReminderAt: null, ...changes });

describe('calendar months', () => {
  it.each([
    ['2026-01-15T10:00:00Z', 2, '2026-03-15T10:00:00Z'],
    ['2026-08-31T00:00:00Z', 18, '2028-02-29T00:00:00Z'],
    ['2025-08-31T00:00:00Z', 18, '2027-02-28T00:00:00Z'],
    ['2026-12-31T12:00:00Z', 2, '2027-02-28T12:00:00Z'],
    ['2026-03-31T00:00:00Z', -1, '2026-02-28T00:00:00Z'],
  ])('when %s gets %i months, then it is %s (a missing day becomes the month\'s last)', (from, months, to) => {
    expect(addMonths(d(from), months).toISOString()).toBe(d(to).toISOString());
  });
});

describe('ACC-7 (a): an account never logged into', () => {
  it('when 2 months have not passed since it was opened, then nothing is due', () => {
    expect(lifecycleStep(account(), d('2026-03-15T09:59:59Z'))).toBeUndefined();
  });

  it('when 2 months have passed, then it is deleted, whether a reminder was ever sent or not', () => {
    expect(lifecycleStep(account(), d('2026-03-15T10:00:00Z'))).toBe('delete-never-used');
    expect(lifecycleStep(account({ inactivityReminderAt: d('2026-02-01T00:00:00Z') }), d('2026-04-01T00:00:00Z'))).toBe('delete-never-used');
  });
});

describe('ACC-7 (b): an account logged into', () => {
  const login = d('2026-02-01T08:00:00Z');

  it('when it logged in within 2 months, then it is not deleted at 2 months', () => {
    expect(lifecycleStep(account({ lastLoginAt: login }), d('2026-04-01T00:00:00Z'))).toBeUndefined();
  });

  it('when 18 months have passed since the last login, then a reminder is due, not before', () => {
    expect(lifecycleStep(account({ lastLoginAt: login }), d('2027-08-01T07:59:59Z'))).toBeUndefined();
    expect(lifecycleStep(account({ lastLoginAt: login }), d('2027-08-01T08:00:00Z'))).toBe('remind');
  });

  it('when the reminder was sent, then the deletion is due 2 months after it, not before, and no second reminder', () => {
    const reminded = account({ lastLoginAt: login, inactivityReminderAt: d('2027-08-03T00:00:00Z') });
    expect(lifecycleStep(reminded, d('2027-10-02T23:59:59Z'))).toBeUndefined();
    expect(lifecycleStep(reminded, d('2027-10-03T00:00:00Z'))).toBe('delete-inactive');
  });

  it('when the person logged in after the reminder, then the reminder no longer counts and the 18 months start again', () => {
    const back = account({ lastLoginAt: d('2027-09-01T00:00:00Z'), inactivityReminderAt: d('2027-08-03T00:00:00Z') });
    expect(lifecycleStep(back, d('2027-10-03T00:00:00Z'))).toBeUndefined();
    expect(lifecycleStep(back, d('2029-02-28T23:59:59Z'))).toBeUndefined();
    expect(lifecycleStep(back, d('2029-03-01T00:00:00Z'))).toBe('remind');
  });
});

describe('the database pre-selection', () => {
  it('when an account is due by the rule, then the cut-offs include it, also across short months', () => {
    const at = d('2028-02-29T00:00:00Z');
    const lastLoginAt = d('2026-08-31T00:00:00Z');
    expect(lifecycleStep(account({ createdAt: lastLoginAt, lastLoginAt }), at)).toBe('remind');
    expect(lastLoginAt <= lifecycleCutoffs(at).lastLoginBefore).toBe(true);
    const created = d('2027-12-31T00:00:00Z');
    expect(lifecycleStep(account({ createdAt: created }), at)).toBe('delete-never-used');
    expect(created <= lifecycleCutoffs(at).neverUsedCreatedBefore).toBe(true);
  });
});

describe('draft retention (INT-3)', () => {
  it('when drafts are judged at a time, then those untouched for the configured months are stale', () => {
    expect(staleDraftsBefore(d('2026-11-23T00:00:00Z'), 6).toISOString()).toBe('2026-05-23T00:00:00.000Z');
  });
});
