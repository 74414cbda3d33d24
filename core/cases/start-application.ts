import { createHash, randomUUID } from 'node:crypto';
import type { CatalogueRepository } from '../db/catalogue-repository.ts';
import type { CaseRow, CasesRepository } from '../db/cases-repository.ts';
import type { Application } from './application-schema.ts';
import type { OrganisationMemberships } from '../organisations/index.ts';
import { organisationErrors } from '../errors/organisation-errors.ts';
import { audienceRefusal } from '../organisations/organisation-rules.ts';
import { caseErrors } from '../errors/case-errors.ts';
import { engineUnavailable, invalidField } from '../errors/problem-error.ts';
import { offeredPaymentMethods } from '../catalogue/payment-methods.ts';

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
  engine: ProcessStarter;
  /** Whom an application on behalf of an organisation is allowed (ORG-4). */
  memberships: OrganisationMemberships;
  paymentDeadlines: PaymentDeadlines;
  /** ISO-8601 duration a clerk's question waits for the citizen's answer. */
  informationAnswerWithin: string;
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

const fingerprint = (application: Application, serviceRequest?: Record<string, unknown>): string =>
  createHash('sha256').update(JSON.stringify(canonical(serviceRequest ? { application, serviceRequest } : application))).digest('hex');

/** Services whose request carries more than an application, with the route that takes it. */
export const SERVICES_WITH_OWN_REQUEST: Readonly<Record<string, string>> = {
  'contact-data-change': 'POST /contact-data-changes',
};

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

/**
 * Files an application as a case and starts its process. Nothing is stored when the input is
 * refused, and a case whose process could not be started is removed again, so a retry is clean.
 */
export function createStartApplication(deps: StartApplicationDeps) {
  const now = deps.now ?? (() => new Date());

  async function replay(existing: CaseRow, application: Application, serviceRequest?: Record<string, unknown>): Promise<StartApplicationResult> {
    if (existing.requestFingerprint !== fingerprint(application, serviceRequest)) {
      throw caseErrors.idempotencyKeyReused();
    }
    return { caseId: existing.id, replayed: true };
  }

  /**
   * `serviceRequest` is what a service with a request of its own (see SERVICES_WITH_OWN_REQUEST)
   * asks beyond the applicant: kept on the case while the process runs and handed to it as
   * `request`.
   */
  return async function startApplication(
    citizenId: string, application: Application, idempotencyKey?: string, serviceRequest?: Record<string, unknown>,
  ): Promise<StartApplicationResult> {
    const ownRoute = SERVICES_WITH_OWN_REQUEST[application.serviceId];
    if (ownRoute && !serviceRequest) throw invalidField('/body/serviceId', `is requested through ${ownRoute}`);
    checkDateOfBirth(application.applicant.dateOfBirth, now());
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

    const free = offering.feeRappen === 0;
    if (free && application.paymentMethod) throw invalidField('/body/paymentMethod', 'the service is free of charge');
    const paymentMethod = application.paymentMethod ?? 'online';
    if (!free) checkPaymentMethodOffered(paymentMethod, municipality, offering);

    if (idempotencyKey) {
      const existing = await deps.cases.findByIdempotencyKey(citizenId, idempotencyKey);
      if (existing) return replay(existing, application, serviceRequest);
    }

    const caseId = randomUUID();
    const outcome = await deps.cases.insert({
      id: caseId,
      citizenId,
      serviceId: offering.serviceId,
      municipalityId: municipality.id,
      language: application.language,
      idempotencyKey: idempotencyKey ?? null,
      requestFingerprint: fingerprint(application, serviceRequest),
      createdAt: now(),
      applicant: application.applicant,
      organisationId: application.organisationId ?? null,
      serviceRequest: serviceRequest ?? null,
    });
    if (outcome === 'duplicate') {
      // A concurrent submit with the same key won the race; if its case is already gone again
      // (its start failed), this submit must not carry on with a case that was never stored.
      const existing = idempotencyKey ? await deps.cases.findByIdempotencyKey(citizenId, idempotencyKey) : undefined;
      if (existing) return replay(existing, application, serviceRequest);
      throw caseErrors.concurrentSubmit();
    }

    let processInstanceKey: string | undefined;
    try {
      ({ processInstanceKey } = await deps.engine.start(offering.bpmnProcessId, {
        caseId,
        serviceId: offering.serviceId,
        municipalityId: municipality.id,
        language: application.language,
        applicant: application.applicant,
        feeRappen: offering.feeRappen,
        residentsOfficeGroup: offering.candidateGroup,
        settings: offering.settings,
        ...(free ? {} : {
          paymentMethod,
          paymentReminderAfter: deps.paymentDeadlines[paymentMethod].reminderAfter,
          paymentCancelAfter: deps.paymentDeadlines[paymentMethod].cancelAfter,
        }),
        informationAnswerWithin: deps.informationAnswerWithin,
        ...(serviceRequest ? { request: serviceRequest } : {}),
      }));
      await deps.cases.attachProcessInstance(caseId, processInstanceKey);
    } catch (error) {
      // No process may run for a case that is not stored: cancel before removing.
      if (processInstanceKey) await deps.engine.cancel(processInstanceKey).catch(() => undefined);
      await deps.cases.remove(caseId);
      throw engineUnavailable('The application could not be started; nothing was stored. Please try again.', error);
    }
    return { caseId, replayed: false };
  };
}

export type StartApplication = ReturnType<typeof createStartApplication>;
