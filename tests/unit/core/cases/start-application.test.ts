import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createStartApplication, type ProcessStarter } from '../../../../core/cases/start-application.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogueRepository, Municipality, ServiceIntake, ServiceOffering } from '../../../../core/db/catalogue-repository.ts';
import type {
  CaseMessage, CaseRow, CasesRepository, DocumentMeta, NewCase, PhaseEntry,
} from '../../../../core/db/cases-repository.ts';
import { ProblemError } from '../../../../core/errors/problem-error.ts';
import { caseErrors } from '../../../../core/errors/case-errors.ts';
import type { Application } from '../../../../core/cases/application-schema.ts';
import type { FormDataSourceLoader } from '../../../../core/forms/form-data-sources.ts';
import type { UploadedDocument } from '../../../../core/db/documents-repository.ts';
import type { ReceivedFile } from '../../../../core/forms/form-uploads.ts';
import { sampleJpeg, samplePdf, samplePng } from '../../../support/sample-files.ts';

const NOW = new Date('2025-03-10T09:15:00.000Z');
const CITIZEN = 'citizen-1';

const aarau: Municipality = {
  id: 'aarau', bfsNumber: 4001, name: 'Aarau', participates: true,
  backOffice: { vendor: 'dialog', url: 'http://dialog.test', credentialRef: 'AARAU_DIALOG_KEY' },
  payrexx: { instance: 'gemeinde-aarau', credentialRef: 'PAYREXX_AARAU_API_KEY' },
  creditor: { name: 'Gemeinde Aarau', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5000', town: 'Aarau', iban: 'CH4431999123000889012' },
  letterhead: null,
};
const DEADLINES = { online: { reminderAfter: 'P2D', cancelAfter: 'P5D' }, invoice: { reminderAfter: 'P30D', cancelAfter: 'P30D' } };
const olten: Municipality = { ...aarau, id: 'olten', bfsNumber: 2581, name: 'Olten', participates: false };

const certificateInAarau: ServiceOffering = {
  serviceId: 'residence-certificate',
  bpmnProcessId: 'residence-certificate',
  names: { de: 'Wohnsitzbestätigung', fr: 'Attestation de domicile' },
  expectedProcessingDays: 5,
  feeRappen: 2500,
  paymentAccount: 'CH93 0076 2011 6238 5295 7',
  bookingText: 'Wohnsitzbestätigung',
  candidateGroup: 'aarau-residents-office',
  invoiceAllowed: true,
  audience: 'both',
  descriptions: null,
  documents: [],
  paymentMethods: ['online', 'invoice'],
  settingDeclarations: { reviewAlways: { type: 'boolean', default: false, names: { de: 'x', fr: 'x', it: 'x', en: 'x' } } },
  settingValues: { reviewAlways: true },
};

const application: Application = {
  serviceId: 'residence-certificate',
  municipalityId: 'aarau',
  language: 'fr',
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
};

/** The residence certificate's start form and pre-fill, as its package has them. */
const CERTIFICATE_INTAKE: ServiceIntake = {
  startForm: JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../processes/residence-certificate/residence-certificate-start.form'), 'utf8')) as object,
  prefill: { 'applicant.firstName': 'firstName', 'applicant.lastName': 'lastName', 'applicant.dateOfBirth': 'dateOfBirth' },
  formData: {},
};

class InMemoryCatalogue implements CatalogueRepository {
  readonly municipalities = new Map<string, Municipality>([[aarau.id, aarau], [olten.id, olten]]);
  readonly offerings: (ServiceOffering & { municipalityId: string })[] = [{ ...certificateInAarau, municipalityId: 'aarau' }];

  async findMunicipality(id: string) {
    return this.municipalities.get(id);
  }
  async listOfferings(municipalityId: string) {
    return this.offerings.filter((offering) => offering.municipalityId === municipalityId);
  }
  async findOffering(municipalityId: string, serviceId: string) {
    return this.offerings.find((offering) => offering.municipalityId === municipalityId && offering.serviceId === serviceId);
  }
  async expectedProcessingDays(serviceId: string) {
    return this.offerings.find((offering) => offering.serviceId === serviceId)?.expectedProcessingDays;
  }
  async startForm() {
    return undefined;
  }
  async documentTemplates() {
    return [];
  }
  async intakeOf(serviceId: string) {
    return serviceId === 'residence-certificate' ? CERTIFICATE_INTAKE : undefined;
  }
  async findInstitutionFor() {
    return undefined;
  }
}

class InMemoryCases implements CasesRepository {
  readonly rows = new Map<string, NewCase & { processInstanceKey: string | null }>();
  readonly removed: string[] = [];
  /** Simulates a concurrent submit: this many key lookups miss a case that is already there. */
  missedLookups = 0;

  async insert(newCase: NewCase) {
    const clash = [...this.rows.values()].some((row) =>
      newCase.idempotencyKey !== null && row.citizenId === newCase.citizenId && row.idempotencyKey === newCase.idempotencyKey);
    if (clash) return 'duplicate' as const;
    this.rows.set(newCase.id, { ...newCase, processInstanceKey: null });
    return 'inserted' as const;
  }
  async findByIdempotencyKey(citizenId: string, key: string) {
    if (this.missedLookups > 0) {
      this.missedLookups -= 1;
      return undefined;
    }
    const row = [...this.rows.values()].find((candidate) => candidate.citizenId === citizenId && candidate.idempotencyKey === key);
    return row ? this.toRow(row) : undefined;
  }
  attachFailure: Error | undefined;
  async attachProcessInstance(caseId: string, processInstanceKey: string) {
    if (this.attachFailure) throw this.attachFailure;
    const row = this.rows.get(caseId);
    if (row) row.processInstanceKey = processInstanceKey;
  }
  async remove(caseId: string) {
    this.removed.push(caseId);
    this.rows.delete(caseId);
  }
  async findById(caseId: string) {
    const row = this.rows.get(caseId);
    return row ? this.toRow(row) : undefined;
  }
  async listOfCitizen(citizenId: string, limit: number) {
    return [...this.rows.values()].filter((row) => row.citizenId === citizenId).slice(0, limit).map((row) => this.toRow(row));
  }
  async history(): Promise<PhaseEntry[]> {
    return [];
  }
  async documents(): Promise<DocumentMeta[]> {
    return [];
  }
  async messages(): Promise<CaseMessage[]> {
    return [];
  }
  async applicantOf(caseId: string) {
    return this.rows.get(caseId)?.applicant ?? null;
  }
  async formContextOf(caseId: string) {
    return { applicant: this.rows.get(caseId)?.applicant ?? null };
  }

  private toRow(row: NewCase & { processInstanceKey: string | null }): CaseRow {
    return {
      id: row.id, citizenId: row.citizenId, serviceId: row.serviceId, municipalityId: row.municipalityId,
      language: row.language, requestFingerprint: row.requestFingerprint, processInstanceKey: row.processInstanceKey,
      createdAt: row.createdAt, instanceState: null, endedAt: null, openIncidents: 0, currentPhase: null, awaits: null, outcome: null, serviceRequest: row.serviceRequest ?? null,
      organisation: row.organisationId ? { id: row.organisationId, name: 'Organisation' } : null,
    };
  }
}

/** The case's uploads; a removed case takes them with it, as the database's cascade does. */
class InMemoryUploads {
  readonly byCase = new Map<string, readonly UploadedDocument[]>();
  failure: Error | undefined;
  async fileUploads(caseId: string, uploads: readonly UploadedDocument[]) {
    if (this.failure) throw this.failure;
    if (uploads.length > 0) this.byCase.set(caseId, uploads);
  }
}

class RecordingEngine implements ProcessStarter {
  readonly starts: { bpmnProcessId: string; variables: Record<string, unknown> }[] = [];
  failure: Error | undefined;
  private nextKey = 2251799813685249n;

  async start(bpmnProcessId: string, variables: Record<string, unknown>) {
    this.starts.push({ bpmnProcessId, variables });
    if (this.failure) throw this.failure;
    const processInstanceKey = String(this.nextKey);
    this.nextKey += 1n;
    return { processInstanceKey };
  }

  readonly cancelled: string[] = [];
  async cancel(processInstanceKey: string) {
    this.cancelled.push(processInstanceKey);
  }
}

async function refusal(attempt: Promise<unknown>): Promise<ProblemError> {
  const error: unknown = await attempt.then(() => undefined, (rejection: unknown) => rejection);
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

let catalogue: InMemoryCatalogue;
/** What the open-items source answers in a test; by default the resident's two unpaid bills. */
let openItemsSource: FormDataSourceLoader;
const OPEN_ITEMS = [
  { itemId: 'R-1', description: 'Steuern 2025', amountRappen: 240_000, dueDate: '2026-06-30' },
  { itemId: 'R-2', description: 'Abfallgebühr', amountRappen: 18_000, dueDate: '2026-03-31' },
];
let cases: InMemoryCases;
let uploads: InMemoryUploads;
let engine: RecordingEngine;
let startApplication: ReturnType<typeof createStartApplication>;
const ORGANISATION = '7f3e2d1c-0b9a-4876-9543-210fedcba987';
/** The organisations each citizen is a member of. */
let memberships: Map<string, string[]>;

beforeEach(() => {
  openItemsSource = async () => ({
    options: OPEN_ITEMS.map((item) => ({ value: item.itemId, label: item.description })),
    records: new Map(OPEN_ITEMS.map((item) => [item.itemId, item])),
    variables: { residentId: 'resident-7' },
  });
  catalogue = new InMemoryCatalogue();
  cases = new InMemoryCases();
  uploads = new InMemoryUploads();
  const removeCase = cases.remove.bind(cases);
  cases.remove = async (caseId) => {
    uploads.byCase.delete(caseId);
    await removeCase(caseId);
  };
  engine = new RecordingEngine();
  memberships = new Map([[CITIZEN, [ORGANISATION]]]);
  startApplication = createStartApplication({
    catalogue, cases, documents: uploads, uploadLimits: { maxBytes: 1024, maxFiles: 3 }, engine, paymentDeadlines: DEADLINES, informationAnswerWithin: 'P30D', now: () => NOW,
    memberships: { organisationIdsOf: async (accountId) => memberships.get(accountId) ?? [] },
    applicantFacts: async () => ({ account: { firstName: 'Anna', lastName: 'Muster' }, identityVerified: false }),
    formDataSources: { 'open-items': async (request) => openItemsSource(request) },
  });
});

describe('startApplication', () => {
  it('when the application is valid, then a case is stored and its process started with the offering\'s data', async () => {
    const result = await startApplication(CITIZEN, application, 'key-1');

    expect(result.replayed).toBe(false);
    expect(result.caseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(engine.starts).toEqual([{
      bpmnProcessId: 'residence-certificate',
      variables: {
        caseId: result.caseId,
        serviceId: 'residence-certificate',
        municipalityId: 'aarau',
        language: 'fr',
        applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' },
        feeRappen: 2500,
        identityVerified: false,
        residentsOfficeGroup: 'aarau-residents-office',
        settings: { reviewAlways: true },
        paymentMethod: 'online',
        paymentReminderAfter: 'P2D',
        paymentCancelAfter: 'P5D',
        informationAnswerWithin: 'P30D',
      },
    }]);
    expect(cases.rows.get(result.caseId)).toMatchObject({
      citizenId: CITIZEN, serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'fr',
      idempotencyKey: 'key-1', createdAt: NOW, processInstanceKey: '2251799813685249',
    });
    expect(cases.rows.get(result.caseId)?.requestFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when the citizen chooses an invoice where it is offered, then the process waits with the invoice deadlines', async () => {
    await startApplication(CITIZEN, { ...application, paymentMethod: 'invoice' });
    expect(engine.starts[0]?.variables).toMatchObject({ paymentMethod: 'invoice', paymentReminderAfter: 'P30D', paymentCancelAfter: 'P30D' });
  });

  it.each([
    { situation: 'the service does not allow invoices', change: () => { catalogue.offerings[0] = { ...certificateInAarau, invoiceAllowed: false, municipalityId: 'aarau' }; }, paymentMethod: 'invoice' as const },
    { situation: 'the municipality has no creditor account', change: () => { catalogue.municipalities.set('aarau', { ...aarau, creditor: null }); }, paymentMethod: 'invoice' as const },
    { situation: 'the municipality has no Payrexx instance', change: () => { catalogue.municipalities.set('aarau', { ...aarau, payrexx: null }); }, paymentMethod: 'online' as const },
    { situation: 'the service\'s package allows invoices only', change: () => { catalogue.offerings[0] = { ...certificateInAarau, paymentMethods: ['invoice'], municipalityId: 'aarau' }; }, paymentMethod: 'online' as const },
  ])('when $situation, then the payment method is refused naming the field, and nothing is stored', async ({ change, paymentMethod }) => {
    change();
    const error = await refusal(startApplication(CITIZEN, { ...application, paymentMethod }, 'key-1'));
    expect(error.problem.status).toBe(422);
    expect(error.problem.errors?.[0]?.pointer).toBe('/body/paymentMethod');
    expect(cases.rows.size).toBe(0);
    expect(engine.starts).toEqual([]);
  });

  it('when a member applies on behalf of the organisation, then the case concerns it (ORG-4)', async () => {
    const result = await startApplication(CITIZEN, { ...application, organisationId: ORGANISATION });
    expect(cases.rows.get(result.caseId)).toMatchObject({ citizenId: CITIZEN, organisationId: ORGANISATION });
    const personal = await startApplication(CITIZEN, application);
    expect(cases.rows.get(personal.caseId)?.organisationId).toBeNull();
  });

  it('when the citizen is not a member of the organisation, then a 403 points at organisationId and nothing is stored', async () => {
    const error = await refusal(startApplication('citizen-2', { ...application, organisationId: ORGANISATION }));
    expect(error.problem).toMatchObject({ status: 403, type: 'urn:gemeindeportal:problem:not-organisation-member' });
    expect(error.problem.errors?.[0]?.pointer).toBe('/body/organisationId');
    expect(cases.rows.size).toBe(0);
    expect(engine.starts).toEqual([]);
  });

  it.each([
    { audience: 'organisation' as const, organisationId: undefined, code: 'service-needs-organisation' },
    { audience: 'personal' as const, organisationId: ORGANISATION, code: 'service-personal-only' },
  ])('when a service for $audience is applied for with organisationId $organisationId, then a 422 $code points at organisationId (ORG-5)', async ({ audience, organisationId, code }) => {
    catalogue.offerings[0] = { ...certificateInAarau, audience, municipalityId: 'aarau' };
    const error = await refusal(startApplication(CITIZEN, { ...application, ...(organisationId ? { organisationId } : {}) }));
    expect(error.problem).toMatchObject({ status: 422, type: `urn:gemeindeportal:problem:${code}` });
    expect(error.problem.errors?.[0]?.pointer).toBe('/body/organisationId');
    expect(cases.rows.size).toBe(0);
  });

  it('when no idempotency key is sent, then each submit files a case of its own', async () => {
    const first = await startApplication(CITIZEN, application);
    const second = await startApplication(CITIZEN, application);
    expect(second.caseId).not.toBe(first.caseId);
    expect(cases.rows.size).toBe(2);
    expect(cases.rows.get(first.caseId)?.idempotencyKey).toBeNull();
  });

  it.each([
    { dateOfBirth: '2023-02-30', detail: 'is not a calendar date' },
    { dateOfBirth: '2024-02-30', detail: 'is not a calendar date' },
    { dateOfBirth: '1985-13-01', detail: 'is not a calendar date' },
    { dateOfBirth: '1985-4-12', detail: 'is not a calendar date' },
    { dateOfBirth: 'yesterday', detail: 'is not a calendar date' },
    { dateOfBirth: '2025-03-11', detail: 'lies in the future' },
    { dateOfBirth: '2031-01-01', detail: 'lies in the future' },
    { dateOfBirth: '1894-12-31', detail: 'lies too far in the past' },
  ])('when the date of birth is $dateOfBirth, then it is refused ($detail) and nothing is stored', async ({ dateOfBirth, detail }) => {
    const error = await refusal(startApplication(CITIZEN, { ...application, applicant: { ...application.applicant!, dateOfBirth } }, 'key-1'));

    expect(error.problem.status).toBe(400);
    expect(error.problem.errors?.[0]).toEqual({ pointer: '/body/applicant/dateOfBirth', detail });
    expect(cases.rows.size).toBe(0);
    expect(engine.starts).toEqual([]);
  });

  it.each(['2025-03-10', '2024-02-29', '1895-01-01'])('when the date of birth is %s, then it is accepted', async (dateOfBirth) => {
    await startApplication(CITIZEN, { ...application, applicant: { ...application.applicant!, dateOfBirth } });
    expect(engine.starts).toHaveLength(1);
  });

  it('when the municipality is unknown, then a 400 points at municipalityId and nothing is stored', async () => {
    const error = await refusal(startApplication(CITIZEN, { ...application, municipalityId: 'atlantis' }));
    expect(error.problem.status).toBe(400);
    expect(error.problem.errors).toEqual([{ pointer: '/body/municipalityId', detail: 'is not a known municipality' }]);
    expect(cases.rows.size).toBe(0);
  });

  it('when the municipality does not take part, then a 422 points at municipalityId and nothing is stored', async () => {
    const error = await refusal(startApplication(CITIZEN, { ...application, municipalityId: 'olten' }));
    expect(error.problem).toMatchObject({
      status: 422,
      type: 'urn:gemeindeportal:problem:municipality-not-participating',
      errors: [{ pointer: '/body/municipalityId', detail: 'does not take part in the portal' }],
    });
    expect(cases.rows.size).toBe(0);
    expect(engine.starts).toEqual([]);
  });

  it('when the municipality does not offer the service, then a 422 points at serviceId', async () => {
    const error = await refusal(startApplication(CITIZEN, { ...application, serviceId: 'dog-licence' }));
    expect(error.problem).toMatchObject({
      status: 422,
      type: 'urn:gemeindeportal:problem:service-not-offered',
      errors: [{ pointer: '/body/serviceId', detail: 'is not offered by this municipality' }],
    });
    expect(cases.rows.size).toBe(0);
  });

  it('when the same application is sent again with the same key, then the first case is returned as replayed', async () => {
    const first = await startApplication(CITIZEN, application, 'key-1');
    const replay = await startApplication(CITIZEN, structuredClone(application), 'key-1');

    expect(replay).toEqual({ caseId: first.caseId, replayed: true });
    expect(cases.rows.size).toBe(1);
    expect(engine.starts).toHaveLength(1);
  });

  it('when another citizen uses the same key, then a case of their own is filed', async () => {
    const first = await startApplication(CITIZEN, application, 'key-1');
    const other = await startApplication('citizen-2', application, 'key-1');
    expect(other.replayed).toBe(false);
    expect(other.caseId).not.toBe(first.caseId);
  });

  it('when the same key comes with a different application, then a 422 idempotency-key-reused is thrown', async () => {
    await startApplication(CITIZEN, application, 'key-1');
    const error = await refusal(startApplication(CITIZEN, { ...application, language: 'de' }, 'key-1'));

    expect(error.problem).toMatchObject({ status: 422, type: 'urn:gemeindeportal:problem:idempotency-key-reused' });
    expect(cases.rows.size).toBe(1);
    expect(engine.starts).toHaveLength(1);
  });

  it('when a concurrent submit with the same key wins the insert, then its case is returned as replayed', async () => {
    const winner = await startApplication(CITIZEN, application, 'key-1');
    cases.missedLookups = 1;

    expect(await startApplication(CITIZEN, application, 'key-1')).toEqual({ caseId: winner.caseId, replayed: true });
    expect(engine.starts).toHaveLength(1);
  });

  it('when the engine refuses the start, then the case is removed again and a 503 is thrown', async () => {
    engine.failure = new Error('UNAVAILABLE: gateway down');
    const error = await refusal(startApplication(CITIZEN, application, 'key-1'));

    expect(error.problem).toMatchObject({ status: 503, type: 'urn:gemeindeportal:problem:engine-unavailable' });
    expect(error.cause).toBe(engine.failure);
    expect(cases.rows.size).toBe(0);
    expect(cases.removed).toEqual([engine.starts[0]?.variables.caseId]);
  });

  it('when a start failed, then a retry with the same key files the case cleanly', async () => {
    engine.failure = new Error('UNAVAILABLE');
    await refusal(startApplication(CITIZEN, application, 'key-1'));
    engine.failure = undefined;

    const retry = await startApplication(CITIZEN, application, 'key-1');
    expect(retry.replayed).toBe(false);
    expect(cases.rows.get(retry.caseId)?.processInstanceKey).not.toBeNull();
  });

  it('when the case cannot be linked to its started instance, then the instance is cancelled and the case removed', async () => {
    cases.attachFailure = new Error('connection lost');
    const error = await refusal(startApplication(CITIZEN, application, 'key-1'));

    expect(error.problem.status).toBe(503);
    expect(engine.cancelled).toEqual(['2251799813685249']);
    expect(cases.rows.size).toBe(0);
  });

  it('when a replay sends the same fields in another order, then it is recognised as the same application', async () => {
    const first = await startApplication(CITIZEN, application, 'key-1');
    const reordered: Application = {
      applicant: { dateOfBirth: '1985-04-12', lastName: 'Muster', firstName: 'Anna' },
      language: 'fr', municipalityId: 'aarau', serviceId: 'residence-certificate',
    };
    expect(await startApplication(CITIZEN, reordered, 'key-1')).toEqual({ caseId: first.caseId, replayed: true });
  });

  it('when the insert reports a duplicate whose case is gone by the lookup, then no process is started for an unstored case', async () => {
    await startApplication(CITIZEN, application, 'key-1');
    cases.missedLookups = 2;

    await startApplication(CITIZEN, application, 'key-1').catch(() => undefined);
    const started = engine.starts.map((start) => start.variables.caseId);
    expect(started.every((caseId) => typeof caseId === 'string' && cases.rows.has(caseId))).toBe(true);
  });

  describe('with the start form\'s data', () => {
    const data = { applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' }, paymentMethod: 'invoice' };
    const viaData: Application = { serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de', data };

    it('when the data fills in the start form, then the case is filed and its fields are the process\'s variables', async () => {
      const { caseId } = await startApplication(CITIZEN, viaData);
      expect(engine.starts[0]?.variables).toMatchObject({ caseId, applicant: data.applicant, paymentMethod: 'invoice', paymentReminderAfter: 'P30D' });
      expect(cases.rows.get(caseId)).toMatchObject({ applicant: data.applicant, serviceRequest: null, identityVerified: false });
    });

    it.each([
      ['a required field is missing', { ...data, applicant: { firstName: 'Anna', dateOfBirth: '1985-04-12' } }, '/body/data/applicant/lastName', 'is required'],
      ['a value is not offered', { ...data, paymentMethod: 'cash' }, '/body/data/paymentMethod', 'is not one of the offered values'],
      ['a field is not in the form', { ...data, favouriteColour: 'blue' }, '/body/data/favouriteColour', 'is not a field of this form'],
      ['the date of birth lies ahead', { ...data, applicant: { ...data.applicant, dateOfBirth: '2030-01-01' } }, '/body/data/applicant/dateOfBirth', 'lies in the future'],
    ])('when %s, then a 400 names the field under /body/data and nothing is stored', async (_case, wrong, pointer, detail) => {
      const error = await refusal(startApplication(CITIZEN, { ...viaData, data: wrong }));
      expect(error.problem).toMatchObject({ status: 400, errors: [{ pointer, detail }] });
      expect(cases.rows.size).toBe(0);
      expect(engine.starts).toEqual([]);
    });

    it('when the applicant comes both inside data and beside it, then that is refused naming /body/applicant', async () => {
      const error = await refusal(startApplication(CITIZEN, { ...viaData, applicant: data.applicant }));
      expect(error.problem.errors).toEqual([{ pointer: '/body/applicant', detail: 'is given inside data as data.applicant' }]);
    });

    it('when the payment method in data differs from the one beside it, then that is refused', async () => {
      const error = await refusal(startApplication(CITIZEN, { ...viaData, paymentMethod: 'online' }));
      expect(error.problem.errors).toEqual([{ pointer: '/body/paymentMethod', detail: 'differs from data.paymentMethod' }]);
    });

    it('when the form shows a pre-filled field read-only, then the server fills it from the account and refuses another value', async () => {
      const readonlyName = structuredClone(CERTIFICATE_INTAKE) as ServiceIntake & { startForm: { components: { path?: string; components?: { key: string; readonly?: boolean }[] }[] } };
      for (const field of readonlyName.startForm.components.find((c) => c.path === 'applicant')!.components!) if (field.key !== 'dateOfBirth') field.readonly = true;
      catalogue.intakeOf = async () => readonlyName;
      const { caseId } = await startApplication(CITIZEN, { ...viaData, data: { applicant: { dateOfBirth: '1985-04-12' } } });
      expect(cases.rows.get(caseId)?.applicant).toEqual({ firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' });

      const error = await refusal(startApplication(CITIZEN, { ...viaData, data: { applicant: { firstName: 'Berta', lastName: 'Muster', dateOfBirth: '1985-04-12' } } }));
      expect(error.problem.errors).toEqual([{ pointer: '/body/data/applicant/firstName', detail: 'is the account\'s own and cannot be changed here' }]);
      expect(cases.rows.size).toBe(1);
    });

    it('when the service has no start form, then it cannot be applied for', async () => {
      catalogue.intakeOf = async () => undefined;
      const error = await refusal(startApplication(CITIZEN, viaData));
      expect(error.problem.errors).toEqual([{ pointer: '/body/serviceId', detail: 'has no start form to apply with' }]);
    });
  });

  describe('with options from a source the package names', () => {
    const instalmentIntake: ServiceIntake = {
      startForm: {
        id: 'plan', type: 'default', components: [
          { type: 'group', path: 'applicant', components: [
            { type: 'textfield', key: 'firstName', readonly: true, validate: { required: true } },
            { type: 'textfield', key: 'lastName', readonly: true, validate: { required: true } },
            { type: 'datetime', subtype: 'date', key: 'dateOfBirth', validate: { required: true } },
          ] },
          { type: 'checklist', key: 'openItemIds', valuesKey: 'openItems', validate: { required: true } },
          { type: 'number', key: 'instalments', validate: { required: true, min: 2, max: 12 } },
        ],
      },
      prefill: { 'applicant.firstName': 'firstName', 'applicant.lastName': 'lastName' },
      formData: { openItems: 'open-items' },
    };
    const plan = (data: Record<string, unknown>): Application => ({ serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de', data });
    const asked = { applicant: { dateOfBirth: '1985-04-12' }, openItemIds: ['R-2'], instalments: 3 };

    beforeEach(() => {
      catalogue.intakeOf = async () => instalmentIntake;
      catalogue.offerings[0]!.feeRappen = 0;
    });

    it('when the citizen chooses offered items, then the process gets the records the back office listed, never amounts from the client', async () => {
      const requests: unknown[] = [];
      const listed = openItemsSource;
      openItemsSource = async (request) => { requests.push(request); return listed(request); };
      await startApplication(CITIZEN, plan(asked));
      expect(requests).toEqual([{ municipalityId: 'aarau', applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-04-12' }, language: 'de' }]);
      expect(engine.starts[0]?.variables).toMatchObject({ openItemIds: ['R-2'], instalments: 3, openItems: [OPEN_ITEMS[1]], residentId: 'resident-7' });
      // The clerk's review form reads the chosen bills from the case, as the back office listed them.
      expect([...cases.rows.values()][0]?.serviceRequest).toEqual({ openItemIds: ['R-2'], instalments: 3, openItems: [OPEN_ITEMS[1]] });
    });

    it('when the citizen names an item the back office did not list, then it is refused at the field and nothing is stored', async () => {
      const error = await refusal(startApplication(CITIZEN, plan({ ...asked, openItemIds: ['R-2', 'R-99'] })));
      expect(error.problem.errors).toEqual([{ pointer: '/body/data/openItemIds', detail: 'holds a value that is not offered' }]);
      expect(cases.rows.size).toBe(0);
    });

    it('when the source cannot be read, then its refusal is the answer and nothing is stored', async () => {
      openItemsSource = async () => { throw caseErrors.personNotInRegister(); };
      const error = await refusal(startApplication(CITIZEN, plan(asked)));
      expect(error.problem).toMatchObject({ status: 422, type: 'urn:gemeindeportal:problem:person-not-in-register' });
      expect(cases.rows.size).toBe(0);
      expect(engine.starts).toEqual([]);
    });
  });

  describe('with files the start form asks for', () => {
    const uploadIntake: ServiceIntake = {
      startForm: {
        id: 'permit', type: 'default', components: [
          { type: 'textfield', key: 'plate', validate: { required: true } },
          { type: 'group', path: 'evidence', components: [
            { type: 'filepicker', key: 'receipts', accept: '.pdf,image/jpeg', multiple: true, validate: { required: true } },
          ] },
          { type: 'filepicker', key: 'photo', accept: 'image/png' },
        ],
      },
      prefill: {},
      formData: {},
    };
    const permit = (data: Record<string, unknown>): Application => ({ serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de', data });
    const asked = { plate: 'AG 12345', evidence: { receipts: 'files::receipts' } };
    const receipts: ReceivedFile[] = [
      { reference: 'files::receipts', fileName: 'Quittung März.pdf', content: samplePdf() },
      { reference: 'files::receipts', fileName: '../Foto.jpeg', content: sampleJpeg() },
    ];

    beforeEach(() => {
      catalogue.intakeOf = async () => uploadIntake;
      catalogue.offerings[0]!.feeRappen = 0;
    });

    it('when the files are of the types the fields take, then they are the case\'s documents and the process gets their ids, names and types', async () => {
      const { caseId } = await startApplication(CITIZEN, permit(asked), 'key-1', receipts);
      const documents = uploads.byCase.get(caseId) ?? [];
      expect(documents.map(({ kind, fileName, mediaType, content }) => ({ kind, fileName, mediaType, content }))).toEqual([
        { kind: 'upload:evidence.receipts:1', fileName: 'Quittung März.pdf', mediaType: 'application/pdf', content: receipts[0]?.content },
        { kind: 'upload:evidence.receipts:2', fileName: 'Foto.jpg', mediaType: 'image/jpeg', content: receipts[1]?.content },
      ]);
      const references = documents.map((document) => ({ documentId: document.id, fileName: document.fileName, mediaType: document.mediaType, size: document.content.length }));
      expect(engine.starts[0]?.variables).toMatchObject({ plate: 'AG 12345', evidence: { receipts: references } });
      expect(cases.rows.get(caseId)?.serviceRequest).toEqual({ plate: 'AG 12345', evidence: { receipts: references } });
    });

    it.each([
      ['a file is of a type the field does not take', [{ ...receipts[0]!, content: samplePng() }], 400, '/body/data/evidence/receipts'],
      ['a required field names no uploaded files', [], 400, '/body/data/evidence/receipts'],
      ['a file comes for no field', [...receipts, { reference: 'files::other', fileName: 'x.pdf', content: samplePdf() }], 400, '/body/files::other'],
      ['a file is over the size limit', [{ ...receipts[0]!, content: null }], 413, '/body/data/evidence/receipts'],
      ['there are more files than an application takes', [...receipts, ...receipts], 400, '/body/data/evidence/receipts'],
    ])('when %s, then it is refused naming the field, and nothing is stored', async (_case, files, status, pointer) => {
      const error = await refusal(startApplication(CITIZEN, permit(asked), 'key-1', files));
      expect(error.problem.status).toBe(status);
      expect(error.problem.errors?.map((e) => e.pointer)).toEqual([pointer]);
      expect(cases.rows.size).toBe(0);
      expect(uploads.byCase.size).toBe(0);
      expect(engine.starts).toEqual([]);
    });

    it('when the same application is replayed with the same files, then it is recognised; with other files, the key is refused as reused', async () => {
      const first = await startApplication(CITIZEN, permit(asked), 'key-1', receipts);
      expect(await startApplication(CITIZEN, permit(asked), 'key-1', [...receipts].reverse())).toEqual({ caseId: first.caseId, replayed: true });
      const otherFiles = [receipts[0]!, { ...receipts[1]!, content: sampleJpeg('another photo') }];
      const error = await refusal(startApplication(CITIZEN, permit(asked), 'key-1', otherFiles));
      expect(error.problem.type).toBe('urn:gemeindeportal:problem:idempotency-key-reused');
      expect(engine.starts).toHaveLength(1);
    });

    it('when an application without files is replayed, then its fingerprint is the one cases filed before uploads have', async () => {
      catalogue.intakeOf = async () => CERTIFICATE_INTAKE;
      const { caseId } = await startApplication(CITIZEN, application, 'key-1');
      const before = createHash('sha256').update(JSON.stringify({
        applicant: { dateOfBirth: '1985-04-12', firstName: 'Anna', lastName: 'Muster' }, language: 'fr', municipalityId: 'aarau', serviceId: 'residence-certificate',
      })).digest('hex');
      expect(cases.rows.get(caseId)?.requestFingerprint).toBe(before);
    });

    it('when the uploads cannot be stored, then the case is removed again and the error is the answer', async () => {
      uploads.failure = new Error('disk full');
      await expect(startApplication(CITIZEN, permit(asked), 'key-1', receipts)).rejects.toThrow('disk full');
      expect(cases.rows.size).toBe(0);
      expect(engine.starts).toEqual([]);
    });

    it('when the engine refuses the start, then the case is removed with its uploads', async () => {
      engine.failure = new Error('engine down');
      const error = await refusal(startApplication(CITIZEN, permit(asked), 'key-1', receipts));
      expect(error.problem.status).toBe(503);
      expect(cases.rows.size).toBe(0);
      expect(uploads.byCase.size).toBe(0);
    });
  });
});
