import { describe, expect, it } from 'vitest';
import { createOpenItemsSource, type FinanceOf } from '../../../../core/forms/form-data-sources.ts';
import { ProblemError } from '../../../../core/errors/problem-error.ts';

const items = [{ itemId: 'R-1', description: 'Steuern 2025', amountRappen: 1_234_550, dueDate: '2026-06-30' }];
const applicant = { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' };

function financeWith(port: { findResident: () => Promise<unknown>; listOpenItems: () => Promise<unknown> }): FinanceOf {
  return async (municipalityId) => (municipalityId === 'aarau' ? { port: port as never, bfsNumber: 4001 } : undefined);
}

const refusalOf = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
};

describe('the open-items source', () => {
  const found = { findResident: async () => ({ residentId: 'r-7', ...applicant }), listOpenItems: async () => items };

  it('when the register knows the person, then each open item is offered with its amount and due date in the form\'s language', async () => {
    const load = createOpenItemsSource(financeWith(found), 1000);
    const de = await load({ municipalityId: 'aarau', applicant, language: 'de' });
    expect(de.options).toEqual([{ value: 'R-1', label: 'Steuern 2025 – CHF 12’345.50, fällig am 30.06.2026' }]);
    expect(de.records.get('R-1')).toEqual(items[0]);
    expect(de.variables).toEqual({ residentId: 'r-7' });
    expect((await load({ municipalityId: 'aarau', applicant, language: 'fr' })).options[0]?.label).toContain('échéance le 30.06.2026');
  });

  it('when the applicant is not given, then the refusal names /body/data/applicant', async () => {
    const problem = await refusalOf(createOpenItemsSource(financeWith(found), 1000)({ municipalityId: 'aarau', applicant: { firstName: 'Anna' }, language: 'de' }));
    expect(problem.errors).toEqual([{ pointer: '/body/data/applicant', detail: 'is needed to read your open items' }]);
  });

  it('when the register does not know the person, then it is a 422 at the date of birth', async () => {
    const problem = await refusalOf(createOpenItemsSource(financeWith({ ...found, findResident: async () => null }), 1000)({ municipalityId: 'aarau', applicant, language: 'de' }));
    expect(problem).toMatchObject({ status: 422, errors: [{ pointer: '/body/data/applicant/dateOfBirth' }] });
  });

  it('when the back office fails, then it is a 503 saying nothing was stored', async () => {
    const problem = await refusalOf(createOpenItemsSource(financeWith({ ...found, listOpenItems: async () => { throw new Error('ECONNREFUSED'); } }), 1000)({ municipalityId: 'aarau', applicant, language: 'de' }));
    expect(problem).toMatchObject({ status: 503, type: 'urn:gemeindeportal:problem:back-office-unavailable' });
  });
});
