import { describe, expect, it } from 'vitest';
import { checkFormData, normaliseFormData } from '../../../../core/forms/form-data-check.ts';

/** A start form using every rule the check knows. */
const form = {
  id: 'every-rule', type: 'default',
  components: [
    { type: 'text', text: '## Antrag' },
    {
      type: 'group', path: 'applicant', components: [
        { type: 'textfield', key: 'firstName', validate: { required: true, maxLength: 5 } },
        { type: 'datetime', subtype: 'date', key: 'dateOfBirth', validate: { required: true } },
      ],
    },
    { type: 'number', key: 'instalments', decimalDigits: 0, validate: { required: true, min: 2, max: 12 } },
    { type: 'number', key: 'amount', decimalDigits: 2 },
    { type: 'textfield', key: 'postalCode', validate: { pattern: '[1-9][0-9]{3}' } },
    { type: 'textfield', key: 'phone', validate: { validationType: 'phone' } },
    { type: 'textfield', key: 'email', validate: { validationType: 'email' } },
    { type: 'checkbox', key: 'consent' },
    { type: 'radio', key: 'delivery', values: [{ label: 'Post', value: 'post' }, { label: 'PDF', value: 'pdf' }] },
    { type: 'textarea', key: 'postalNote', conditional: { hide: '=delivery != "post"' }, validate: { required: true, minLength: 3 } },
    { type: 'checklist', key: 'openItemIds', valuesKey: 'openItems', validate: { required: true } },
  ],
};
const options = { pointer: '/body/data', options: { openItems: [{ value: 'R-1' }, { value: 'R-2' }] } };
const valid = {
  applicant: { firstName: 'Anna', dateOfBirth: '1985-04-12' },
  instalments: 6, postalCode: '5000', phone: '079 123 45 67', email: 'anna@example.ch', consent: true,
  delivery: 'pdf', openItemIds: ['R-2'],
};
const problemsWith = (change: Record<string, unknown>) => checkFormData(form, { ...valid, ...change }, options);

describe('checking submitted data against its form', () => {
  it('when every rule is kept, then nothing is refused', () => {
    expect(checkFormData(form, valid, options)).toEqual([]);
  });

  it.each([
    ['a required field is missing', { instalments: undefined }, '/body/data/instalments', 'is required'],
    ['a required field in a group is empty', { applicant: { firstName: '', dateOfBirth: '1985-04-12' } }, '/body/data/applicant/firstName', 'is required'],
    ['a text is too long', { applicant: { firstName: 'Annabella', dateOfBirth: '1985-04-12' } }, '/body/data/applicant/firstName', 'is longer than 5 characters'],
    ['a date is no calendar date', { applicant: { firstName: 'Anna', dateOfBirth: '1985-02-30' } }, '/body/data/applicant/dateOfBirth', 'is not a calendar date'],
    ['a number is a text', { instalments: '6' }, '/body/data/instalments', 'must be a number'],
    ['a number is below its minimum', { instalments: 1 }, '/body/data/instalments', 'must be at least 2'],
    ['a number is above its maximum', { instalments: 13 }, '/body/data/instalments', 'must be at most 12'],
    ['a whole number has a fraction', { instalments: 2.5 }, '/body/data/instalments', 'must be a whole number'],
    ['a number has more decimals than its field', { amount: 12.345 }, '/body/data/amount', 'has more than 2 decimal places'],
    ['a text misses its pattern', { postalCode: '0500' }, '/body/data/postalCode', 'does not have the expected form'],
    ['a phone number is none', { phone: '12' }, '/body/data/phone', 'is not a valid phone number'],
    ['an e-mail address is none', { email: 'anna(at)example.ch' }, '/body/data/email', 'is not an e-mail address'],
    ['a checkbox is a text', { consent: 'yes' }, '/body/data/consent', 'must be true or false'],
    ['a choice is not offered', { delivery: 'fax' }, '/body/data/delivery', 'is not one of the offered values'],
    ['a list holds a value its source did not offer', { openItemIds: ['R-9'] }, '/body/data/openItemIds', 'holds a value that is not offered'],
    ['a field shown by a condition is left empty', { delivery: 'post' }, '/body/data/postalNote', 'is required'],
    ['a field hidden by a condition is filled', { postalNote: 'Briefkasten' }, '/body/data/postalNote', 'is not shown for these answers'],
    ['a field is not in the form', { favouriteColour: 'blue' }, '/body/data/favouriteColour', 'is not a field of this form'],
    ['a group holds a field the form does not', { applicant: { firstName: 'Anna', dateOfBirth: '1985-04-12', ahvNumber: '756' } }, '/body/data/applicant/ahvNumber', 'is not a field of this form'],
  ])('when %s, then the refusal names the field', (_case, change, pointer, detail) => {
    expect(problemsWith(change)).toEqual([{ pointer, detail }]);
  });

  it('when a number keeps to its decimal places, then it is accepted', () => {
    expect(problemsWith({ amount: 12.35 })).toEqual([]);
    expect(problemsWith({ amount: 1e-2 })).toEqual([]);
  });

  it('when a condition shows a field and it is filled, then it is accepted', () => {
    expect(problemsWith({ delivery: 'post', postalNote: 'Briefkasten' })).toEqual([]);
  });

  it('when a phone number is written the Swiss way, then it is kept as E.164', () => {
    expect(normaliseFormData(form, valid)).toMatchObject({ phone: '+41791234567', applicant: valid.applicant });
  });
});
