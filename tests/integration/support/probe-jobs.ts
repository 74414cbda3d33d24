import type { createZeebeClient } from '../../../core/engine/engine-client.ts';
import { eventually } from './http.ts';

/**
 * The variables a test's probe process (a service task nobody serves) started with for `caseId`:
 * activates the probe's jobs until that case's comes, completing each (earlier runs' too).
 */
export function variablesOfProbeJob(zeebe: ReturnType<typeof createZeebeClient>, type: string, caseId: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const jobs = await zeebe.activateJobs({ type, maxJobsToActivate: 20, timeout: 60_000, worker: `${type}-test`, requestTimeout: 2_000 });
    for (const job of jobs) await zeebe.completeJob({ jobKey: job.key, variables: {} });
    return jobs.find((job) => (job.variables as Record<string, unknown>).caseId === caseId)?.variables as Record<string, unknown> | undefined;
  }, `the ${type} job of the case`);
}
