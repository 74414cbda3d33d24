import { randomInt } from 'node:crypto';

// Damm's quasigroup: a single check digit that catches every single-digit error and every
// transposition of neighbours (Luhn misses 09 ↔ 90), which is what people make when typing an ID.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function dammInterim(digits: string): number {
  let interim = 0;
  for (const char of digits) interim = DAMM[interim]![Number(char)]!;
  return interim;
}

/** The check digit for a string of digits. */
export function dammCheckDigit(digits: string): string {
  if (!/^\d*$/.test(digits)) throw new Error('digits only');
  return String(dammInterim(digits));
}

/** A new Konto-ID (ACC-3): 11 random digits, the first not 0, and Damm's check digit; 12 digits in all. */
export function newKontoId(): string {
  const body = String(randomInt(1, 10)) + Array.from({ length: 10 }, () => String(randomInt(0, 10))).join('');
  return body + dammCheckDigit(body);
}

/** `482177301594` → `4821-7730-1594`, as mails and "Meine Daten" show it. */
export function formatKontoId(id: string): string {
  return id.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');
}

/** Accepts what a person types (spaces, dashes) and answers the 12 digits if the check digit holds. */
export function parseKontoId(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) return undefined;
  return dammInterim(digits) === 0 ? digits : undefined;
}
