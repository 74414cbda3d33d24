import type { TSchema, Static } from '@sinclair/typebox';

/** What a handler sees of a job: validated variables and where it runs. */
export interface WorkerJob<Variables, Headers = Record<string, string>> {
  key: string;
  processInstanceKey: string;
  elementId: string;
  /** One visit of the element: the same over the job's retries, new when a loop comes back. */
  elementInstanceKey: string;
  retries: number;
  variables: Variables;
  customHeaders: Headers;
  /** Aborted when the job's deadline passes or the worker stops. */
  signal: AbortSignal;
}

/** Every path of a handler ends in one of these, or throws a technical fault (the job fails and is retried). */
export type JobResult<Output> =
  | { outcome: 'complete'; variables: Output }
  | { outcome: 'bpmn-error'; code: string; message: string; variables?: Record<string, unknown> };

export const complete = <Output>(variables: Output): JobResult<Output> => ({ outcome: 'complete', variables });
export const bpmnError = (code: string, message: string, variables?: Record<string, unknown>): JobResult<never> =>
  ({ outcome: 'bpmn-error', code, message, ...(variables ? { variables } : {}) });

/** A technical fault that retrying cannot fix (e.g. missing configuration): raise an incident at once. */
export class NonRetryableError extends Error {}

export interface JobWorkerDefinition<Input extends TSchema = TSchema, Output = unknown> {
  /** The job type in the diagram; the worker's folder (workers/<job-type>/) carries the same name. */
  type: string;
  input: Input;
  /** How long the engine waits for the handler before offering the job again. */
  timeoutMs: number;
  handle(job: WorkerJob<Static<Input>>): Promise<JobResult<Output>>;
}

export const defineJobWorker = <Input extends TSchema, Output>(definition: JobWorkerDefinition<Input, Output>) =>
  definition as unknown as JobWorkerDefinition;
