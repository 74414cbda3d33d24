/**
 * What an application's `data` becomes: checked against the service's start form, the account's
 * own fields filled in by the server, phone numbers normalised, and split into what the platform
 * reads itself (applicant, payment method) and what the process gets.
 */
import type { PrefillSource } from '../catalogue/service-manifest.ts';
import type { ServiceIntake } from '../db/catalogue-repository.ts';
import { invalidField } from '../errors/problem-error.ts';
import { caseErrors } from '../errors/case-errors.ts';
import { boundFields, checkFormData, normaliseFormData, setAt, valueAt, type FormComponent } from '../forms/form-data-check.ts';
import type { Application } from './application-schema.ts';
import type { FormDataSources, SourceRequest, SourcedOptions } from '../forms/form-data-sources.ts';

/** What the account knows of the person applying, for the form's pre-filled fields. */
export interface ApplicantFacts {
  account: Partial<Record<PrefillSource, string | null>>;
  /** The account's identity was confirmed through AGOV / e-ID. */
  identityVerified: boolean;
}

export interface ApplicationData {
  /** The checked form data, as the process gets it (top-level fields become variables). */
  data: Record<string, unknown>;
  applicant: { firstName: string; lastName: string; dateOfBirth: string } | null;
  paymentMethod: 'online' | 'invoice' | undefined;
  /** What the form's sources give the process (e.g. the chosen open items and the resident's id). */
  sourced: Record<string, unknown>;
}

/** The form data the application carries: `data`, or the applicant alone as older clients send it. */
export function submittedData(application: Application): Record<string, unknown> {
  if (application.data && application.applicant) throw invalidField('/body/applicant', 'is given inside data as data.applicant');
  return structuredClone(application.data ?? (application.applicant ? { applicant: application.applicant } : {}));
}

const isReadonly = (component: FormComponent) => component.readonly === true;

/**
 * Fields the package pre-fills from the account and the form shows read-only are the account's
 * own (e.g. the name on a change of one's own contact data): the server fills them and refuses
 * another value, so that nobody asks in someone else's name.
 */
function fillAccountFields(intake: ServiceIntake, facts: ApplicantFacts, data: Record<string, unknown>): void {
  const fields = boundFields(intake.startForm);
  const problems: { pointer: string; detail: string }[] = [];
  for (const [fieldPath, source] of Object.entries(intake.prefill)) {
    const path = fieldPath.split('.');
    const field = fields.find((candidate) => candidate.path.join('.') === fieldPath);
    if (!field || !isReadonly(field.component)) continue;
    const own = facts.account[source] ?? null;
    const given = valueAt(data, path);
    if (given !== undefined && given !== null && given !== '' && given !== own) {
      problems.push({ pointer: `/body/data/${path.join('/')}`, detail: 'is the account\'s own and cannot be changed here' });
    } else if (own !== null) {
      setAt(data, path, own);
    }
  }
  if (problems.length > 0) throw caseErrors.applicationDataInvalid(problems.sort((a, b) => a.pointer.localeCompare(b.pointer)));
}

/** The submitted data with the account's own fields filled in: what the form's sources and checks see. */
export function dataWithAccountFields(application: Application, intake: ServiceIntake, facts: ApplicantFacts): Record<string, unknown> {
  const data = submittedData(application);
  fillAccountFields(intake, facts, data);
  return data;
}

/** Reads the options of every source the package names for its start form, for the person applying. */
export async function loadSourcedOptions(
  intake: ServiceIntake, sources: FormDataSources, request: SourceRequest,
): Promise<Record<string, SourcedOptions>> {
  const entries = await Promise.all(Object.entries(intake.formData).map(async ([key, source]) => [key, await sources[source](request)] as const));
  return Object.fromEntries(entries);
}

/** What the process gets of each source: the records of the chosen values under the source's key, and the source's own variables. */
function sourcedVariables(intake: ServiceIntake, data: Record<string, unknown>, sourced: Readonly<Record<string, SourcedOptions>>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const fields = boundFields(intake.startForm);
  for (const [key, { records, variables: own }] of Object.entries(sourced)) {
    const chosen = fields.filter((field) => field.component.valuesKey === key).flatMap((field) => {
      const value = valueAt(data, field.path);
      return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    });
    variables[key] = [...new Set(chosen)].map((value) => records.get(String(value)));
    Object.assign(variables, own);
  }
  return variables;
}

/**
 * Checks `data` (the account's fields filled in) against the start form with the sources'
 * options, and splits it into what the platform reads and what the process gets.
 */
export function checkApplicationData(
  application: Application, intake: ServiceIntake, data: Record<string, unknown>, sourced: Readonly<Record<string, SourcedOptions>> = {},
): ApplicationData {
  const options = Object.fromEntries(Object.entries(sourced).map(([key, source]) => [key, source.options]));
  const problems = checkFormData(intake.startForm, data, { pointer: '/body/data', options });
  if (problems.length > 0) throw caseErrors.applicationDataInvalid(problems);
  const checked = normaliseFormData(intake.startForm, data);
  const fromForm = checked.paymentMethod as ApplicationData['paymentMethod'];
  if (fromForm && application.paymentMethod && fromForm !== application.paymentMethod) {
    throw invalidField('/body/paymentMethod', 'differs from data.paymentMethod');
  }
  return {
    data: checked,
    applicant: (checked.applicant as ApplicationData['applicant'] | undefined) ?? null,
    paymentMethod: application.paymentMethod ?? fromForm,
    sourced: sourcedVariables(intake, checked, sourced),
  };
}
