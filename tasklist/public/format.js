import { SWISS_TIME_ZONE as timeZone } from '../../browser-shared/format.js';

/**
 * Whether a due date lies in the past.
 * @param {string | null} dueDate
 */
export const isOverdue = (dueDate, now = Date.now()) => (dueDate ? new Date(dueDate).getTime() < now : false);

/**
 * "1 Aufgabe" / "3 Aufgaben".
 * @param {number} count
 */
export const countTasks = (count) => `${count} ${count === 1 ? 'Aufgabe' : 'Aufgaben'}`;

const francs = new Intl.NumberFormat('de-CH', { style: 'currency', currency: 'CHF' });

/**
 * "CHF 45.00" for 4500 Rappen.
 * @param {number} rappen
 */
export const formatFrancs = (rappen) => francs.format(rappen / 100);

// Clerks date tasks in days. A day means Swiss time, as everything shown: due at the end of the
// day, follow-up at its start, whatever the browser's own zone.
const dayFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
const partsFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', timeZone,
});

/**
 * Milliseconds Zurich is ahead of UTC at an instant.
 * @param {number} instant milliseconds since the epoch
 */
function zurichOffsetMs(instant) {
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } =
    Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a Zurich wall-clock time on a day ("2026-11-24"); the offset is checked twice for days of a clock change.
 * @param {string} day
 * @param {number} hours
 * @param {number} minutes
 */
function zurichInstant(day, hours, minutes) {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  const first = wall - zurichOffsetMs(wall);
  return new Date(wall - zurichOffsetMs(first)).toISOString();
}

/**
 * The day ("2026-11-24") of an ISO timestamp in Swiss time, as a date input takes it; empty for none.
 * @param {string | null} iso
 */
export const dayOf = (iso) => (iso ? dayFormat.format(new Date(iso)) : '');

/**
 * A due date for a day: its end, 23:59 Swiss time, as ISO; null for no day.
 * @param {string} day "2026-11-24", or empty
 */
export const dueDateOfDay = (day) => (day ? zurichInstant(day, 23, 59) : null);

/**
 * A follow-up date for a day: its start, 00:00 Swiss time, as ISO; null for no day.
 * @param {string} day "2026-11-24", or empty
 */
export const followUpDateOfDay = (day) => (day ? zurichInstant(day, 0, 0) : null);
