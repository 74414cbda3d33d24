import { describe, expect, it } from 'vitest';
import { ahvCheckDigit, isValidAhvNumber, parseAhvNumber } from '../../connectors/back-office/ahv-number.ts';

describe('AHV number', () => {
  it.each(['756.1234.5678.97', '756.9217.0769.85', '756.9999.0001.09'])(
    'when %s is checked, then it is valid',
    (number) => {
      expect(isValidAhvNumber(number)).toBe(true);
    },
  );

  it('when written without dots or with surrounding blanks, then it is parsed into both spellings', () => {
    expect(parseAhvNumber(' 7561234567897 ')).toEqual({ formatted: '756.1234.5678.97', digits: '7561234567897' });
    expect(parseAhvNumber('756.1234.5678.97')).toEqual({ formatted: '756.1234.5678.97', digits: '7561234567897' });
  });

  it.each([
    ['756.1234.5678.98', 'a wrong check digit'],
    ['756.1234.5678.9', 'a digit missing'],
    ['756.1234.5678.970', 'a digit too many'],
    ['757.1234.5678.96', 'a prefix other than 756'],
    ['756-1234-5678-97', 'other separators'],
    ['756.12345.678.97', 'dots in the wrong places'],
    ['756.1234.5678.9a', 'a letter'],
    ['', 'an empty string'],
  ])('when %s has %s, then it is invalid', (number) => {
    expect(isValidAhvNumber(number)).toBe(false);
    expect(parseAhvNumber(number)).toBeNull();
  });

  it('when a check digit is computed, then it follows EAN-13 with weights 1 and 3 from the left', () => {
    // 7*1+5*3+6*1+1*3+2*1+3*3+4*1+5*3+6*1+7*3+8*1+9*3 = 123 → (10 - 3) % 10 = 7
    expect(ahvCheckDigit('756123456789')).toBe(7);
    // a sum that is a multiple of 10 gives 0, not 10
    expect(ahvCheckDigit('756000000004')).toBe(0);
  });

  it('when the check digit gets other than 12 digits, then it throws a RangeError', () => {
    expect(() => ahvCheckDigit('75612345678')).toThrow(RangeError);
    expect(() => ahvCheckDigit('75612345678x')).toThrow(RangeError);
  });
});
