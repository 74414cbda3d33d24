import type { ZeebeJob } from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0.js';
import type { ZeebeClient } from './engine-client.ts';

type JsonDocument = NonNullable<Parameters<ZeebeJob['complete']>[0]>;

/** A job the engine hands to a worker, and the three answers a worker can give it. */
export interface EngineJob {
  readonly key: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
  /** One visit of the element: the same over the job's retries, new when a loop comes back. */
  readonly elementInstanceKey: string;
  readonly retries: number;
  readonly variables: Record<string, unknown>;
  readonly customHeaders: Record<string, string>;
  complete(variables: Record<string, unknown>): Promise<unknown>;
  /** Fails the job: the engine offers it again after `retryBackOff` ms while retries are left, else raises an incident. */
  fail(failure: { errorMessage: string; retries: number; retryBackOff?: number }): Promise<unknown>;
  /** Throws a BPMN error, which the diagram catches. */
  error(error: { errorCode: string; errorMessage: string; variables: Record<string, unknown> }): Promise<unknown>;
}

export interface JobStream {
  close(): void;
}

/** Opens a stream of jobs of one type; the handler's promise settles when the job is answered. */
export type OpenJobStream = (
  request: { type: string; worker: string; timeoutMs: number },
  handler: (job: EngineJob) => Promise<unknown>,
) => Promise<JobStream>;

/** Job streams over the engine's gRPC job streaming, with the SDK's back-fill poll. */
export function createJobStreams(zeebe: ZeebeClient): OpenJobStream {
  return async (request, handler) => zeebe.streamJobs({
    type: request.type,
    worker: request.worker,
    timeout: request.timeoutMs,
    tenantIds: [],
    taskHandler: (job) => handler({
      key: job.key,
      processInstanceKey: job.processInstanceKey,
      elementId: job.elementId,
      elementInstanceKey: job.elementInstanceKey,
      retries: job.retries,
      variables: job.variables,
      customHeaders: job.customHeaders as Record<string, string>,
      complete: (variables) => job.complete(variables as JsonDocument),
      fail: (failure) => job.fail(failure),
      error: (error) => job.error({ ...error, variables: error.variables as JsonDocument }),
    }) as ReturnType<Parameters<ZeebeClient['streamJobs']>[0]['taskHandler']>,
  });
}
