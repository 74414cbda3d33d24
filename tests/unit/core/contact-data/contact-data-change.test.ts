import { describe, expect, it } from 'vitest';
import { normalisePhone, refuseDataStandardFields } from '../../../../core/contact-data/contact-data-change.ts';
import { ProblemError } from '../../../../core/errors/problem-error.ts';
import { withReadablePhoneNumbers } from '../../../../core/contact-data/readable-phone-numbers.ts';

const refusalOf = (run: () => unknown): ProblemError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return error as ProblemError;
  }
  throw new Error('expected a refusal');
};

describe('contact data a citizen may change (ADM-4)', () => {
  it('when a Swiss number is written the Swiss way or internationally, then it is kept in E.164', () => {
    expect(normalisePhone('079 123 45 67')).toBe('+41791234567');
    expect(normalisePhone('+41 62 822 11 22')).toBe('+41628221122');
    expect(normalisePhone('0041 44 668 18 00')).toBe('+41446681800');
    expect(normalisePhone('+49 30 901820')).toBe('+4930901820');
  });

  it('when a number cannot be a phone number, then it is refused at /body/changes/phone', () => {
    for (const input of ['12', '079 123', 'keine Nummer', '+41 00 000 00 00']) {
      expect(refusalOf(() => normalisePhone(input)).problem.errors).toEqual([{ pointer: '/body/changes/phone', detail: 'is not a valid phone number' }]);
    }
  });

  it('when a change names a field of the data standard, then the refusal names that field and says why', () => {
    for (const field of ['lastName', 'dateOfBirth', 'address', 'ahvNumber', 'nationality']) {
      const refusal = refusalOf(() => refuseDataStandardFields({ changes: { phone: '+41791234567', [field]: 'x' } }));
      expect(refusal.problem.status).toBe(400);
      expect(refusal.problem.errors).toEqual([{ pointer: `/body/changes/${field}`, detail: 'belongs to the data standard: only the residents office changes it' }]);
    }
  });

  it('when a change names only contact fields or is not an object, then this check leaves it to the schema', () => {
    expect(() => refuseDataStandardFields({ changes: { phone: '1', email: null, fax: 'x' } })).not.toThrow();
    expect(() => refuseDataStandardFields({ changes: 'lastName' })).not.toThrow();
    expect(() => refuseDataStandardFields(null)).not.toThrow();
  });
});

describe('phone numbers in the review form', () => {
  it('when the form shows requested and registered numbers, then they read as people write them; removals and absences stay', () => {
    const shown = withReadablePhoneNumbers({
      applicant: { firstName: 'Anna' },
      request: { fields: ['phone', 'email'], changes: { phone: '+41797654321', email: null } },
      resident: { residenceType: 'main', contact: { phone: '+41791234567', email: null } },
    });
    expect(shown).toEqual({
      applicant: { firstName: 'Anna' },
      request: { fields: ['phone', 'email'], changes: { phone: '+41 79 765 43 21', email: null } },
      resident: { residenceType: 'main', contact: { phone: '+41 79 123 45 67', email: null } },
    });
    expect(withReadablePhoneNumbers({ request: { changes: { phone: null } }, resident: null })).toEqual({ request: { changes: { phone: null } }, resident: null });
    expect(withReadablePhoneNumbers({ request: { changes: { email: 'a@example.ch' } } })).toEqual({ request: { changes: { email: 'a@example.ch' } } });
  });
});
