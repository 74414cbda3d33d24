/**
 * The connector tasks modellers pick in the modeller instead of typing job types: one Zeebe
 * element template per worker a diagram may call, declared beside its worker. The template's
 * inputs come from the worker's own TypeBox input, so the two cannot disagree: each property the
 * modeller maps carries its label (`title`), its help (`description`) and, where it is not
 * `=<name>`, the FEEL expression the modeller starts with (`mapping`):
 *
 *   residentId: Type.String({ minLength: 1, title: 'Einwohner-Id', description: '…', mapping: '=resident.residentId' })
 *
 * A required property without a title is refused; an optional one without a title is left out of
 * the template. `npm run templates` writes the templates as JSON to processes/element-templates/,
 * and a test keeps the files, the workers and the schema in step.
 */
import type { TObject, TSchema } from '@sinclair/typebox';

/** What a job input's schema says for the element template, as TypeBox options. */
export type TemplateField = {
  readonly title: string;
  readonly description: string;
  /** FEEL expression the modeller starts with; `=<name>` when left out, or nothing for an optional input. */
  readonly mapping?: string;
};

export type TemplateInput = {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** FEEL expression the modeller starts with. */
  readonly value: string;
  /** Not required by the worker: left empty, the task maps nothing. */
  readonly optional?: boolean;
};

/** What the template says of a variable the worker completes the job with. */
export type OutputText = { readonly label: string; readonly description: string };

export type TemplateOutput = OutputText & { readonly variable: string };

/** A task header the modeller picks from a list (e.g. notify-citizen's message template), or types where there is no list. */
export type TemplateHeader = {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
};

export type TemplateCategory = 'back-office' | 'payment' | 'case';

export type ConnectorTemplate = {
  readonly jobType: string;
  /**
   * Raise it whenever the generated template changes: diagrams keep the version they were made
   * with, and `npm run templates` keeps the older version in previous/ so that the modeller can
   * still show their fields and offer the upgrade.
   */
  readonly version: number;
  readonly category: TemplateCategory;
  readonly name: string;
  readonly description: string;
  readonly inputs: readonly TemplateInput[];
  readonly outputs: readonly TemplateOutput[];
  readonly headers?: readonly TemplateHeader[];
  /** BPMN error codes the task throws for business outcomes, for the modeller's boundary events. */
  readonly errors: readonly string[];
};

/** A template as declared beside its worker: the texts, and the worker's input schema to take the inputs from. */
export type TemplateDeclaration = Omit<ConnectorTemplate, 'inputs' | 'outputs' | 'errors'> & {
  readonly input: TObject;
  /** The variables the worker completes the job with, by name. */
  readonly outputs?: Readonly<Record<string, OutputText>>;
  readonly errors?: readonly string[];
};

/** The template's inputs: the annotated properties of the worker's input schema, in its order. */
export function templateInputsOf(input: TObject): TemplateInput[] {
  const required = new Set(input.required ?? []);
  return Object.entries(input.properties).flatMap(([name, schema]: [string, TSchema]) => {
    const { title, description, mapping } = schema as TSchema & Partial<TemplateField>;
    const optional = !required.has(name);
    if (title === undefined || description === undefined) {
      if (optional) return [];
      throw new Error(`input ${name} is required, but its schema has no title and description for the element template`);
    }
    return [{ name, label: title, description, value: mapping ?? (optional ? '' : `=${name}`), ...(optional ? { optional: true } : {}) }];
  });
}

/** The template of a worker, its inputs taken from the worker's input schema. */
export function defineTemplate({ input, outputs = {}, errors = [], ...texts }: TemplateDeclaration): ConnectorTemplate {
  return {
    ...texts,
    inputs: templateInputsOf(input),
    outputs: Object.entries(outputs).map(([variable, output]) => ({ variable, ...output })),
    errors,
  };
}

const CATEGORIES: Record<TemplateCategory, string> = {
  'back-office': 'Back Office der Gemeinde',
  payment: 'Zahlung',
  case: 'Vorgang',
};

const SCHEMA = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

/** The Zeebe element template JSON of one connector task. */
export function toElementTemplate(template: ConnectorTemplate): Record<string, unknown> {
  const errors = template.errors.length === 0 ? '' : ` Fachliche Ergebnisse als BPMN-Fehler: ${template.errors.join(', ')}.`;
  const headers = template.headers ?? [];
  return {
    $schema: SCHEMA,
    name: template.name,
    id: `gemeindeportal.${template.jobType}`,
    version: template.version,
    description: `${template.description}${errors}`,
    category: { id: `gemeindeportal-${template.category}`, name: CATEGORIES[template.category] },
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      ...(headers.length ? [{ id: 'headers', label: 'Einstellungen' }] : []),
      ...(template.inputs.length ? [{ id: 'input', label: 'Eingaben' }] : []),
      ...(template.outputs.length ? [{ id: 'output', label: 'Ergebnisvariablen' }] : []),
    ],
    properties: [
      { type: 'Hidden', value: template.jobType, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      { type: 'Hidden', value: '3', binding: { type: 'zeebe:taskDefinition', property: 'retries' } },
      ...headers.map((header) => ({
        label: header.label,
        description: header.description,
        group: 'headers',
        ...(header.choices ? { type: 'Dropdown', value: header.choices[0]?.value, choices: header.choices } : { type: 'String' }),
        binding: { type: 'zeebe:taskHeader', key: header.key },
        constraints: { notEmpty: true },
      })),
      ...template.inputs.map((input) => ({
        label: input.label,
        description: input.description,
        group: 'input',
        type: 'String',
        feel: 'required',
        ...(input.value ? { value: input.value } : {}),
        binding: { type: 'zeebe:input', name: input.name },
        ...(input.optional ? { optional: true } : { constraints: { notEmpty: true } }),
      })),
      ...template.outputs.map((output) => ({
        label: output.label,
        description: `${output.description} Name der Prozessvariablen, die es erhält.`,
        group: 'output',
        type: 'String',
        value: output.variable,
        binding: { type: 'zeebe:output', source: `=${output.variable}` },
        constraints: { notEmpty: true },
      })),
    ],
  };
}
