/**
 * The functions a document template's placeholders may call besides FEEL's own: dates and amounts
 * the Swiss way, in the document's language. A function that cannot format its argument throws a
 * RangeError that names no value, so the document is not issued with a wrong date or amount.
 */
import { formatChf } from '../../connectors/documents/swiss-amount.ts';
import { formatSwissDate, formatZurichDay, zurichIsoDate, zurichMidnight } from '../../connectors/swiss-time.ts';
import type { Language } from '../language.ts';

export const TEMPLATE_FUNCTION_NAMES = ['swissDate', 'longDate', 'chf'] as const;

type TemplateFunctions = Record<(typeof TEMPLATE_FUNCTION_NAMES)[number], (value: unknown) => string>;

/**
 * `swissDate(d)`: 23.11.2026 in every language; `longDate(d)`: 23. November 2026, 23 novembre 2026,
 * 23 novembre 2026, 23 November 2026; `chf(rappen)`: CHF 1’234.50. A date is 'YYYY-MM-DD', an
 * instant (its day in Zurich) or a FEEL date.
 */
export function templateFunctions(language: Language): TemplateFunctions {
  return {
    swissDate: (value) => formatSwissDate(isoDateOf(value)),
    longDate: (value) => {
      const day = isoDateOf(value);
      formatSwissDate(day); // refuses a day that is not in the calendar
      return formatZurichDay(zurichMidnight(day), language, 'long');
    },
    chf: (value) => {
      if (typeof value !== 'number') throw new RangeError('chf expects an amount in Rappen');
      return formatChf(value);
    },
  };
}

function isoDateOf(value: unknown): string {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const instant = new Date(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant.getTime())) return zurichIsoDate(instant);
  }
  const feelDate = value as { isLuxonDateTime?: boolean; toISODate?: () => string | null } | null;
  if (feelDate?.isLuxonDateTime === true) {
    const iso = feelDate.toISODate?.();
    if (iso) return iso;
  }
  throw new RangeError('a date must be YYYY-MM-DD, an ISO instant or a FEEL date');
}
