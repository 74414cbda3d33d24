/**
 * Vemag's value conventions and their exact conversions to and from the port's: Swiss dates
 * 'DD.MM.YYYY', local Zurich date-times, francs as decimal strings, Latin-1 JSON bodies.
 * Pure functions, no I/O; adapter and simulator share them so that both sides agree.
 */
import type { IsoDate, Rappen } from '../port.ts';
import { formatFrancs, parseFrancs } from '../swiss-francs.ts';
import { isCalendarDay, zurichInstant, zurichOffsetMinutes, zurichWallClock } from '../../swiss-time.ts';

const SWISS_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SWISS_DATE_TIME = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** Whether 'DD.MM.YYYY' names a real calendar day (no 31.02.). */
export function isSwissDate(value: string): boolean {
  const match = SWISS_DATE.exec(value);
  return match !== null && isCalendarDay(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** '14.03.1985' → '1985-03-14'; undefined when it is no real calendar day. */
export function fromSwissDate(value: string): IsoDate | undefined {
  if (!isSwissDate(value)) return undefined;
  const [day, month, year] = value.split('.') as [string, string, string];
  return `${year}-${month}-${day}`;
}

/** '1985-03-14' → '14.03.1985'; RangeError when the input is no real calendar day. */
export function toSwissDate(value: IsoDate): string {
  const match = ISO_DATE.exec(value);
  if (match === null || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError('not an ISO calendar date');
  }
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** Rappen → '1250.00' with integer arithmetic only; RangeError for fractions or negatives. */
export function toFrancs(amount: Rappen): string {
  const francs = formatFrancs(amount);
  if (francs === undefined) throw new RangeError('not a whole, non-negative number of Rappen');
  return francs;
}

/** '1250.00' → 125000 without floating point; undefined unless exactly two decimals. */
export function fromFrancs(value: string): Rappen | undefined {
  return parseFrancs(value);
}

/**
 * An ISO 8601 instant with offset → Vemag's local Zurich time 'DD.MM.YYYY HH:MM:SS'. Vemag keeps
 * wall-clock times of the municipality; RangeError when the input is no instant.
 */
export function toZurichDateTime(instant: string): string {
  const at = new Date(instant);
  if (!/[T ]\d{2}:\d{2}/.test(instant) || Number.isNaN(at.getTime())) throw new RangeError('not an ISO 8601 instant');
  const clock = zurichWallClock(at);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${two(clock.day)}.${two(clock.month)}.${clock.year} ${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}`;
}

/** Vemag's 'DD.MM.YYYY HH:MM:SS' (Zurich wall clock) → ISO 8601 with the offset then in force. */
export function fromZurichDateTime(value: string): string | undefined {
  const match = SWISS_DATE_TIME.exec(value);
  if (match === null) return undefined;
  const [day, month, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zurichOffsetMinutes(zurichInstant({ year, month, day, hour, minute, second }));
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.trunc(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${match[3]}-${match[2]}-${match[1]}T${match[4]}:${match[5]}:${match[6]}${sign}${hh}:${mm}`;
}

/**
 * JSON text as Vemag sends it: ISO-8859-1 bytes. Characters outside Latin-1 become JSON escapes
 * (\uXXXX), which is still the same JSON value, instead of being lost.
 */
export function latin1Json(value: unknown): Uint8Array {
  const text = JSON.stringify(value).replace(/[\u0100-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(text, 'latin1');
}

export type VemagCharset = 'iso-8859-1' | 'windows-1252' | 'utf-8';

/**
 * The charset a Content-Type declares, in the spelling `decodeBody` takes. Vemag documents
 * ISO-8859-1 as its default, so a missing parameter means Latin-1; undefined for a charset that
 * cannot be decoded.
 */
export function declaredCharset(contentType: string | null): VemagCharset | undefined {
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (declared === undefined) return 'iso-8859-1';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso_8859-1'].includes(declared)) return 'iso-8859-1';
  if (['windows-1252', 'cp1252'].includes(declared)) return 'windows-1252';
  if (['utf-8', 'utf8'].includes(declared)) return 'utf-8';
  return undefined;
}

