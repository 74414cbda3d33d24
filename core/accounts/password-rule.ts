/** One requirement of ACC-2 that a password does not meet. */
export interface PasswordShortfall {
  rule: 'min-length' | 'upper-case' | 'lower-case' | 'digit';
  detail: string;
}

export const PASSWORD_MIN_LENGTH = 8;

const RULES: { rule: PasswordShortfall['rule']; met: (password: string) => boolean; detail: string }[] = [
  { rule: 'min-length', met: (p) => [...p].length >= PASSWORD_MIN_LENGTH, detail: `must have at least ${PASSWORD_MIN_LENGTH} characters (mindestens ${PASSWORD_MIN_LENGTH} Zeichen)` },
  // Letters of any script count, so that "Ä" is upper-case and "ß" lower-case.
  { rule: 'upper-case', met: (p) => /\p{Lu}/u.test(p), detail: 'must contain an upper-case letter (einen Grossbuchstaben)' },
  { rule: 'lower-case', met: (p) => /\p{Ll}/u.test(p), detail: 'must contain a lower-case letter (einen Kleinbuchstaben)' },
  { rule: 'digit', met: (p) => /\p{Nd}/u.test(p), detail: 'must contain a digit (eine Ziffer)' },
];

/** ACC-2: every rule the password misses, in a fixed order; empty when it is acceptable. */
export function passwordShortfalls(password: string): PasswordShortfall[] {
  return RULES.filter((r) => !r.met(password)).map(({ rule, detail }) => ({ rule, detail }));
}
