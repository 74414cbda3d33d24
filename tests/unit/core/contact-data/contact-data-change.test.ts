import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkFormData, normaliseFormData } from '../../../../core/forms/form-data-check.ts';
import { withReadablePhoneNumbers } from '../../../../core/contact-data/readable-phone-numbers.ts';

const startForm: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../processes/contact-data-change/contact-data-change-start.form'), 'utf8'));
const applicant = { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' };
const withPhone = (phone: string) => ({ applicant, request: { fields: ['phone'], changes: { phone } } });
const problemsOf = (data: Record<string, unknown>) => checkFormData(startForm, data, { pointer: '/body/data' });

describe('the contact-data change\'s start form (ADM-4)', () => {
  it('when a Swiss number is written the Swiss way or internationally, then it is kept in E.164', () => {
    for (const [written, kept] of [['079 123 45 67', '+41791234567'], ['+41 62 822 11 22', '+41628221122'], ['0041 44 668 18 00', '+41446681800'], ['+49 30 901820', '+4930901820']]) {
      expect(problemsOf(withPhone(written!))).toEqual([]);
      expect(normaliseFormData(startForm, withPhone(written!))).toEqual(withPhone(kept!));
    }
  });

  it('when a number cannot be a phone number, then it is refused at /body/data/request/changes/phone', () => {
    for (const input of ['12', '079 123', 'keine Nummer', '+41 00 000 00 00']) {
      expect(problemsOf(withPhone(input))).toEqual([{ pointer: '/body/data/request/changes/phone', detail: 'is not a valid phone number' }]);
    }
  });

  it('when a change names a field of the data standard, then the refusal names that field', () => {
    for (const field of ['lastName', 'dateOfBirth', 'address', 'ahvNumber', 'nationality']) {
      expect(problemsOf({ applicant, request: { fields: ['phone'], changes: { phone: '+41791234567', [field]: 'x' } } }))
        .toEqual([{ pointer: `/body/data/request/changes/${field}`, detail: 'is not a field of this form' }]);
    }
  });

  it('when nothing is chosen to change, or a field is given that was not chosen, then the form refuses it', () => {
    expect(problemsOf({ applicant, request: { fields: [] } })).toEqual([{ pointer: '/body/data/request/fields', detail: 'is required' }]);
    expect(problemsOf({ applicant, request: { fields: ['email'], changes: { phone: '+41791234567' } } }))
      .toEqual([{ pointer: '/body/data/request/changes/phone', detail: 'is not shown for these answers' }]);
  });

  it('when a chosen field is left empty, then that asks to remove it', () => {
    expect(problemsOf({ applicant, request: { fields: ['email'] } })).toEqual([]);
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
