import type { Logger } from 'pino';
import type { IncidentsRepository } from '../../core/db/incidents-repository.ts';
import type { IncidentEngine } from '../../core/engine/incident-commands.ts';
import { runPeriodically, type PeriodicTask } from '../../core/periodic.ts';


export interface IncidentRecoverySettings {
  /** How long an outage incident stays for an operator to see before the platform retries it. */
  retryAfterMs: number;
  /** How often to look for such incidents. */
  checkEveryMs: number;
  /** Retries the job gets back; each runs through the back-off and the circuit breaker again. */
  retries: number;
}

/** `runOnce` is one pass: it retries every outage incident older than `retryAfterMs` and tells how many. */
export type IncidentRecovery = PeriodicTask<number>;

/**
 * Continues cases after a back office comes back, with no manual step: an incident raised by an
 * outage (retries exhausted on BackOfficeUnavailableError) is retried after a pause. If the
 * outage goes on, the job fails through its retries again — slowly, since the open circuit
 * breaker's Retry-After sets the back-off — and raises a fresh incident for the next pass.
 * Incidents of every other kind (wrong configuration, unreadable answers) wait for an operator.
 */
export function startIncidentRecovery(
  deps: { incidents: Pick<IncidentsRepository, 'listBackOfficeOutages'>; engine: IncidentEngine; logger: Logger; now?: () => number },
  settings: IncidentRecoverySettings,
): IncidentRecovery {
  const now = deps.now ?? Date.now;

  async function pass(): Promise<number> {
    const due = await deps.incidents.listBackOfficeOutages(new Date(now() - settings.retryAfterMs));
    let retried = 0;
    for (const incident of due) {
      try {
        await deps.engine.updateJobRetries(incident.jobKey, settings.retries);
        await deps.engine.resolveIncident(incident.incidentKey);
        retried += 1;
        deps.logger.info({ incidentKey: incident.incidentKey, jobKey: incident.jobKey }, 'back-office outage incident retried');
      } catch (error) {
        // Resolved meanwhile by an operator, or the engine is busy: the next pass sees the truth.
        deps.logger.warn({ incidentKey: incident.incidentKey, error: error instanceof Error ? error.message : String(error) }, 'could not retry incident');
      }
    }
    return retried;
  }

  return runPeriodically('incident-recovery', settings.checkEveryMs, pass, deps.logger);
}
