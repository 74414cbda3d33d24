// Staff work in Swiss time whatever the browser's zone, so every date is shown in Europe/Zurich.

/** The time zone of every date the apps show or take. */
export const SWISS_TIME_ZONE = 'Europe/Zurich';

const dateTimeFormat = new Intl.DateTimeFormat('de-CH', { dateStyle: 'medium', timeStyle: 'short', timeZone: SWISS_TIME_ZONE });
const dateFormat = new Intl.DateTimeFormat('de-CH', { dateStyle: 'medium', timeZone: SWISS_TIME_ZONE });

/**
 * "23.11.2026, 14:05" for an ISO timestamp; empty for none.
 * @param {string | null | undefined} iso
 */
export const formatDateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '');

/**
 * "23.11.2026" for an ISO timestamp; empty for none.
 * @param {string | null | undefined} iso
 */
export const formatDate = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');

/**
 * "01.04.1980" for a calendar date such as a birth date ("1980-04-01"), without passing through a
 * time zone that could move it by a day.
 * @param {string | null | undefined} value
 */
export function formatCalendarDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return match ? `${match[3]}.${match[2]}.${match[1]}` : (value ?? '');
}
