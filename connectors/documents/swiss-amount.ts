/**
 * Amounts in francs as Swiss documents print them, the same in all four languages: the currency
 * first, the apostrophe between thousands, two decimals. By integer arithmetic, never through
 * binary floating point.
 */

/** 2010 → 'CHF 20.10', 123456 → 'CHF 1’234.56'; RangeError for anything but whole Rappen. */
export function formatChf(amountRappen: number): string {
  if (!Number.isSafeInteger(amountRappen)) throw new RangeError('formatChf expects whole Rappen');
  const sign = amountRappen < 0 ? '-' : '';
  const rappen = Math.abs(amountRappen);
  const francs = String(Math.trunc(rappen / 100)).replace(/\B(?=(\d{3})+$)/g, '’');
  return `CHF ${sign}${francs}.${String(rappen % 100).padStart(2, '0')}`;
}
