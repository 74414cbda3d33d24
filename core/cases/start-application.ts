import { createHash, randomUUID } from 'node:crypto';
import type { CatalogueRepository, ServiceIntake } from '../db/catalogue-repository.ts';
import type { CaseRow, CasesRepository } from '../db/cases-repository.ts';
import type { DocumentsRepository } from '../db/documents-repository.ts';
import type { Application } from './application-schema.ts';
import type { OrganisationMemberships } from '../organisations/index.ts';
import { organisationErrors } from '../errors/organisation-errors.ts';
import { audienceRefusal } from '../organisations/organisation-rules.ts';
import { caseErrors } from '../errors/case-errors.ts';
import { engineUnavailable, invalidField, ProblemError, withPointersMoved } from '../errors/problem-error.ts';
import { offeredPaymentMethods } from '../catalogue/payment-methods.ts';
import { effectiveSettings } from '../catalogue/service-settings.ts';
import { checkApplicationData, dataWithAccountFields, loadSourcedOptions, submittedData, type ApplicantFacts } from './application-data.ts';
import type { FormDataSources, SourceRequest } from '../forms/form-data-sources.ts';
import type { ReceivedFile, UploadLimits } from '../forms/form-uploads.ts';
import { takeUploads } from './application-uploads.ts';

/** Starts process instances; the engine adapter implements it. */
export interface ProcessStarter {
  start(bpmnProcessId: string, variables: Record<string, unknown>): Promise<{ processInstanceKey: string }>;
  cancel(processInstanceKey: string): Promise<void>;
}

/** How long the process waits for payment before a reminder, and after it before cancelling (ISO 8601 durations). */
export interface PaymentDeadlines {
  online: { reminderAfter: string; cancelAfter: string };
  invoice: { reminderAfter: string; cancelAfter: string };
}

export interface StartApplicationDeps {
  catalogue: CatalogueRepository;
  cases: CasesRepository;
  /** Where the files uploaded with an application are kept, as the case's documents. */
  documents: Pick<DocumentsRepository, 'fileUploads'>;
  /** How much one application may upload. */
  uploadLimits: UploadLimits;
  engine: ProcessStarter;
  /** Whom an application on behalf of an organisation is allowed (ORG-4). */
  memberships: OrganisationMemberships;
  paymentDeadlines: PaymentDeadlines;
  /** ISO-8601 duration a clerk's question waits for the citizen's answer. */
  informationAnswerWithin: string;
  /** What the account knows of the person applying (its own fields of the start form, identity confirmed or not). */
  applicantFacts(accountId: string): Promise<ApplicantFacts>;
  /** The platform's sources of start-form options (a package names those its form uses). */
  formDataSources: FormDataSources;
  now?: () => Date;
}

export interface StartApplicationResult {
  caseId: string;
  replayed: boolean;
}

// Key order must not matter: a client may serialise the same application differently on retry.
const canonical = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
    : value;

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * What an Idempotency-Key stands for: the application and the contents of its files, so that a
 * replay with other files is another application. Without files it is what it was before uploads,
 * so that the cases filed then still recognise their replays.
 */
function fingerprint(application: Application, files: readonly ReceivedFile[]): string {
  const text = JSON.stringify(canonical(application));
  if (files.length === 0) return sha256(text);
  const contents = files.map((file) => `${file.reference} ${sha256(file.content ?? '')}`).sort();
  return sha256(`${text}\n${contents.join('\n')}`);
}

/** Refuses a date of birth that is no calendar date, lies ahead or more than 130 years back. */
export function checkDateOfBirth(dateOfBirth: string, today: Date, pointer = '/body/applicant/dateOfBirth'): void {
  const date = new Date(`${dateOfBirth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== dateOfBirth) {
    throw invalidField(pointer, 'is not a calendar date');
  }
  if (date > today) throw invalidField(pointer, 'lies in the future');
  if (date.getUTCFullYear() < today.getUTCFullYear() - 130) throw invalidField(pointer, 'lies too far in the past');
}

type Municipality = NonNullable<Awaited<ReturnType<CatalogueRepository['findMunicipality']>>>;
type Offering = NonNullable<Awaited<ReturnType<CatalogueRepository['findOffering']>>>;

function checkPaymentMethodOffered(paymentMethod: 'online' | 'invoice', municipality: Municipality, offering: Offering): void {
  if (offeredPaymentMethods(municipality, offering).includes(paymentMethod)) return;
  throw paymentMethod === 'invoice'
    ? caseErrors.paymentMethodNotOffered(`${municipality.name} does not offer payment by invoice for this service.`, 'invoice is not offered here')
    : caseErrors.paymentMethodNotOffered(`${municipality.name} does not offer online payment.`, 'online payment is not offered here');
}

/** What the process gets besides the platform's own variables: the form's top-level fields, but not the payment method, which the platform sets. */
function formVariables(data: Record<string, unknown>): Record<string, unknown> {
  const { paymentMethod: _paymentMethod, ...variables } = data;
  return variables;
}

/**
 * What the case keeps of the request beyond the applicant, while the process runs; null when there
 * is nothing. The records the citizen chose from a source go with it as the source described them
 * (an instalment plan's bills with their amounts), for the clerk's form: the tasklist does not read
 * process variables.
 */
function requestOf(data: Record<string, unknown>, intake: ServiceIntake, sourced: Record<string, unknown>): Record<string, unknown> | null {
  const { applicant: _applicant, paymentMethod: _paymentMethod, ...request } = data;
  for (const key of Object.keys(intake.formData)) request[key] = sourced[key];
  return Object.keys(request).length > 0 ? request : null;
}

/**
 * Files an application as a case and starts its process. The application's data and files are
 * checked against the service's start form; the files become the case's documents. Nothing is
 * stored when the input is refused, and a case whose process could not be started is removed
 * again with its documents, so a retry is clean.
 */
export function createStartApplication(deps: StartApplicationDeps) {
  const now = deps.now ?? (() => new Date());

  async function replay(existing: CaseRow, application: Application, files: readonly ReceivedFile[]): Promise<StartApplicationResult> {
    if (existing.requestFingerprint !== fingerprint(application, files)) {
      throw caseErrors.idempotencyKeyReused();
    }
    return { caseId: existing.id, replayed: true };
  }

  /**
   * `files` are those uploaded with the application (multipart), each under the key of the
   * filepicker that asks for it. A client that sends the applicant beside data, as before the
   * start forms, hears of it where it put it.
   */
  return async function startApplication(
    citizenId: string, application: Application, idempotencyKey?: string, files: readonly ReceivedFile[] = [],
  ): Promise<StartApplicationResult> {
    try {
      return await start(citizenId, application, idempotencyKey, files);
    } catch (error) {
      const aboutApplicant = error instanceof ProblemError && error.problem.errors?.some((e) => e.pointer.startsWith('/body/data/applicant/'));
      if (application.applicant && !application.data && aboutApplicant) throw withPointersMoved(error, '/body/data/applicant/', '/body/applicant/');
      throw error;
    }
  };

  async function start(citizenId: string, application: Application, idempotencyKey: string | undefined, files: readonly ReceivedFile[]): Promise<StartApplicationResult> {
    submittedData(application);
    const municipality = await deps.catalogue.findMunicipality(application.municipalityId);
    if (!municipality) throw invalidField('/body/municipalityId', 'is not a known municipality');
    if (!municipality.participates) {
      throw caseErrors.municipalityNotParticipating(municipality.name);
    }
    const offering = await deps.catalogue.findOffering(municipality.id, application.serviceId);
    if (!offering) {
      throw caseErrors.serviceNotOffered(municipality.name, application.serviceId);
    }

    const audience = audienceRefusal(offering.audience, application.organisationId);
    if (audience === 'organisation-required') throw organisationErrors.serviceNeedsOrganisation(offering.serviceId);
    if (audience === 'personal-only') throw organisationErrors.servicePersonalOnly(offering.serviceId);
    if (application.organisationId && !(await deps.memberships.organisationIdsOf(citizenId)).includes(application.organisationId)) {
      throw organisationErrors.notOrganisationMember();
    }

    const intake = await deps.catalogue.intakeOf(offering.serviceId);
    if (!intake) throw invalidField('/body/serviceId', 'has no start form to apply with');
    const facts = await deps.applicantFacts(citizenId);
    const filled = dataWithAccountFields(application, intake, facts);
    const sourced = await loadSourcedOptions(intake, deps.formDataSources, {
      municipalityId: municipality.id, applicant: filled.applicant as SourceRequest['applicant'] ?? null, language: application.language,
    });
    const { data: checked, applicant, paymentMethod: chosenMethod, sourced: fromSources } = checkApplicationData(application, intake, filled, sourced);
    if (applicant?.dateOfBirth) checkDateOfBirth(applicant.dateOfBirth, now(), '/body/data/applicant/dateOfBirth');
    const { data, documents } = await takeUploads(intake, checked, files, deps.uploadLimits);

    const free = offering.feeRappen === 0;
    if (free && chosenMethod) throw invalidField('/body/paymentMethod', 'the service is free of charge');
    const paymentMethod = chosenMethod ?? 'online';
    if (!free) checkPaymentMethodOffered(paymentMethod, municipality, offering);

    if (idempotencyKey) {
      const existing = await deps.cases.findByIdempotencyKey(citizenId, idempotencyKey);
      if (existing) return replay(existing, application, files);
    }

    const caseId = randomUUID();
    const outcome = await deps.cases.insert({
      id: caseId,
      citizenId,
      serviceId: offering.serviceId,
      municipalityId: municipality.id,
      language: application.language,
      idempotencyKey: idempotencyKey ?? null,
      requestFingerprint: fingerprint(application, files),
      createdAt: now(),
      applicant,
      organisationId: application.organisationId ?? null,
      serviceRequest: requestOf(data, intake, fromSources),
      identityVerified: facts.identityVerified,
    });
    if (outcome === 'duplicate') {
      // A concurrent submit with the same key won the race; if its case is already gone again
      // (its start failed), this submit must not carry on with a case that was never stored.
      const existing = idempotencyKey ? await deps.cases.findByIdempotencyKey(citizenId, idempotencyKey) : undefined;
      if (existing) return replay(existing, application, files);
      throw caseErrors.concurrentSubmit();
    }
    try {
      await deps.documents.fileUploads(caseId, documents);
    } catch (error) {
      await deps.cases.remove(caseId);
      throw error;
    }

    let processInstanceKey: string | undefined;
    try {
      ({ processInstanceKey } = await deps.engine.start(offering.bpmnProcessId, {
        ...formVariables(data),
        ...fromSources,
        caseId,
        serviceId: offering.serviceId,
        municipalityId: municipality.id,
        language: application.language,
        feeRappen: offering.feeRappen,
        residentsOfficeGroup: offering.candidateGroup,
        settings: effectiveSettings(offering.settingDeclarations, offering.settingValues),
        identityVerified: facts.identityVerified,
        ...(free ? {} : {
          paymentMethod,
          paymentReminderAfter: deps.paymentDeadlines[paymentMethod].reminderAfter,
          paymentCancelAfter: deps.paymentDeadlines[paymentMethod].cancelAfter,
        }),
        informationAnswerWithin: deps.informationAnswerWithin,
      }));
      await deps.cases.attachProcessInstance(caseId, processInstanceKey);
    } catch (error) {
      // No process may run for a case that is not stored: cancel before removing. The case's
      // documents (its uploads) go with it (on delete cascade).
      if (processInstanceKey) await deps.engine.cancel(processInstanceKey).catch(() => undefined);
      await deps.cases.remove(caseId);
      throw engineUnavailable('The application could not be started; nothing was stored. Please try again.', error);
    }
    return { caseId, replayed: false };
  }
}

export type StartApplication = ReturnType<typeof createStartApplication>;
