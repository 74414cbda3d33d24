/**
 * The server's check of what a citizen or clerk submits through a form-js form: only the form's
 * own fields, each of the type its component submits, every required one that is shown filled,
 * offered values only, lengths, patterns and bounds kept. A field's `conditional.hide` is a FEEL
 * expression, evaluated with the interpreter form-js uses in the browser, so that a field shown
 * only for some answers is required exactly when the user sees it. The browser validates first;
 * this stops anyone posting around it.
 */
import { evaluate } from '@bpmn-io/feelin';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface FormComponent {
  id?: string;
  key?: string;
  path?: string;
  type?: string;
  subtype?: string;
  readonly?: boolean | string;
  /** A number field's most digits after the decimal point (0: whole numbers). */
  decimalDigits?: number;
  validate?: {
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    pattern?: string;
    validationType?: 'email' | 'phone' | string;
  };
  values?: { value: unknown; label?: string }[];
  valuesKey?: string;
  /** A filepicker's file types, as the browser's `accept` attribute takes them (`.pdf,image/jpeg`). */
  accept?: string;
  /** Whether a filepicker takes more than one file. */
  multiple?: boolean | string;
  conditional?: { hide?: string };
  components?: FormComponent[];
}

export interface FormProblem {
  /** A JSON pointer to the field in the request, e.g. `/body/data/applicant/firstName`. */
  pointer: string;
  detail: string;
}

/** A field the form binds: its place in the submitted data and its component. */
export interface BoundField {
  /** Path segments into the data: group paths, then the key's own (dotted) segments. */
  path: string[];
  component: FormComponent;
  /** The groups the field sits in, outermost first (their `conditional.hide` hides the field too). */
  groups: FormComponent[];
}

/** Components that show something but bind no data. */
const PRESENTATIONAL = new Set(['text', 'html', 'image', 'spacer', 'separator', 'button', 'iframe', 'table', 'documentPreview']);

/** The input components whose values this check knows; a form using others is refused by the package check. */
export const CHECKED_INPUT_TYPES = ['textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'datetime', 'filepicker'] as const;

/**
 * What a filepicker's value is: form-js keeps the chosen files apart from the data and gives the
 * field a key to them (`files::<id>`), which a submitted form's files are named by.
 */
export const FILES_REFERENCE = /^files::[\x21-\x7e]{1,100}$/;

/** Every field the form binds, with its data path (group `path`s and dotted keys nest). */
export function boundFields(schema: unknown): BoundField[] {
  const fields: BoundField[] = [];
  const walk = (components: FormComponent[] | undefined, prefix: string[], groups: FormComponent[]) => {
    for (const component of components ?? []) {
      if (component.type === 'group' || component.type === 'dynamiclist') {
        const inner = component.path ? [...prefix, ...component.path.split('.')] : prefix;
        walk(component.components, inner, [...groups, component]);
      } else if (component.key && !PRESENTATIONAL.has(component.type ?? '')) {
        fields.push({ path: [...prefix, ...component.key.split('.')], component, groups });
      }
    }
  };
  walk((schema as FormComponent | null)?.components, [], []);
  return fields;
}

export const valueAt = (data: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, segment) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined), data);

/** Sets the value at `path`, making the objects on the way where there are none. */
export function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = data;
  for (const segment of path.slice(0, -1)) {
    const next = target[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[segment] = {};
    target = target[segment] as Record<string, unknown>;
  }
  target[path.at(-1)!] = value;
}

/** Whether a `conditional.hide` expression hides the component; an expression that fails to evaluate hides nothing. */
export function isHidden(component: FormComponent, context: Record<string, unknown>): boolean {
  const expression = component.conditional?.hide;
  if (!expression) return false;
  try {
    return evaluate(expression.replace(/^=/, ''), context).value === true;
  } catch {
    return false;
  }
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{2}:\d{2}(:\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether the number, as JavaScript writes it, has no more digits after the point than allowed. */
function hasAtMostDecimals(value: number, digits: number): boolean {
  if (Number.isInteger(value)) return true;
  const [mantissa = '', exponent] = String(value).split('e');
  const decimals = (mantissa.split('.')[1]?.length ?? 0) - Number(exponent ?? 0);
  return decimals <= digits;
}

/** What is wrong with one shown, non-empty value of a field; undefined when it is fine. */
function valueProblem(component: FormComponent, value: unknown, offered: readonly unknown[] | undefined): string | undefined {
  const rules = component.validate ?? {};
  switch (component.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (component.decimalDigits !== undefined && !hasAtMostDecimals(value, component.decimalDigits)) {
        return component.decimalDigits === 0 ? 'must be a whole number' : `has more than ${component.decimalDigits} decimal places`;
      }
      if (rules.min !== undefined && value < rules.min) return `must be at least ${rules.min}`;
      if (rules.max !== undefined && value > rules.max) return `must be at most ${rules.max}`;
      return undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'checklist':
    case 'taglist': {
      if (!Array.isArray(value)) return 'must be a list';
      if (new Set(value).size !== value.length) return 'names a value twice';
      if (offered && value.some((item) => !offered.includes(item))) return 'holds a value that is not offered';
      return undefined;
    }
    case 'filepicker':
      return typeof value === 'string' && FILES_REFERENCE.test(value) ? undefined : 'must name its files as form-js does (files::<id>)';
    case 'radio':
    case 'select':
      return offered && !offered.includes(value) ? 'is not one of the offered values' : undefined;
    case 'datetime': {
      if (typeof value !== 'string') return 'must be a date';
      if (component.subtype === 'time') return ISO_TIME.test(value) ? undefined : 'is not a time (HH:MM)';
      if (component.subtype === 'datetime') return Number.isNaN(Date.parse(value)) ? 'is not a date and time' : undefined;
      return isCalendarDate(value) ? undefined : 'is not a calendar date';
    }
    default: {
      if (typeof value !== 'string') return 'must be a text';
      if (rules.maxLength !== undefined && value.length > rules.maxLength) return `is longer than ${rules.maxLength} characters`;
      if (rules.minLength !== undefined && value.trim().length < rules.minLength) return `is shorter than ${rules.minLength} characters`;
      if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`, 'u').test(value)) return 'does not have the expected form';
      if (rules.validationType === 'email' && !EMAIL.test(value.trim())) return 'is not an e-mail address';
      if (rules.validationType === 'phone' && !parsePhoneNumberFromString(value, 'CH')?.isValid()) return 'is not a valid phone number';
      return undefined;
    }
  }
}

export interface FormCheckOptions {
  /** Where the data sits in the request, e.g. `/body/data`. */
  pointer: string;
  /** What the form is shown with besides its own data (e.g. the applicant), for FEEL conditions. */
  context?: Record<string, unknown>;
  /** Options of fields with a `valuesKey`, by that key, as the form was given them. */
  options?: Readonly<Record<string, readonly { value: unknown }[]>>;
}

/** The leaf paths a submitted object holds (objects nest, anything else is a value). */
function leafPaths(data: unknown, prefix: string[] = []): string[][] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [prefix];
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0 && prefix.length > 0) return [prefix];
  return entries.flatMap(([key, value]) => leafPaths(value, [...prefix, key]));
}

/** The JSON pointer of a path under `base` (segments escaped as RFC 6901 asks). */
export const pointerOf = (base: string, path: readonly string[]) => `${base}/${path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Every problem of the submitted data against the form, each naming its field. Empty when all is well. */
export function checkFormData(schema: unknown, data: Record<string, unknown>, options: FormCheckOptions): FormProblem[] {
  const fields = boundFields(schema);
  const problems: FormProblem[] = [];
  const problem = (path: readonly string[], detail: string) => problems.push({ pointer: pointerOf(options.pointer, path), detail });
  const known = new Set(fields.map((field) => field.path.join('\u0000')));
  const isPrefixOfField = (path: string[]) => fields.some((field) => field.path.length > path.length && path.every((s, i) => field.path[i] === s));
  for (const path of leafPaths(data)) {
    if (known.has(path.join('\u0000'))) continue;
    // A group's object left empty or null is no field of its own, but holds nothing either.
    const value = valueAt(data, path);
    if (isPrefixOfField(path) && (value === null || (typeof value === 'object' && Object.keys(value as object).length === 0))) continue;
    problem(path, 'is not a field of this form');
  }
  const shownWith = { ...options.context, ...data };
  for (const { path, component, groups } of fields) {
    const value = valueAt(data, path);
    const empty = isEmpty(value);
    if ([...groups, component].some((c) => isHidden(c, shownWith))) {
      if (!empty) problem(path, 'is not shown for these answers');
      continue;
    }
    if (empty) {
      if (component.validate?.required) problem(path, 'is required');
      continue;
    }
    const offered = component.valuesKey !== undefined
      ? (options.options?.[component.valuesKey] ?? []).map((option) => option.value)
      : component.values?.map((option) => option.value);
    const detail = valueProblem(component, value, offered);
    if (detail) problem(path, detail);
  }
  return problems;
}

/** The data with phone numbers written as E.164 (+41…), the way registers and messages want them. */
export function normaliseFormData(schema: unknown, data: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const { path, component } of boundFields(schema)) {
    if (component.validate?.validationType !== 'phone') continue;
    const value = valueAt(copy, path);
    if (typeof value !== 'string' || value === '') continue;
    const parsed = parsePhoneNumberFromString(value, 'CH');
    if (!parsed?.isValid()) continue;
    setAt(copy, path, parsed.number);
  }
  return copy;
}
