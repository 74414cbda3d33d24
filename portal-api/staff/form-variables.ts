/**
 * The server's check of a completed form: only the form's own fields, and every required one
 * filled. The browser validates with form-js first; this stops anyone posting around it.
 */
interface FormComponent {
  key?: string;
  type?: string;
  validate?: { required?: boolean };
  values?: { value: unknown }[];
  conditional?: { hide?: string };
  components?: FormComponent[];
}

export interface FormProblem {
  pointer: string;
  detail: string;
}

export function checkFormVariables(schema: unknown, variables: Record<string, unknown>): FormProblem[] {
  const fields = new Map<string, FormComponent>();
  const collect = (components: FormComponent[] | undefined) => {
    for (const component of components ?? []) {
      if (component.key) fields.set(component.key, component);
      collect(component.components);
    }
  };
  collect((schema as FormComponent | null)?.components);
  const problems: FormProblem[] = [];
  for (const key of Object.keys(variables)) {
    if (!fields.has(key)) problems.push({ pointer: `/body/variables/${key}`, detail: 'is not a field of this form' });
  }
  for (const [key, field] of fields) {
    const value = variables[key];
    const empty = value === undefined || value === null || value === '';
    // A field shown only under a FEEL condition is left to form-js, which evaluates the condition.
    if (field.validate?.required && empty && !field.conditional?.hide) problems.push({ pointer: `/body/variables/${key}`, detail: 'is required' });
    if (!empty && field.values && !field.values.some((option) => option.value === value)) {
      problems.push({ pointer: `/body/variables/${key}`, detail: 'is not one of the offered values' });
    }
  }
  return problems;
}
