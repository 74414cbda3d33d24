import { evaluate } from '@bpmn-io/feelin';

/**
 * The server's check of a completed form: only the form's own fields, every required one that is
 * shown filled, offered values only, lengths kept. A field's `conditional.hide` is a FEEL
 * expression, evaluated here with the same interpreter form-js uses in the browser, so that a
 * field shown only for one decision (the question of a "more information" decision) is required
 * exactly when the clerk sees it. The browser validates first; this stops anyone posting around it.
 */
interface FormComponent {
  key?: string;
  type?: string;
  validate?: { required?: boolean; minLength?: number; maxLength?: number };
  values?: { value: unknown }[];
  conditional?: { hide?: string };
  components?: FormComponent[];
}

export interface FormProblem {
  pointer: string;
  detail: string;
}

/** Whether a `conditional.hide` expression hides the field; an expression that fails to evaluate hides nothing. */
function isHidden(field: FormComponent, context: Record<string, unknown>): boolean {
  const expression = field.conditional?.hide;
  if (!expression) return false;
  try {
    return evaluate(expression.replace(/^=/, ''), context).value === true;
  } catch {
    return false;
  }
}

/**
 * @param context what the form was shown with besides its own fields (e.g. the applicant), so
 *   conditions over that data evaluate as in the browser.
 */
export function checkFormVariables(schema: unknown, variables: Record<string, unknown>, context: Record<string, unknown> = {}): FormProblem[] {
  const fields = new Map<string, FormComponent>();
  const collect = (components: FormComponent[] | undefined) => {
    for (const component of components ?? []) {
      if (component.key) fields.set(component.key, component);
      collect(component.components);
    }
  };
  collect((schema as FormComponent | null)?.components);
  const problems: FormProblem[] = [];
  const problem = (key: string, detail: string) => problems.push({ pointer: `/body/variables/${key}`, detail });
  for (const key of Object.keys(variables)) {
    if (!fields.has(key)) problem(key, 'is not a field of this form');
  }
  const shownWith = { ...context, ...variables };
  for (const [key, field] of fields) {
    const value = variables[key];
    const empty = value === undefined || value === null || value === '';
    if (isHidden(field, shownWith)) {
      if (!empty) problem(key, 'is not shown for these answers');
      continue;
    }
    if (empty) {
      if (field.validate?.required) problem(key, 'is required');
      continue;
    }
    if (field.values && !field.values.some((option) => option.value === value)) problem(key, 'is not one of the offered values');
    if (typeof value === 'string') {
      const { minLength, maxLength } = field.validate ?? {};
      if (maxLength !== undefined && value.length > maxLength) problem(key, `is longer than ${maxLength} characters`);
      if (minLength !== undefined && value.trim().length < minLength) problem(key, `is shorter than ${minLength} characters`);
    }
  }
  return problems;
}
