import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSwissDate } from '../../connectors/swiss-time.ts';
import { formatChf } from '../../connectors/documents/swiss-amount.ts';
import { toWinAnsi } from '../../connectors/documents/win-ansi.ts';
import { readServicePackages } from '../../core/catalogue/service-packages.ts';
import type { DocumentTranslation } from '../../core/documents/document-template.ts';
import { splitPlaceholders } from '../../core/documents/placeholders.ts';
import { LANGUAGES } from '../../core/language.ts';

describe('Swiss date', () => {
  it('when an ISO date is formatted, then it reads dd.mm.yyyy', () => {
    expect(formatSwissDate('2026-01-05')).toBe('05.01.2026');
  });

  it.each(['2026-02-30', '2026-13-01', '05.01.2026', '2026-1-5', ''])(
    'when %j is formatted, then a RangeError is thrown',
    (value) => {
      expect(() => formatSwissDate(value)).toThrow(RangeError);
    },
  );
});

describe('Swiss amount', () => {
  it.each([
    [2010, 'CHF 20.10'],
    [5, 'CHF 0.05'],
    [123_456, 'CHF 1’234.56'],
    [100_000_000, 'CHF 1’000’000.00'],
    [-2000, 'CHF -20.00'],
  ])('when %d Rappen are formatted, then they read %s', (rappen, expected) => {
    expect(formatChf(rappen)).toBe(expected);
  });

  it.each([12.5, Number.NaN, 2 ** 60])('when %d is formatted, then a RangeError is thrown', (rappen) => {
    expect(() => formatChf(rappen)).toThrow(RangeError);
  });
});

describe('WinAnsi text', () => {
  it('when text has German, French and Italian letters, then it is kept as it is', () => {
    expect(toWinAnsi('Müsterli, Élodie, Zoë, Àngela, Straße, Ça')).toBe('Müsterli, Élodie, Zoë, Àngela, Straße, Ça');
  });

  it('when text has letters outside WinAnsi, then they lose their accents instead of rendering as garbage', () => {
    expect(toWinAnsi('Kovačević Łukasz Dvořák')).toBe('Kovacevic Lukasz Dvorák');
    expect(toWinAnsi('Šimun Žiga')).toBe('Šimun Žiga');
  });

  it('when text has characters with no Latin fallback, then they become question marks', () => {
    expect(toWinAnsi('Ωμέγα 王')).toBe('????? ?');
  });

  it.each(LANGUAGES)('when the %s texts of the shipped document templates are checked, then every one they print renders in WinAnsi', async (language) => {
    const packages = await readServicePackages(resolve(import.meta.dirname, '../../processes'));
    const templates = packages.flatMap((p) => p.documentTemplates);
    expect(templates.length).toBeGreaterThan(0);
    for (const { file, template } of templates) {
      for (const text of printedTexts(template[language])) expect(toWinAnsi(text), file).toBe(text);
    }
  });
});

/** What a translation prints of its own: its texts and labels outside the placeholders, and the FEEL strings inside them. */
function printedTexts(translation: DocumentTranslation): string[] {
  const { paragraphs, facts = {}, closing = [], ...single } = translation;
  const texts = [...Object.values(single), ...paragraphs, ...Object.keys(facts), ...Object.values(facts), ...closing];
  return texts.flatMap((text) => splitPlaceholders(text).flatMap((part) =>
    'text' in part ? [part.text] : [...part.expression.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] ?? '')));
}
