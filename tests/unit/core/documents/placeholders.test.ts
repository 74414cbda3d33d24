import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderProblems, PlaceholderError, splitPlaceholders } from '../../../../core/documents/placeholders.ts';
import { TEMPLATE_FUNCTION_NAMES, templateFunctions } from '../../../../core/documents/template-functions.ts';

const context = {
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
  address: { street: 'Im Feld', houseNumber: null },
  feeRappen: 123_450,
  caseId: '0b9f5c2e-1d7a-4a57-9b0e-3c1f2a6d8e41',
  ...templateFunctions('fr'),
};

describe('placeholders of a document template', () => {
  it('when a text holds placeholders, then it splits into its literal parts and FEEL expressions, a }} inside a FEEL string included', () => {
    expect(splitPlaceholders('Nom: {{ applicant.lastName }}, {{if true then "}}" else ""}}!')).toEqual([
      { text: 'Nom: ' }, { expression: 'applicant.lastName' }, { text: ', ' }, { expression: 'if true then "}}" else ""' }, { text: '!' },
    ]);
    expect(splitPlaceholders('no placeholder }}')).toEqual([{ text: 'no placeholder }}' }]);
  });

  it('when placeholders are filled, then texts, numbers and FEEL\'s own functions print, and the document\'s functions format the Swiss way', () => {
    expect(fillPlaceholders('{{applicant.firstName}} {{applicant.lastName}}, {{swissDate(applicant.dateOfBirth)}}', context)).toBe('Anna Muster, 12.04.1985');
    expect(fillPlaceholders('{{longDate(applicant.dateOfBirth)}} · {{chf(feeRappen)}} · {{feeRappen}}', context)).toBe('12 avril 1985 · CHF 1’234.50 · 123450');
    expect(fillPlaceholders('WB-{{upper case(substring(caseId, 1, 8))}}', context)).toBe('WB-0B9F5C2E');
    expect(fillPlaceholders('{{string join([address.street, address.houseNumber], " ")}}', context)).toBe('Im Feld');
    expect(fillPlaceholders('{{date("2026-01-05")}}', context)).toBe('05.01.2026');
  });

  it.each([
    ['a variable that is not there', '{{applicant.nickname}}', /\{\{applicant\.nickname\}\} has no value \(Key 'nickname' not found/],
    ['a value that is a list', '{{[applicant.firstName]}}', /is a list, not a text/],
    ['a value that is true or false', '{{feeRappen > 0}}', /is true or false, not a text/],
    ['a date that is not in the calendar', '{{swissDate("2026-02-30")}}', /failed: formatSwissDate: no such calendar date/],
    ['an amount that is not whole Rappen', '{{chf(12.5)}}', /failed: formatChf expects whole Rappen/],
  ])('when a placeholder reads %s, then filling fails naming the expression and no value', (_case, text, message) => {
    const fill = () => fillPlaceholders(text, context);
    expect(fill).toThrow(PlaceholderError);
    expect(fill).toThrow(message);
    expect(fill).not.toThrow(/Anna|Muster/);
  });

  it.each([
    ['Name: {{applicant.lastName', /has no closing \}\}/],
    ['Name: {{ }}', /is empty/],
    ['{{applicant.lastName +}}', /\{\{applicant\.lastName \+\}\} is not a FEEL expression/],
    ['{{"unterminated}}', /is not a FEEL expression|has no closing/],
    ['{{swisDate(applicant.dateOfBirth)}}', /calls swisDate, which is neither a FEEL function nor one of swissDate, longDate, chf/],
  ])('when a template text is %j, then the check names what is wrong', (text, message) => {
    const problems = placeholderProblems(text, TEMPLATE_FUNCTION_NAMES);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('when every placeholder parses and calls known functions, then the check finds nothing', () => {
    expect(placeholderProblems('{{swissDate(x)}} {{upper case(y)}} {{if a = null then "" else a}} {{string join([a, b], " ")}}', TEMPLATE_FUNCTION_NAMES)).toEqual([]);
  });
});
