/** Swiss date notation for documents: 'YYYY-MM-DD' → 'dd.mm.yyyy', in every language. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats an ISO calendar date the Swiss way; throws RangeError for anything but a real date. */
export function formatSwissDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) {
    throw new RangeError('formatSwissDate expects YYYY-MM-DD');
  }
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const asDate = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (asDate.getUTCMonth() !== Number(month) - 1 || asDate.getUTCDate() !== Number(day)) {
    throw new RangeError('formatSwissDate: no such calendar date');
  }
  return `${day}.${month}.${year}`;
}
