import { Value } from '@sinclair/typebox/value';
import type { Logger } from 'pino';
import type { EngineJob, OpenJobStream } from '../../core/engine/job-streams.ts';
import { type BackoffPolicy, retryBackoffMs } from './backoff.ts';
import { type JobWorkerDefinition, NonRetryableError } from './job-worker.ts';

export interface RunningWorkers {
  /** Stops taking jobs, then waits for the jobs in flight to finish. */
  stop(): Promise<void>;
}

export interface WorkerRunnerOptions {
  openJobStream: OpenJobStream;
  logger: Logger;
  backoff: BackoffPolicy;
  /** Retries a task starts with in the diagrams; used to count failures for the back-off. */
  defaultRetries?: number;
  workerName?: string;
}

/** Opens one job stream per definition. */
export async function startWorkers(definitions: JobWorkerDefinition[], options: WorkerRunnerOptions): Promise<RunningWorkers> {
  const inFlight = new Set<Promise<unknown>>();
  const stopping = new AbortController();
  const defaultRetries = options.defaultRetries ?? 3;

  async function run(definition: JobWorkerDefinition, job: EngineJob) {
    const log = options.logger.child({ jobType: definition.type, jobKey: job.key, processInstanceKey: job.processInstanceKey });
    if (!Value.Check(definition.input, job.variables)) {
      const problems = [...Value.Errors(definition.input, job.variables)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
      log.error({ problems }, 'job variables do not match the worker input');
      return job.fail({ errorMessage: `invalid input variables: ${problems.join('; ')}`, retries: 0 });
    }
    const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(definition.timeoutMs)]);
    try {
      const result = await definition.handle({
        key: job.key,
        processInstanceKey: job.processInstanceKey,
        elementId: job.elementId,
        elementInstanceKey: job.elementInstanceKey,
        retries: job.retries,
        variables: job.variables,
        customHeaders: job.customHeaders,
        signal,
      });
      if (result.outcome === 'complete') return job.complete(result.variables as Record<string, unknown>);
      log.info({ errorCode: result.code }, 'business outcome raised as BPMN error');
      return job.error({ errorCode: result.code, errorMessage: result.message, variables: result.variables ?? {} });
    } catch (error) {
      const retries = error instanceof NonRetryableError ? 0 : Math.max(0, job.retries - 1);
      // A vendor that says when to come back (Retry-After) is not asked sooner.
      const retryBackOff = retries > 0 ? Math.max(retryBackoffMs(options.backoff, defaultRetries - job.retries), retryAfterOf(error)) : 0;
      // The message reaches the operator through the incident; it must not carry personal data.
      // A NonRetryableError's message already says what failed; other errors are named by their class.
      const errorMessage = error instanceof NonRetryableError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      log.warn({ retries, retryBackOff, error: errorMessage }, retries > 0 ? 'job failed, will retry' : 'job failed, raising an incident');
      return job.fail({ errorMessage, retries, retryBackOff });
    }
  }

  const streams = await Promise.all(definitions.map((definition) =>
    options.openJobStream({ type: definition.type, worker: options.workerName ?? 'portal-workers', timeoutMs: definition.timeoutMs }, (job) => {
      const running = run(definition, job);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
      return running;
    })));

  return {
    async stop() {
      for (const stream of streams) stream.close();
      await Promise.allSettled([...inFlight]);
    },
  };
}

function retryAfterOf(error: unknown): number {
  const hint = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof hint === 'number' && Number.isFinite(hint) ? hint : 0;
}
