import { describe, expect, it } from 'vitest';
import { effectiveSettings, settingProblems, type SettingDeclarations } from '../../../../core/catalogue/service-settings.ts';

const names = { de: 'x', fr: 'x', it: 'x', en: 'x' };
const declarations: SettingDeclarations = {
  maxInstalments: { type: 'integer', default: 12, minimum: 2, maximum: 24, names },
  autoApproveUpToRappen: { type: 'number', default: 300_000, minimum: 0, names },
  reviewAlways: { type: 'boolean', default: false, names },
  note: { type: 'string', default: '', maxLength: 10, names },
  graceOfReminder: { type: 'string', default: 'P10D', pattern: 'P\\d+D|PT\\d+S', names },
};

describe('service settings', () => {
  it('when a municipality sets nothing, then its cases run with the package\'s defaults', () => {
    expect(effectiveSettings(declarations, {})).toEqual({ maxInstalments: 12, autoApproveUpToRappen: 300_000, reviewAlways: false, note: '', graceOfReminder: 'P10D' });
  });

  it('when a municipality sets a value, then it overrides the default, and a value stored before the package narrowed its bounds falls back to the default', () => {
    expect(effectiveSettings(declarations, { maxInstalments: 6, reviewAlways: true, autoApproveUpToRappen: -1 }))
      .toEqual({ maxInstalments: 6, autoApproveUpToRappen: 300_000, reviewAlways: true, note: '', graceOfReminder: 'P10D' });
  });

  it.each([
    [{ unknown: 1 }, 'unknown', 'is not a setting of this service'],
    [{ maxInstalments: 1 }, 'maxInstalments', 'must be at least 2'],
    [{ maxInstalments: 25 }, 'maxInstalments', 'must be at most 24'],
    [{ maxInstalments: 6.5 }, 'maxInstalments', 'must be a whole number'],
    [{ maxInstalments: '6' }, 'maxInstalments', 'must be a number'],
    [{ reviewAlways: 'yes' }, 'reviewAlways', 'must be true or false'],
    [{ note: 'longer than ten' }, 'note', 'is longer than 10 characters'],
    [{ graceOfReminder: '10 Tage' }, 'graceOfReminder', 'does not have the expected form'],
    [{ graceOfReminder: 'P10DT' }, 'graceOfReminder', 'does not have the expected form'],
  ])('when the values are %j, then the refusal names %s', (values, name, message) => {
    expect(settingProblems(declarations, values)).toEqual([{ name, message }]);
  });

  it('when every value is declared and within bounds, then nothing is refused', () => {
    expect(settingProblems(declarations, { maxInstalments: 24, autoApproveUpToRappen: 0.5, reviewAlways: true, note: 'ok', graceOfReminder: 'PT8S' })).toEqual([]);
  });
});
