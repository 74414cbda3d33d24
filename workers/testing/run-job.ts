// Support for the workers' unit tests (workers/**/*.test.ts); nothing in production imports workers/testing/.
import { Value } from '@sinclair/typebox/value';
import type { JobResult, JobWorkerDefinition, WorkerJob } from '../runtime/job-worker.ts';

/** The parts of a job a test may set; the variables are given apart. */
export type JobParts = Partial<Omit<WorkerJob<unknown>, 'variables'>>;

/**
 * Runs a worker's handler on one job as the runner does: the variables must pass the worker's
 * input schema first, so a test cannot feed a handler what the engine would never hand over.
 */
export async function runJob(definition: JobWorkerDefinition, variables: Record<string, unknown>, job: JobParts = {}): Promise<JobResult<unknown>> {
  if (!Value.Check(definition.input, variables)) {
    const problems = [...Value.Errors(definition.input, variables)].map((error) => `${error.path}: ${error.message}`);
    throw new Error(`the test's variables do not match the input of ${definition.type}: ${problems.join('; ')}`);
  }
  return definition.handle({
    key: '2251799813685300',
    processInstanceKey: '2251799813685290',
    elementId: 'Task_1',
    elementInstanceKey: '2251799813685310',
    retries: 3,
    customHeaders: {},
    signal: new AbortController().signal,
    ...job,
    variables,
  });
}

/**
 * An object with the given methods only: calling any other throws, so a test notices a call it
 * did not expect instead of passing on a made-up answer.
 */
export function only<T extends object>(name: string, methods: Partial<T>): T {
  return new Proxy(methods, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      // Promises and test matchers probe these; the fake is not a thenable.
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
      return () => {
        throw new Error(`${name}.${key} was not expected in this test`);
      };
    },
  }) as T;
}
