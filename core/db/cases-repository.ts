import type { Knex } from 'knex';
import type { LocalisedText } from '../language.ts';

export interface NewCase {
  id: string;
  citizenId: string;
  serviceId: string;
  municipalityId: string;
  language: string;
  idempotencyKey: string | null;
  requestFingerprint: string;
  createdAt: Date;
  /** The application's applicant, for the clerks handling the case; null for a service whose form asks none. */
  applicant: { firstName: string; lastName: string; dateOfBirth: string } | null;
  /** The organisation the case concerns (ORG-4); null for a personal case. */
  organisationId: string | null;
  /** What the citizen asks for beyond the applicant (the start form's other fields, e.g. new contact data, ADM-4); kept while the process runs. */
  serviceRequest?: Record<string, unknown> | null;
  /** The applicant's identity was confirmed through AGOV / e-ID when they applied. */
  identityVerified?: boolean;
}

export interface CaseRow {
  id: string;
  citizenId: string;
  serviceId: string;
  municipalityId: string;
  language: string;
  requestFingerprint: string;
  processInstanceKey: string | null;
  createdAt: Date;
  /** From the engine's records: ACTIVE, COMPLETED, TERMINATED; null until the first record arrived. */
  instanceState: string | null;
  endedAt: Date | null;
  openIncidents: number;
  currentPhase: LocalisedText | null;
  /** The message the current phase waits for from the citizen (their answer), else null. */
  awaits: string | null;
  /** What the citizen asked for beyond the applicant, while the process runs; null otherwise. */
  serviceRequest: Record<string, unknown> | null;
  outcome: string | null;
  /** The organisation the case concerns (ORG-4); null for a personal case. */
  organisation: { id: string; name: string } | null;
}

export interface PhaseEntry {
  phase: LocalisedText;
  enteredAt: Date;
}

export interface DocumentMeta {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  createdAt: Date;
}

export interface CaseMessage {
  template: string;
  params: Record<string, string>;
  createdAt: Date;
}

/** The citizen's cases (CASE-1, CASE-2), joined with what the engine's records told us. */
export interface CasesRepository {
  insert(newCase: NewCase): Promise<'inserted' | 'duplicate'>;
  findByIdempotencyKey(citizenId: string, key: string): Promise<CaseRow | undefined>;
  attachProcessInstance(caseId: string, processInstanceKey: string): Promise<void>;
  remove(caseId: string): Promise<void>;
  findById(caseId: string): Promise<CaseRow | undefined>;
  /** The citizen's own cases and, given their ids, the cases of their organisations (CASE-1, ORG-4). */
  listOfCitizen(citizenId: string, limit: number, organisationIds?: readonly string[]): Promise<CaseRow[]>;
  history(processInstanceKey: string): Promise<PhaseEntry[]>;
  documents(caseId: string): Promise<DocumentMeta[]>;
  messages(caseId: string): Promise<CaseMessage[]>;
  /** The applicant as the application named them; null once purged. */
  applicantOf(caseId: string): Promise<NewCase['applicant'] | null>;
  /**
   * What a clerk's form is shown with, as the process has it: the start form's fields, the applicant,
   * the register's extract (while the process runs), the case language, whether the identity was confirmed.
   */
  formContextOf(caseId: string): Promise<Record<string, unknown>>;
}

function toCaseRow(row: Record<string, unknown>): CaseRow {
  return {
    id: row.id as string,
    citizenId: row.citizen_id as string,
    serviceId: row.service_id as string,
    municipalityId: row.municipality_id as string,
    language: row.language as string,
    requestFingerprint: row.request_fingerprint as string,
    processInstanceKey: (row.process_instance_key as string | null) ?? null,
    createdAt: new Date(row.created_at as string),
    instanceState: (row.instance_state as string | null) ?? null,
    endedAt: row.ended_at ? new Date(row.ended_at as string) : null,
    openIncidents: Number(row.open_incidents ?? 0),
    currentPhase: (row.current_phase as LocalisedText | null) ?? null,
    awaits: (row.awaits as string | null) ?? null,
    serviceRequest: (row.service_request as Record<string, unknown> | null) ?? null,
    outcome: (row.outcome as string | null) ?? null,
    organisation: row.organisation_id ? { id: row.organisation_id as string, name: row.organisation_name as string } : null,
  };
}

export function createCasesRepository(db: Knex): CasesRepository {
  // Current phase = newest phase entry; outcome = the outcome of any entry that carries one.
  const caseView = () =>
    db('cases as c')
      .leftJoin('process_instances as pi', 'pi.process_instance_key', 'c.process_instance_key')
      .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(
        'c.*',
        'o.name as organisation_name',
        'pi.state as instance_state',
        'pi.ended_at',
        db.raw(`(select count(*) from incidents i where i.process_instance_key = c.process_instance_key and i.resolved_at is null) as open_incidents`),
        db.raw(`(select p.phase from case_phases p where p.process_instance_key = c.process_instance_key order by p.entered_at desc, p.id desc limit 1) as current_phase`),
        db.raw(`(select p.awaits from case_phases p where p.process_instance_key = c.process_instance_key order by p.entered_at desc, p.id desc limit 1) as awaits`),
        db.raw(`(select p.outcome from case_phases p where p.process_instance_key = c.process_instance_key and p.outcome is not null order by p.entered_at desc limit 1) as outcome`),
      );

  return {
    async insert(newCase) {
      const inserted = await db('cases')
        .insert({
          id: newCase.id,
          citizen_id: newCase.citizenId,
          service_id: newCase.serviceId,
          municipality_id: newCase.municipalityId,
          language: newCase.language,
          idempotency_key: newCase.idempotencyKey,
          request_fingerprint: newCase.requestFingerprint,
          created_at: newCase.createdAt,
          applicant: newCase.applicant === null ? null : JSON.stringify(newCase.applicant),
          organisation_id: newCase.organisationId,
          service_request: newCase.serviceRequest ? JSON.stringify(newCase.serviceRequest) : null,
          identity_verified: newCase.identityVerified ?? null,
        })
        .onConflict(['citizen_id', 'idempotency_key'])
        .ignore()
        .returning('id');
      return inserted.length === 1 ? 'inserted' : 'duplicate';
    },
    async findByIdempotencyKey(citizenId, key) {
      const row = await caseView().where({ 'c.citizen_id': citizenId, 'c.idempotency_key': key }).first();
      return row ? toCaseRow(row) : undefined;
    },
    async attachProcessInstance(caseId, processInstanceKey) {
      await db('cases').where({ id: caseId }).update({ process_instance_key: processInstanceKey });
    },
    async remove(caseId) {
      await db('cases').where({ id: caseId }).delete();
    },
    async findById(caseId) {
      const row = await caseView().where('c.id', caseId).first();
      return row ? toCaseRow(row) : undefined;
    },
    async listOfCitizen(citizenId, limit, organisationIds = []) {
      const rows = await caseView()
        .where((q) => {
          q.where('c.citizen_id', citizenId);
          if (organisationIds.length > 0) q.orWhereIn('c.organisation_id', organisationIds);
        })
        .orderBy('c.created_at', 'desc').limit(limit);
      return rows.map(toCaseRow);
    },
    async history(processInstanceKey) {
      const rows = await db('case_phases')
        .where({ process_instance_key: processInstanceKey })
        .orderBy([{ column: 'entered_at' }, { column: 'id' }])
        .select('phase', 'entered_at');
      return rows.map((row) => ({ phase: row.phase, enteredAt: new Date(row.entered_at) }));
    },
    async documents(caseId) {
      const rows = await db('documents').where({ case_id: caseId }).orderBy('created_at')
        .select('id', 'kind', 'file_name', 'media_type', 'created_at');
      return rows.map((row) => ({
        id: row.id, kind: row.kind, fileName: row.file_name, mediaType: row.media_type, createdAt: new Date(row.created_at),
      }));
    },
    async applicantOf(caseId) {
      const row = await db('cases').where({ id: caseId }).first('applicant');
      return (row?.applicant as NewCase['applicant'] | null | undefined) ?? null;
    },
    async formContextOf(caseId) {
      const row = await db('cases').where({ id: caseId }).first('applicant', 'register_extract', 'service_request', 'language', 'identity_verified');
      return row
        ? {
            ...(row.service_request as Record<string, unknown> | null),
            applicant: row.applicant ?? null, resident: row.register_extract ?? null, language: row.language,
            identityVerified: row.identity_verified === true,
          }
        : {};
    },
    async messages(caseId) {
      const rows = await db('case_messages').where({ case_id: caseId }).orderBy('created_at').select('template', 'params', 'created_at');
      return rows.map((row) => ({ template: row.template, params: row.params, createdAt: new Date(row.created_at) }));
    },
  };
}
