import type { Ajv } from 'ajv';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** A calendar day PostgreSQL's `date` takes: years 1 to 9999 (it has no year 0), a day the month has. */
function isDay(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leapYear ? 29 : DAYS_IN_MONTH[month - 1] ?? 0);
}

/** RFC 3339 as PostgreSQL's `timestamptz` takes it: a day as above, a leap second, offsets of real time zones (±14 h). */
function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match || !isDay(match[1] ?? '')) return false;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (match[5] === undefined) return true;
  const [offsetHours, offsetMinutes] = [Number(match[6]), Number(match[7])];
  return offsetMinutes <= 59 && offsetHours * 60 + offsetMinutes <= 14 * 60;
}

/**
 * The formats of the request schemas, no wider than what the database takes: ajv-formats'
 * `uuid` also accepts `urn:uuid:…`, its `date` the year 0000 and its `date-time` offsets up to
 * 23:59, all of which PostgreSQL refuses, so such a request failed with 500 instead of 400.
 * Added after ajv-formats, whose formats of these names it replaces.
 */
export function tightenInputFormats(ajv: Ajv): void {
  ajv.addFormat('uuid', UUID);
  ajv.addFormat('date', isDay);
  ajv.addFormat('date-time', isDateTime);
}
