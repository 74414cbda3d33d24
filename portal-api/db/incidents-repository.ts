import type { Knex } from 'knex';

/** An open incident raised because a back office stayed unavailable through every retry. */
export interface BackOfficeOutageIncident {
  incidentKey: string;
  jobKey: string;
  createdAt: Date;
}

export interface IncidentsRepository {
  /** Open incidents of jobs that failed on a back-office outage and were raised before `raisedBefore`. */
  listBackOfficeOutages(raisedBefore: Date): Promise<BackOfficeOutageIncident[]>;
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
  };
}
