import { describe, expect, it } from 'vitest';
import { zurichMidnight } from '../../../../core/payments/swiss-day.ts';

describe('zurichMidnight', () => {
  it.each([
    ['2026-11-22', '2026-11-21T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
  ])('when the day is %s, then it begins at %s', (date, instant) => {
    expect(zurichMidnight(date).toISOString()).toBe(instant);
  });
});
