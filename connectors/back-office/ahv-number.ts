/**
 * The Swiss AHV number (AHVN13, eCH-0044 "vn"): 13 digits, written '756.xxxx.xxxx.xc', where
 * 756 is Switzerland's country prefix and c is an EAN-13 check digit over the first 12 digits.
 * Pure functions, no I/O.
 */

const FORMATTED = /^756\.\d{4}\.\d{4}\.\d{2}$/;
const DIGITS_ONLY = /^756\d{10}$/;

/** EAN-13 check digit of 12 digits: weights 1, 3, 1, 3, ... from the left. */
export function ahvCheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) {
    throw new RangeError('ahvCheckDigit needs exactly 12 digits');
  }
  let sum = 0;
  for (let index = 0; index < 12; index += 1) {
    sum += Number(twelveDigits[index]) * (index % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid AHV number in its two spellings. */
export type AhvNumber = {
  /** '756.1234.5678.97' */
  readonly formatted: string;
  /** '7561234567897' */
  readonly digits: string;
};

/**
 * Parses '756.1234.5678.97' or '7561234567897' (surrounding white space ignored) and checks the
 * prefix and check digit; null when the input is not a valid AHV number.
 */
export function parseAhvNumber(input: string): AhvNumber | null {
  const trimmed = input.trim();
  if (!FORMATTED.test(trimmed) && !DIGITS_ONLY.test(trimmed)) {
    return null;
  }
  const digits = trimmed.replaceAll('.', '');
  if (ahvCheckDigit(digits.slice(0, 12)) !== Number(digits[12])) {
    return null;
  }
  const formatted = `${digits.slice(0, 3)}.${digits.slice(3, 7)}.${digits.slice(7, 11)}.${digits.slice(11)}`;
  return { formatted, digits };
}

/** Whether the input is a valid AHV number (either spelling, see `parseAhvNumber`). */
export function isValidAhvNumber(input: string): boolean {
  return parseAhvNumber(input) !== null;
}
