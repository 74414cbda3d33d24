import type { Knex } from 'knex';

/** An open incident raised because a back office stayed unavailable through every retry. */
export interface BackOfficeOutageIncident {
  incidentKey: string;
  jobKey: string;
  createdAt: Date;
}

/** An open incident as an operator sees it. */
export interface OpenIncident {
  incidentKey: string;
  jobKey: string | null;
  caseId: string;
  serviceId: string;
  elementId: string;
  errorType: string;
  errorMessage: string;
  createdAt: Date;
}

export interface IncidentsRepository {
  /** Open incidents of jobs that failed on a back-office outage and were raised before `raisedBefore`. */
  listBackOfficeOutages(raisedBefore: Date): Promise<BackOfficeOutageIncident[]>;
  /** Open incidents of the municipality's cases, oldest first. */
  listOpen(municipalityId: string): Promise<OpenIncident[]>;
  /** What the engine was just told, before its record arrives. */
  noteResolved(incidentKey: string, at: Date): Promise<void>;
}

// The job runner fails a job with "<error name>: <message>"; an outage is BackOfficeUnavailableError.
const OUTAGE_PREFIX = 'BackOfficeUnavailableError:';

export function createIncidentsRepository(db: Knex): IncidentsRepository {
  return {
    async listBackOfficeOutages(raisedBefore) {
      const rows = await db('incidents')
        .whereNull('resolved_at')
        .where({ error_type: 'JOB_NO_RETRIES' })
        .whereNotNull('job_key')
        .where('error_message', 'like', `${OUTAGE_PREFIX}%`)
        .where('created_at', '<', raisedBefore)
        .orderBy('created_at')
        .limit(100)
        .select('incident_key', 'job_key', 'created_at');
      return rows.map((row) => ({ incidentKey: row.incident_key, jobKey: row.job_key, createdAt: new Date(row.created_at) }));
    },
    async listOpen(municipalityId) {
      const rows = await db('incidents as i')
        .join('cases as c', 'c.process_instance_key', 'i.process_instance_key')
        .whereNull('i.resolved_at')
        .where('c.municipality_id', municipalityId)
        .orderBy('i.created_at')
        .limit(500)
        .select('i.incident_key', 'i.job_key', 'i.element_id', 'i.error_type', 'i.error_message', 'i.created_at', 'c.id as case_id', 'c.service_id');
      return rows.map((row) => ({
        incidentKey: row.incident_key,
        jobKey: row.job_key ?? null,
        caseId: row.case_id,
        serviceId: row.service_id,
        elementId: row.element_id,
        errorType: row.error_type,
        errorMessage: row.error_message,
        createdAt: new Date(row.created_at),
      }));
    },
    async noteResolved(incidentKey, at) {
      await db('incidents').where({ incident_key: incidentKey }).whereNull('resolved_at').update({ resolved_at: at });
    },
  };
}
