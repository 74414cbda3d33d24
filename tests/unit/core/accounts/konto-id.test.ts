import { describe, expect, it } from 'vitest';
import { dammCheckDigit, formatKontoId, newKontoId, parseKontoId } from '../../../../core/accounts/konto-id.ts';

describe('the Konto-ID', () => {
  it('when the check digit is computed, then it matches the published Damm example (572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe('4');
  });

  it('when IDs are drawn, then each has 12 digits, no leading 0, and a valid check digit', () => {
    const ids = Array.from({ length: 500 }, () => newKontoId());
    for (const id of ids) {
      expect(id).toMatch(/^[1-9]\d{11}$/);
      expect(parseKontoId(id)).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when shown, then it is grouped in fours; typed back with dashes or spaces, it is read', () => {
    const id = newKontoId();
    const shown = formatKontoId(id);
    expect(shown).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    expect(parseKontoId(shown)).toBe(id);
    expect(parseKontoId(shown.replaceAll('-', ' '))).toBe(id);
  });

  it('when any single digit is mistyped or two neighbours swapped, then the ID is refused', () => {
    const id = newKontoId();
    for (let i = 0; i < id.length; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === id[i]) continue;
        expect(parseKontoId(id.slice(0, i) + d + id.slice(i + 1))).toBeUndefined();
      }
      if (i < id.length - 1 && id[i] !== id[i + 1]) {
        expect(parseKontoId(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2))).toBeUndefined();
      }
    }
  });

  it('when the text is not 12 digits, then it is refused', () => {
    for (const text of ['', '4821-7730-159', 'abcd-efgh-ijkl', '48217730159412']) expect(parseKontoId(text)).toBeUndefined();
  });
});
