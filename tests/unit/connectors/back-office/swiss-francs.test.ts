import { describe, expect, it } from 'vitest';
import { formatFrancs, parseFrancs } from '../../../../connectors/back-office/swiss-francs.ts';

describe('Swiss francs and Rappen', () => {
  it.each([[125_000, '1250.00'], [5, '0.05'], [0, '0.00'], [29, '0.29'], [115, '1.15']])('when %i Rappen are written, then they read %s', (rappen, francs) => {
    expect(formatFrancs(rappen)).toBe(francs);
    expect(parseFrancs(francs)).toBe(rappen);
  });

  it.each([-1, 0.5, Number.NaN, 2 ** 53])('when %d is no whole non-negative amount, then there is no francs text', (rappen) => {
    expect(formatFrancs(rappen)).toBeUndefined();
  });

  it.each(['1250', '1250.0', '1250.000', '-1.00', '1e3.00', ' 1.00', ''])('when %j is not francs with two decimals, then it is not read', (text) => {
    expect(parseFrancs(text)).toBeUndefined();
  });
});
