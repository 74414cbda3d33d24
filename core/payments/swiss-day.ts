/** Finance departments count days in Swiss time: a period from 'YYYY-MM-DD' starts at midnight in Zurich. */
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', timeZoneName: 'longOffset' });

/** Zurich's offset from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
function zurichOffsetMs(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * 60_000;
}

/** The instant midnight begins on `date` ('YYYY-MM-DD') in Zurich. */
export function zurichMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, day);
  // The offset at the guess can differ from the offset at the result only on a switch day; a second look settles it.
  const first = utcMidnight - zurichOffsetMs(new Date(utcMidnight));
  return new Date(utcMidnight - zurichOffsetMs(new Date(first)));
}
