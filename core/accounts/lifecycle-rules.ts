// ACC-7 and the draft retention of INT-3 as pure functions of an account's dates and the time of
// the run: the lifecycle job applies them to the rows it reads, and unit tests to any date.

/** The periods of ACC-7, in calendar months. */
export interface LifecyclePeriods {
  /** An account never logged into is deleted this long after it was opened, activated or not. */
  neverUsedMonths: number;
  /** A reminder goes out this long after the last successful login… */
  reminderAfterMonths: number;
  /** …and without a login since, the account is deleted this long after the reminder. */
  deletionAfterReminderMonths: number;
}

export const ACC7_PERIODS: LifecyclePeriods = { neverUsedMonths: 2, reminderAfterMonths: 18, deletionAfterReminderMonths: 2 };

/** The dates of an account that the lifecycle looks at. */
export interface LifecycleDates {
  createdAt: Date;
  lastLoginAt: Date | null;
  /** When the inactivity reminder was delivered; null when none was. */
  inactivityReminderAt: Date | null;
}

export type LifecycleStep = 'delete-never-used' | 'remind' | 'delete-inactive';

/**
 * `date` plus `months` calendar months (UTC); a day the target month lacks becomes its last day
 * (31 August + 18 months = 28 or 29 February), so a period never ends early.
 */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * What is due for the account at `at`, or undefined. A reminder counts only if it is newer than
 * the last login: a login after the reminder starts the 18 months afresh.
 */
export function lifecycleStep(account: LifecycleDates, at: Date, periods: LifecyclePeriods = ACC7_PERIODS): LifecycleStep | undefined {
  if (account.lastLoginAt === null) {
    return addMonths(account.createdAt, periods.neverUsedMonths) <= at ? 'delete-never-used' : undefined;
  }
  const reminder = account.inactivityReminderAt;
  if (reminder !== null && reminder >= account.lastLoginAt) {
    return addMonths(reminder, periods.deletionAfterReminderMonths) <= at ? 'delete-inactive' : undefined;
  }
  return addMonths(account.lastLoginAt, periods.reminderAfterMonths) <= at ? 'remind' : undefined;
}

/**
 * The newest `created_at` / `last_login_at` that can be due at `at`: a generous bound for the
 * database's pre-selection (a few days early), the rule above decides.
 */
export function lifecycleCutoffs(at: Date, periods: LifecyclePeriods = ACC7_PERIODS): { neverUsedCreatedBefore: Date; lastLoginBefore: Date } {
  const slack = 4 * 24 * 3600 * 1000;
  return {
    neverUsedCreatedBefore: new Date(addMonths(at, -periods.neverUsedMonths).getTime() + slack),
    lastLoginBefore: new Date(addMonths(at, -periods.reminderAfterMonths).getTime() + slack),
  };
}

/** INT-3: a draft untouched since before this is deleted at `at`. */
export function staleDraftsBefore(at: Date, retentionMonths: number): Date {
  return addMonths(at, -retentionMonths);
}
