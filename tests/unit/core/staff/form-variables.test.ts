import { describe, expect, it } from 'vitest';
import { checkFormVariables } from '../../../../core/staff/form-variables.ts';

const schema = {
  components: [
    { type: 'text', text: 'Hinweis' },
    { type: 'radio', key: 'decision', values: [{ value: 'approve' }, { value: 'reject' }, { value: 'ask' }], validate: { required: true } },
    { type: 'group', components: [{ type: 'textfield', key: 'note', validate: { required: true, maxLength: 10 } }] },
    { type: 'textarea', key: 'reason', validate: { required: true }, conditional: { hide: '=decision != "reject"' } },
    { type: 'textarea', key: 'question', validate: { required: true, minLength: 5 }, conditional: { hide: '=decision != "ask"' } },
    { type: 'textfield', key: 'adultNote', conditional: { hide: '=applicant.age < 18' } },
  ],
};

describe('checkFormVariables', () => {
  it('when every required field is filled with an offered value, then nothing is wrong', () => {
    expect(checkFormVariables(schema, { decision: 'approve', note: 'ok' })).toEqual([]);
  });

  it('when fields are missing, unknown or not offered, then each is named', () => {
    expect(checkFormVariables(schema, { decision: 'maybe', extra: 1 })).toEqual([
      { pointer: '/body/variables/extra', detail: 'is not a field of this form' },
      { pointer: '/body/variables/decision', detail: 'is not one of the offered values' },
      { pointer: '/body/variables/note', detail: 'is required' },
    ]);
  });

  it('when a condition shows a required field, then it is required; when it hides it, then it is not', () => {
    expect(checkFormVariables(schema, { decision: 'reject', note: 'x' })).toEqual([
      { pointer: '/body/variables/reason', detail: 'is required' },
    ]);
    expect(checkFormVariables(schema, { decision: 'reject', note: 'x', reason: 'Kein Wohnsitz' })).toEqual([]);
    expect(checkFormVariables(schema, { decision: 'ask', note: 'x' })).toEqual([
      { pointer: '/body/variables/question', detail: 'is required' },
    ]);
  });

  it('when a hidden field is posted anyway, then it is refused', () => {
    expect(checkFormVariables(schema, { decision: 'approve', note: 'x', question: 'Wozu?' })).toEqual([
      { pointer: '/body/variables/question', detail: 'is not shown for these answers' },
    ]);
  });

  it('when a text is too long or too short, then the limit is named', () => {
    expect(checkFormVariables(schema, { decision: 'ask', note: 'elf Zeichen', question: ' ab ' })).toEqual([
      { pointer: '/body/variables/note', detail: 'is longer than 10 characters' },
      { pointer: '/body/variables/question', detail: 'is shorter than 5 characters' },
    ]);
  });

  it('when a condition reads data the form was shown with, then that context decides', () => {
    expect(checkFormVariables(schema, { decision: 'approve', note: 'x', adultNote: 'n' }, { applicant: { age: 12 } })).toEqual([
      { pointer: '/body/variables/adultNote', detail: 'is not shown for these answers' },
    ]);
    expect(checkFormVariables(schema, { decision: 'approve', note: 'x', adultNote: 'n' }, { applicant: { age: 40 } })).toEqual([]);
  });
});
