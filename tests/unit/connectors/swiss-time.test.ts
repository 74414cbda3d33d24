import { describe, expect, it } from 'vitest';
import { formatZurichDay, isCalendarDay, zurichInstant, zurichIsoDate, zurichMidnight, zurichWallClock } from '../../../connectors/swiss-time.ts';

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

describe('the wall clock in Zurich', () => {
  it.each([
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-07-31T21:59:59Z', '2026-07-31'],
    ['2026-07-31T22:00:00Z', '2026-08-01'],
  ])('when it is %s, then the Swiss calendar day is %s', (instant, day) => {
    expect(zurichIsoDate(new Date(instant))).toBe(day);
  });

  it('when a wall-clock time falls on the autumn switch day, then its instant carries the winter offset afterwards', () => {
    expect(zurichInstant({ year: 2026, month: 10, day: 25, hour: 12 }).toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(zurichWallClock(new Date('2026-10-25T11:00:00Z'))).toEqual({ year: 2026, month: 10, day: 25, hour: 12, minute: 0, second: 0 });
  });

  it.each([
    [2024, 2, 29, true], [2026, 2, 29, false], [1900, 2, 29, false], [2000, 2, 29, true], [2026, 4, 31, false], [2026, 13, 1, false], [0, 1, 1, false],
  ])('when the day is %i-%i-%i, then it is a calendar day: %s', (year, month, day, expected) => {
    expect(isCalendarDay(year, month, day)).toBe(expected);
  });

  it.each([
    ['de', 'numeric', '07.12.2026'], ['en', 'numeric', '07/12/2026'], ['de', 'long', '7. Dezember 2026'], ['fr', 'long', '7 décembre 2026'],
  ] as const)('when a day is written in %s (%s), then it reads %s', (language, style, text) => {
    expect(formatZurichDay(new Date('2026-12-06T23:30:00Z'), language, style)).toBe(text);
  });
});
