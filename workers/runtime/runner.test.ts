import { Type } from '@sinclair/typebox';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ZeebeClient } from '../../core/engine/engine-client.ts';
import { createJobStreams } from '../../core/engine/job-streams.ts';
import { type JobResult, NonRetryableError, bpmnError, complete, defineJobWorker } from './job-worker.ts';
import { startWorkers } from './runner.ts';

type Handler = (job: FakeJob) => Promise<unknown>;

/** A job as the SDK hands it over, recording which action the runner took. */
class FakeJob {
  readonly actions: { action: string; argument: unknown }[] = [];
  readonly key = '2251799813685300';
  readonly processInstanceKey = '2251799813685290';
  readonly elementId = 'find-resident';
  readonly customHeaders = {};
  readonly variables: Record<string, unknown>;
  readonly retries: number;
  constructor(variables: Record<string, unknown>, retries = 3) {
    this.variables = variables;
    this.retries = retries;
  }
  complete = async (argument: unknown) => this.record('complete', argument);
  fail = async (argument: unknown) => this.record('fail', argument);
  error = async (argument: unknown) => this.record('error', argument);
  private record(action: string, argument: unknown) {
    this.actions.push({ action, argument });
    return 'JOB_ACTION_ACKNOWLEDGEMENT' as const;
  }
}

/** Stands in for the SDK's streamJobs: the test delivers jobs itself. */
function fakeZeebe() {
  const handlers = new Map<string, Handler>();
  const closed: string[] = [];
  const zeebe = {
    streamJobs: async (request: { type: string; taskHandler: Handler }) => {
      handlers.set(request.type, request.taskHandler);
      return { close: () => closed.push(request.type) };
    },
  } as unknown as ZeebeClient;
  const deliver = (type: string, job: FakeJob) => {
    const handler = handlers.get(type);
    if (!handler) throw new Error(`no stream for ${type}`);
    return handler(job);
  };
  return { zeebe, deliver, closed };
}

const Input = Type.Object({ name: Type.String() });
const options = (zeebe: ZeebeClient) => ({ openJobStream: createJobStreams(zeebe), logger: pino({ level: 'silent' }), backoff: { baseMs: 1000, maxMs: 8000 } });

describe('job worker runner', () => {
  it('when a handler completes, throws a BPMN error or fails, then the job gets that action', async () => {
    const { zeebe, deliver } = fakeZeebe();
    const worker = defineJobWorker({
      type: 'demo', input: Input, timeoutMs: 1000,
      async handle({ variables }) {
        if (variables.name === 'ok') return complete({ done: true });
        if (variables.name === 'business') return bpmnError('PERSON_NOT_FOUND', 'no match');
        if (variables.name === 'broken') throw new NonRetryableError('no configuration');
        throw new Error('back office down');
      },
    });
    await startWorkers([worker], options(zeebe));
    const jobs = ['ok', 'business', 'broken', 'flaky'].map((name) => new FakeJob({ name }));
    for (const job of jobs) await deliver('demo', job);

    expect(jobs.map((job) => job.actions[0]?.action)).toEqual(['complete', 'error', 'fail', 'fail']);
    expect(jobs[1]?.actions[0]?.argument).toMatchObject({ errorCode: 'PERSON_NOT_FOUND' });
    expect(jobs[2]?.actions[0]?.argument).toMatchObject({ retries: 0, errorMessage: 'no configuration' });
    const retry = jobs[3]?.actions[0]?.argument as { retries: number; retryBackOff: number; errorMessage: string };
    expect(retry.retries).toBe(2);
    expect(retry.retryBackOff).toBeGreaterThanOrEqual(500);
    expect(retry.errorMessage).toBe('Error: back office down');
  });

  it('when the failure says when to come back (Retry-After), then the job is not offered sooner', async () => {
    const { zeebe, deliver } = fakeZeebe();
    const worker = defineJobWorker({
      type: 'demo', input: Input, timeoutMs: 1000,
      async handle(): Promise<JobResult<never>> {
        throw Object.assign(new Error('rate limited'), { retryAfterMs: 20_000 });
      },
    });
    await startWorkers([worker], options(zeebe));
    const job = new FakeJob({ name: 'x' });
    await deliver('demo', job);
    expect(job.actions[0]?.argument).toMatchObject({ retries: 2, retryBackOff: 20_000 });
  });

  it('when the variables do not match the worker input, then an incident is raised at once without calling the handler', async () => {
    const { zeebe, deliver } = fakeZeebe();
    let called = false;
    const worker = defineJobWorker({ type: 'demo', input: Input, timeoutMs: 1000, async handle() { called = true; return complete({}); } });
    await startWorkers([worker], options(zeebe));
    const job = new FakeJob({ name: 42 });
    await deliver('demo', job);
    expect(called).toBe(false);
    expect(job.actions[0]).toMatchObject({ action: 'fail', argument: { retries: 0 } });
  });

  it('when the runner stops, then it closes the streams and waits for the jobs in flight', async () => {
    const { zeebe, deliver, closed } = fakeZeebe();
    let release: () => void = () => undefined;
    const worker = defineJobWorker({
      type: 'slow', input: Input, timeoutMs: 10_000,
      handle: () => new Promise<JobResult<{ finished: boolean }>>((resolve) => { release = () => resolve(complete({ finished: true })); }),
    });
    const running = await startWorkers([worker], options(zeebe));
    const job = new FakeJob({ name: 'x' });
    const inFlight = deliver('slow', job);

    let stopped = false;
    const stopping = running.stop().then(() => { stopped = true; });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toEqual(['slow']);
    expect(stopped).toBe(false);

    release();
    await Promise.all([inFlight, stopping]);
    expect(stopped).toBe(true);
    expect(job.actions).toEqual([{ action: 'complete', argument: { finished: true } }]);
  });
});
