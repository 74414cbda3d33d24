import type { ZeebeClient } from './engine-client.ts';

/** What the platform asks of the engine about an incident: an operator's retry, and the automatic one after an outage. */
export interface IncidentEngine {
  /** Gives the failed job new retries, so that resolving the incident lets a worker take it again. */
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  resolveIncident(incidentKey: string): Promise<void>;
}

export function createIncidentCommands(zeebe: ZeebeClient): IncidentEngine {
  return {
    updateJobRetries: async (jobKey, retries) => {
      await zeebe.updateJobRetries({ jobKey, retries });
    },
    resolveIncident: async (incidentKey) => {
      await zeebe.resolveIncident({ incidentKey });
    },
  };
}
