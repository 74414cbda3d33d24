/**
 * Amounts as most Swiss back offices write them, francs with two decimals ('1250.00'), and the
 * port's Rappen — by integer arithmetic, never through binary floating point.
 */
import type { Rappen } from './port.ts';

/** 125000 → '1250.00', 5 → '0.05'; undefined for anything but a non-negative safe integer. */
export function formatFrancs(amount: Rappen): string | undefined {
  if (!Number.isSafeInteger(amount) || amount < 0) return undefined;
  return `${Math.trunc(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}

/** '1250.00' → 125000; undefined unless digits, a point and exactly two decimals. */
export function parseFrancs(text: string): Rappen | undefined {
  const match = /^(\d{1,13})\.(\d{2})$/.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * 100 + Number(match[2]);
}
