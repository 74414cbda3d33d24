/**
 * OBT's XML Schema values and the port's: CHF decimals and Rappen (exact, by string arithmetic,
 * never through binary floating point), xs:date, xs:boolean, integers and coordinates. Readers
 * trim, as XML Schema collapses white space in these types.
 */
import type { IsoDate, Rappen } from '../port.ts';
import { formatFrancs } from '../swiss-francs.ts';

/** The text does not hold the expected XML Schema value; the message never quotes it. */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

/** 125000 → '1250.00'; 5 → '0.05'. */
export function rappenToChf(amount: Rappen): string {
  const francs = formatFrancs(Math.abs(amount));
  if (francs === undefined) throw new RangeError('an amount in Rappen must be a safe integer');
  return amount < 0 ? `-${francs}` : francs;
}

/** xs:decimal CHF with at most two significant decimals → Rappen: '1250.00' → 125000, '0.05' → 5, '12.5' → 1250. */
export function chfToRappen(text: string): Rappen {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  const [, sign = '', francs = '', decimals = ''] = match ?? [];
  const fraction = decimals.replace(/0+$/, '');
  if (match === null || (francs === '' && decimals === '') || fraction.length > 2) {
    throw new ValueError('not a CHF amount with at most two decimals');
  }
  const rappen = Number(francs === '' ? '0' : francs) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(rappen)) throw new ValueError('CHF amount out of range');
  return sign === '-' && rappen !== 0 ? -rappen : rappen;
}

/** xs:date → 'YYYY-MM-DD'; a time zone suffix is dropped (a calendar date has none in the port). */
export function readDate(text: string): IsoDate {
  const match = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (match?.[1] === undefined) throw new ValueError('not an xs:date');
  return match[1];
}

/** xs:boolean: 'true', 'false', '1', '0'. */
export function readBoolean(text: string): boolean {
  switch (text.trim()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      throw new ValueError('not an xs:boolean');
  }
}

export function writeBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/** xs:int / xs:nonNegativeInteger within the safe integer range. */
export function readInteger(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw new ValueError('not an integer');
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) throw new ValueError('integer out of range');
  return value === 0 ? 0 : value;
}

/**
 * A coordinate as xs:decimal: fixed notation (xs:decimal has no exponent), at most 7 decimals
 * (about 1 cm), trailing zeros dropped.
 */
export function writeDegrees(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('a coordinate must be a finite number');
  const fixed = value.toFixed(7).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** xs:decimal → number, for coordinates (not for money, see `chfToRappen`). */
export function readDecimal(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) throw new ValueError('not an xs:decimal');
  return Number(trimmed);
}
