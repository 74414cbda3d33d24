import { describe, expect, it } from 'vitest';
import { passwordShortfalls } from '../../../../core/accounts/password-rule.ts';

describe('the password rule of ACC-2', () => {
  it.each([
    ['Passwort1', []],
    ['Äpfel123x', []],
    ['kurz1A', ['min-length']],
    ['alleskleingeschrieben1', ['upper-case']],
    ['ALLESGROSS1', ['lower-case']],
    ['OhneZiffern', ['digit']],
    ['', ['min-length', 'upper-case', 'lower-case', 'digit']],
    ['abc', ['min-length', 'upper-case', 'digit']],
    ['12345678', ['upper-case', 'lower-case']],
    // Eight characters counted as a person sees them, not as UTF-16 units.
    ['Ab1😀😀😀😀', ['min-length']],
  ])('when the password is %j, then it misses %j', (password, missing) => {
    expect(passwordShortfalls(password).map((s) => s.rule)).toEqual(missing);
  });

  it('when rules are missed, then each gets a sentence of its own naming it', () => {
    const details = passwordShortfalls('abc').map((s) => s.detail);
    expect(details).toEqual([
      expect.stringContaining('at least 8 characters'),
      expect.stringContaining('upper-case letter'),
      expect.stringContaining('digit'),
    ]);
  });
});
