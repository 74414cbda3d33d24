import { describe, expect, it } from 'vitest';
import { checkFormVariables } from '../../../../portal-api/staff/form-variables.ts';

const schema = {
  components: [
    { type: 'text', text: 'Hinweis' },
    { type: 'radio', key: 'decision', values: [{ value: 'approve' }, { value: 'reject' }], validate: { required: true } },
    { type: 'group', components: [{ type: 'textfield', key: 'note', validate: { required: true } }] },
    { type: 'textarea', key: 'reason', validate: { required: true }, conditional: { hide: '=decision != "reject"' } },
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

  it('when a required field is shown only under a condition, then its absence is left to the form', () => {
    expect(checkFormVariables(schema, { decision: 'reject', note: 'x' })).toEqual([]);
  });
});
