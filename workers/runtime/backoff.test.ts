import { describe, expect, it } from 'vitest';
import { retryBackoffMs, type BackoffPolicy } from './backoff.ts';

const policy: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };
const always = (value: number) => (): number => value;

describe('retryBackoffMs', () => {
  it.each([
    { failures: 0, ceiling: 1_000 },
    { failures: 1, ceiling: 2_000 },
    { failures: 2, ceiling: 4_000 },
    { failures: 5, ceiling: 32_000 },
  ])('when the job failed $failures times, then the ceiling is base * 2^n = $ceiling', ({ failures, ceiling }) => {
    expect(retryBackoffMs(policy, failures, always(1))).toBe(ceiling);
    expect(retryBackoffMs(policy, failures, always(0))).toBe(ceiling / 2);
  });

  it.each([6, 10, 60, 2_000])('when base * 2^%i exceeds maxMs, then the wait is capped at maxMs', (failures) => {
    expect(retryBackoffMs(policy, failures, always(1))).toBe(60_000);
    expect(retryBackoffMs(policy, failures, always(0))).toBe(30_000);
  });

  it('when the failure count is negative, then it counts as the first failure', () => {
    expect(retryBackoffMs(policy, -3, always(1))).toBe(1_000);
  });

  it.each([
    { random: 0, expected: 2_000 },
    { random: 0.25, expected: 2_500 },
    { random: 0.5, expected: 3_000 },
    { random: 0.999_999, expected: 4_000 },
    { random: 1, expected: 4_000 },
  ])('when random() returns $random, then the wait is $expected ms, within [ceiling/2, ceiling]', ({ random, expected }) => {
    const waited = retryBackoffMs(policy, 2, always(random));
    expect(waited).toBe(expected);
    expect(waited).toBeGreaterThanOrEqual(2_000);
    expect(waited).toBeLessThanOrEqual(4_000);
  });

  it('when no random source is given, then Math.random keeps the wait within [ceiling/2, ceiling]', () => {
    for (let round = 0; round < 200; round += 1) {
      const waited = retryBackoffMs(policy, 3);
      expect(waited).toBeGreaterThanOrEqual(4_000);
      expect(waited).toBeLessThanOrEqual(8_000);
    }
  });

  it('when the ceiling is odd, then the wait is rounded to whole milliseconds', () => {
    expect(retryBackoffMs({ baseMs: 3, maxMs: 100 }, 0, always(0))).toBe(2);
  });
});
