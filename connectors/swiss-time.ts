/**
 * Swiss dates and times, in one place: the wall clock in Zurich (CET/CEST) whatever the server's
 * zone, calendar dates as citizens, clerks and finance departments read them. It sits in
 * connectors/ because every part of the platform may use it: documents, back-office protocols,
 * core's texts and reports, the workers.
 */
export const SWISS_TIME_ZONE = 'Europe/Zurich';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SWISS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: SWISS_TIME_ZONE, timeZoneName: 'longOffset' });

const two = (value: number): string => String(value).padStart(2, '0');

/** The wall clock in Zurich at an instant. */
export function zurichWallClock(instant: Date | number): WallClock {
  const parts = wallClockFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((each) => each.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** Zurich's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function zurichOffsetMinutes(instant: Date | number): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a wall-clock time in Zurich stands for. */
export function zurichInstant(wall: Pick<WallClock, 'year' | 'month' | 'day'> & Partial<WallClock>): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0);
  // The offset at the guess can differ from the offset at the result only on a switch day; a second look settles it.
  const guess = asUtc - zurichOffsetMinutes(asUtc) * 60_000;
  return new Date(asUtc - zurichOffsetMinutes(guess) * 60_000);
}

/** Whether year, month (1–12) and day name a day of the Gregorian calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= ([31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);
}

/** The instant midnight begins on `isoDate` ('YYYY-MM-DD') in Zurich: finance departments count days in Swiss time. */
export function zurichMidnight(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return zurichInstant({ year, month, day });
}

/** The calendar day in Zurich at an instant, as 'YYYY-MM-DD'. */
export function zurichIsoDate(instant: Date | number): string {
  const { year, month, day } = zurichWallClock(instant);
  return `${year}-${two(month)}-${two(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Swiss date notation for documents, in every language: 'YYYY-MM-DD' → 'dd.mm.yyyy'; RangeError for anything but a real date. */
export function formatSwissDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new RangeError('formatSwissDate expects YYYY-MM-DD');
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (!isCalendarDay(Number(year), Number(month), Number(day))) throw new RangeError('formatSwissDate: no such calendar date');
  return `${day}.${month}.${year}`;
}

const LOCALES = { de: 'de-CH', fr: 'fr-CH', it: 'it-CH', en: 'en-GB' } as const;

/**
 * The day of an instant in Zurich, in a text of the given language: 'numeric' writes 07.12.2026
 * (07/12/2026 in English), 'long' writes 7. Dezember 2026 / 7 décembre 2026 / 7 dicembre 2026 / 7 December 2026.
 */
export function formatZurichDay(instant: Date, language: string, style: 'numeric' | 'long'): string {
  const locale = LOCALES[language as keyof typeof LOCALES] ?? LOCALES.de;
  return instant.toLocaleDateString(locale, style === 'numeric'
    ? { timeZone: SWISS_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }
    : { timeZone: SWISS_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
}
