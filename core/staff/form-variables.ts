import { checkFormData, type FormProblem } from '../forms/form-data-check.ts';

export type { FormProblem } from '../forms/form-data-check.ts';

/**
 * The server's check of a completed task form (see core/forms/form-data-check.ts): a field shown
 * only for one decision (the question of a "more information" decision) is required exactly when
 * the clerk sees it.
 *
 * @param context what the form was shown with besides its own fields (e.g. the applicant), so
 *   conditions over that data evaluate as in the browser.
 */
export function checkFormVariables(schema: unknown, variables: Record<string, unknown>, context: Record<string, unknown> = {}): FormProblem[] {
  return checkFormData(schema, variables, { pointer: '/body/variables', context });
}
