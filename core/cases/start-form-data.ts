import { prefilledData } from '../accounts/prefill.ts';
import type { CatalogueRepository } from '../db/catalogue-repository.ts';
import { caseErrors } from '../errors/case-errors.ts';
import type { FormDataSources } from '../forms/form-data-sources.ts';
import type { Language } from '../language.ts';
import { dataWithAccountFields, loadSourcedOptions, type ApplicantFacts } from './application-data.ts';

export interface StartFormDataRequest {
  municipalityId: string;
  language: Language;
  /** What the citizen has filled in so far (e.g. the date of birth the open items are found by). */
  data?: Record<string, unknown>;
}

/**
 * The data a portal front end opens a service's start form with (form-js `importSchema(schema,
 * data)`): pre-filled from the account as the package says, what the citizen gave so far, and the
 * options of the fields whose values the platform reads from the back office, under their valuesKey.
 */
export function createLoadStartFormData(deps: {
  catalogue: Pick<CatalogueRepository, 'intakeOf'>;
  applicantFacts(accountId: string): Promise<ApplicantFacts>;
  formDataSources: FormDataSources;
}) {
  return async function loadStartFormData(citizenId: string, serviceId: string, request: StartFormDataRequest): Promise<Record<string, unknown>> {
    const intake = await deps.catalogue.intakeOf(serviceId);
    if (!intake) throw caseErrors.startFormNotFound(serviceId);
    const facts = await deps.applicantFacts(citizenId);
    const given = mergeData(prefilledData(intake.prefill, facts.account), request.data ?? {});
    const data = dataWithAccountFields({ serviceId, municipalityId: request.municipalityId, language: request.language, data: given }, intake, facts);
    const sourced = Object.keys(intake.formData).length === 0 ? {} : await loadSourcedOptions(intake, deps.formDataSources, {
      municipalityId: request.municipalityId, applicant: (data.applicant as Record<string, unknown> | undefined) ?? null, language: request.language,
    });
    return { ...data, ...Object.fromEntries(Object.entries(sourced).map(([key, { options }]) => [key, options])) };
  };
}

export type LoadStartFormData = ReturnType<typeof createLoadStartFormData>;

/** `over` laid over `base`, objects merged field by field. */
function mergeData(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isObject(below) && isObject(value) ? mergeData(below, value) : value;
  }
  return merged;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
