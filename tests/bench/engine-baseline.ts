// Phase (a): what the engine alone does with the residence-certificate diagram — no API, no
// database, no back office. A copy of the diagram under another process id, no-op workers on the
// bare SDK, and three ways of loading it, after a warm-up:
//
// - open loop (the headline figure, and the one the platform is compared with): start requests
//   bounded to `concurrency` in flight, exactly like phase (b) bounds its POSTs; an instance counts
//   as done when the engine has accepted the completion of its last job (notify-citizen). The engine
//   processes that CompleteJob command, the end event and the process completion in one batch, so
//   the acknowledgement is the instance's completion, without the exporter's 100-700 ms flush delay.
//   The exporter's PROCESS ELEMENT_COMPLETED records (seen by the record sink) cross-check it.
//   createProcessInstanceWithResult is not used for this figure: with 32 calls in flight it caps the
//   instances in the engine at 32, so it measures latency x concurrency (Little's law) rather than
//   what the engine can take, and (b) does not cap instances in flight either.
//   Like the platform, the client keeps the SDK's default retry policy: when the engine's flow
//   control rejects a start (RESOURCE_EXHAUSTED), the SDK waits at least a second before retrying.
//   That is part of what a client of this engine gets, so it stays in the figure, and the
//   rejections are counted (sdk-log.ts) so that the report can say so.
// - closed loop: createProcessInstanceWithResult, `concurrency` in flight; gives the end-to-end
//   latency of one instance in an engine that is busy but not flooded.
// - idle: the same, one instance at a time: the latency floor (five job round trips).
//
// Job completions go through zeebe.completeJob rather than job.complete(): the SDK's stream worker
// swallows a failed completion and resolves anyway, which would count a rejected completion as done.
import { Camunda8 } from '@camunda8/sdk';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EngineConnection, ZeebeClient } from '../../core/engine/engine-client.ts';
import { cpuBetween, type CpuSnapshot, type CpuUse } from './cpu.ts';
import { tapSdkConsole, type SdkLogCounts } from './sdk-log.ts';
import { perSecond, runBounded, sleep, summarize, type Summary } from './stats.ts';

export const BENCH_PROCESS_ID = 'bench-residence-certificate';
const DIAGRAM = new URL('../../processes/residence-certificate/residence-certificate.bpmn', import.meta.url);
const JOB_TYPES = ['validate-order', 'find-resident', 'request-payment', 'issue-document', 'notify-citizen'] as const;
const LAST_JOB_TYPE = 'notify-citizen';
/** One instance at a time on an otherwise idle engine: the latency floor of the diagram. */
export const IDLE_INSTANCES = 10;
/**
 * A started engine's JVM compiles (JIT) for the first several hundred instances, with as much CPU
 * as the engine's own work: on two cores that halves the figures. The warm-up runs rounds of this
 * many instances until the compiler threads take less than JIT_SETTLED of the engine's CPU.
 */
const WARMUP_ROUND = 100;
const JIT_SETTLED = 0.15;
/** How long the exporter may take to deliver the last completions after the last instance. */
const EXPORTER_CATCH_UP_MS = 60_000;
/** The no-op handlers answer in microseconds; this only matters for a job that is left alone. */
const JOB_TIMEOUT_MS = 30_000;

type JobVariables = Parameters<ZeebeClient['completeJob']>[0]['variables'];

/** What the platform's workers would return, so the engine handles payloads of the same size. */
const OUTPUTS: Record<(typeof JOB_TYPES)[number], JobVariables> = {
  'validate-order': { orderValid: true },
  'find-resident': {
    residenceAssessment: 'entitled',
    resident: {
      residentId: 'P-4001-0001', residenceType: 'main', since: '2015-06-01', blocked: false,
      address: { street: 'Musterstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
    },
  },
  // Completed with the instance's own payment id, and paid at once (see the handler).
  'request-payment': {},
  'issue-document': { documentId: '00000000-0000-4000-8000-000000000000' },
  'notify-citizen': {},
};

const startVariables = () => ({
  caseId: randomUUID(),
  municipalityId: 'aarau',
  language: 'de',
  applicant: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1985-03-14' },
  feeRappen: 2000,
  residentsOfficeGroup: '4001-einwohnerkontrolle',
  paymentMethod: 'online',
  paymentReminderAfter: 'P1D',
  paymentCancelAfter: 'P1D',
});

/** The residence-certificate diagram under the benchmark's process id (the plane refers to it too). */
export function benchDiagram(xml: string): string {
  const renamed = xml
    .replaceAll('id="residence-certificate"', `id="${BENCH_PROCESS_ID}"`)
    .replaceAll('bpmnElement="residence-certificate"', `bpmnElement="${BENCH_PROCESS_ID}"`);
  if (!renamed.includes(`<bpmn:process id="${BENCH_PROCESS_ID}"`)) throw new Error('the diagram has no process id="residence-certificate" to rename');
  return renamed;
}

export interface OpenLoopResult {
  instances: number;
  concurrency: number;
  spanMs: number;
  instancesPerSecond: number;
  /** From the start request to the acknowledged completion of its last job, ms. */
  latencyMs: Summary;
  /** Time the start requests took to answer, ms. */
  startRequestMs: Summary;
  /** From the acknowledged last job until the exporter's record of the completion reached the sink, ms. */
  exporterDelayMs: Summary;
  cpu?: CpuUse;
  /** Commands the engine's flow control rejected (and the SDK retried) meanwhile. */
  rejectedCommands?: number;
}

export interface ClosedLoopResult {
  instances: number;
  concurrency: number;
  spanMs: number;
  instancesPerSecond: number;
  latencyMs: Summary;
  cpu?: CpuUse;
  rejectedCommands?: number;
}

export interface EngineBaselineResult {
  processId: string;
  processDefinitionKey: string;
  warmup: {
    instances: number;
    rounds: number;
    /** Share of the engine's CPU its JIT compiler threads took in the last warm-up round (0..1). */
    lastRoundJitShare: number | null;
  };
  idle: ClosedLoopResult;
  openLoop: OpenLoopResult;
  closedLoop: ClosedLoopResult;
  jobsCompleted: Record<string, number>;
  errors: { start: number; complete: number; withResult: number; firstMessages: string[] };
  /** Jobs of the same types but of other diagrams (left over in the engine): not touched, they time out. */
  foreignJobs: number;
  /** Completions of this run's instances that reached the record sink (checked after the exporter caught up). */
  exportedCompletions: { expected: number; seen: number };
  /** Backpressure as the SDK logged it (its default retry policy, as in the platform). */
  sdkLog: SdkLogCounts;
}

export interface EngineBaselineOptions {
  engine: EngineConnection;
  instances: number;
  /** At most this many warm-up instances, in rounds of WARMUP_ROUND, until the JIT has settled. */
  warmup: number;
  concurrency: number;
  timeoutMs: number;
  /** performance.now() at which the exporter delivered the instance's completion, if it did. */
  exportedAt: (processInstanceKey: string) => number | undefined;
  /** For the CPU use of each way of loading. */
  cpuSnapshot?: () => CpuSnapshot;
  log: (line: string) => void;
}

/** The bare SDK with its default retries, unprotected local engine; its error log is counted (sdk-log.ts). */
function createBenchClient(engine: EngineConnection): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'ERROR' },
  } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
}

export async function runEngineBaseline(options: EngineBaselineOptions): Promise<EngineBaselineResult> {
  const sdkLog = tapSdkConsole();
  const zeebe = createBenchClient(options.engine);
  const streams: { close(): void }[] = [];
  try {
    return { ...await measure(zeebe, streams, options, sdkLog.counts), sdkLog: sdkLog.counts };
  } finally {
    // Closing a stream cancels it, which the SDK prints as an error: the tap counts it instead.
    for (const stream of streams) stream.close();
    await zeebe.close();
    await sleep(200);
    sdkLog.restore();
  }
}

async function measure(
  zeebe: ZeebeClient, streams: { close(): void }[], options: EngineBaselineOptions, sdkLog: SdkLogCounts,
): Promise<Omit<EngineBaselineResult, 'sdkLog'>> {
  const { concurrency, log } = options;
  const deployment = await zeebe.deployResource({
    name: `${BENCH_PROCESS_ID}.bpmn`,
    process: Buffer.from(benchDiagram(readFileSync(DIAGRAM, 'utf8'))),
  });
  const processDefinitionKey = String(deployment.deployments[0]?.process.processDefinitionKey ?? 'unknown');

  const jobsCompleted: Record<string, number> = Object.fromEntries(JOB_TYPES.map((type) => [type, 0]));
  const errors = { start: 0, complete: 0, withResult: 0, firstMessages: [] as string[] };
  const noteError = (kind: 'start' | 'complete' | 'withResult', error: unknown) => {
    errors[kind]++;
    if (errors.firstMessages.length < 5) errors.firstMessages.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
  };
  let foreignJobs = 0;
  /** Every instance this run started, in all modes: the exporter must report each completion. */
  const startedKeys: string[] = [];
  /** performance.now() at which the last job of an instance was acknowledged, by instance key. */
  const finishedAt = new Map<string, number>();
  let wake: (() => void) | undefined;
  let lastOpenLoopKeys: string[] = [];

  streams.push(...await Promise.all(JOB_TYPES.map((type) => zeebe.streamJobs({
    type,
    worker: 'bench-noop',
    timeout: JOB_TIMEOUT_MS,
    tenantIds: [],
    taskHandler: async (job) => {
      if (job.bpmnProcessId !== BENCH_PROCESS_ID) {
        foreignJobs++;
        return job.forward();
      }
      try {
        if (type === 'request-payment') {
          // The citizen pays at once: the payment id is the case id, and the message follows the completion.
          const paymentId = String(job.variables.caseId);
          await zeebe.completeJob({ jobKey: job.key, variables: { payment: { paymentId, method: 'online', amountRappen: 2000, paymentUrl: 'https://bench.invalid/pay' } } });
          await zeebe.publishMessage({ name: 'payment-received', correlationKey: paymentId, messageId: `payment-received:${paymentId}`, timeToLive: 60_000, variables: {} });
        } else {
          await zeebe.completeJob({ jobKey: job.key, variables: OUTPUTS[type] });
        }
        jobsCompleted[type] = (jobsCompleted[type] ?? 0) + 1;
        if (type === LAST_JOB_TYPE) {
          finishedAt.set(job.processInstanceKey, performance.now());
          wake?.();
        }
      } catch (error) {
        noteError('complete', error);
      }
      return job.forward();
    },
  }))));

  async function openLoop(count: number): Promise<OpenLoopResult> {
    const startedAt: number[] = new Array(count);
    const answeredAt: number[] = new Array(count);
    const keys: (string | undefined)[] = new Array(count);
    const outcomes = await runBounded(count, concurrency, async (index) => {
      startedAt[index] = performance.now();
      const response = await zeebe.createProcessInstance({ bpmnProcessId: BENCH_PROCESS_ID, variables: startVariables() });
      answeredAt[index] = performance.now();
      keys[index] = String(response.processInstanceKey);
      startedKeys.push(keys[index] as string);
    });
    for (const outcome of outcomes) if (outcome.status === 'rejected') noteError('start', outcome.reason);
    const started = keys.filter((key): key is string => key !== undefined);
    lastOpenLoopKeys = started;

    const deadline = performance.now() + options.timeoutMs;
    const pending = () => started.filter((key) => !finishedAt.has(key)).length;
    while (pending() > 0) {
      if (performance.now() > deadline) throw new Error(`engine baseline: ${pending()} of ${started.length} instances not completed within ${options.timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 250);
      });
    }
    wake = undefined;

    const first = Math.min(...startedAt.filter((t) => t !== undefined));
    const last = Math.max(...started.map((key) => finishedAt.get(key) as number));
    const latencies = keys.flatMap((key, index) => (key === undefined ? [] : [(finishedAt.get(key) as number) - (startedAt[index] as number)]));
    const startRequests = answeredAt.flatMap((t, index) => (t === undefined ? [] : [t - (startedAt[index] as number)]));
    return {
      instances: started.length,
      concurrency,
      spanMs: last - first,
      instancesPerSecond: perSecond(started.length, last - first),
      latencyMs: summarize(latencies),
      startRequestMs: summarize(startRequests),
      exporterDelayMs: summarize([]),
    };
  }

  async function closedLoop(count: number, inFlight: number): Promise<ClosedLoopResult> {
    const latencies: number[] = [];
    const begin = performance.now();
    const outcomes = await runBounded(count, inFlight, async () => {
      const t0 = performance.now();
      const response = await zeebe.createProcessInstanceWithResult({
        bpmnProcessId: BENCH_PROCESS_ID,
        variables: startVariables(),
        requestTimeout: options.timeoutMs,
        fetchVariables: ['caseId'],
      });
      latencies.push(performance.now() - t0);
      startedKeys.push(String(response.processInstanceKey));
    });
    const spanMs = performance.now() - begin;
    for (const outcome of outcomes) if (outcome.status === 'rejected') noteError('withResult', outcome.reason);
    return { instances: latencies.length, concurrency: inFlight, spanMs, instancesPerSecond: perSecond(latencies.length, spanMs), latencyMs: summarize(latencies) };
  }

  /** Runs one way of loading, with the CPU use and the commands the engine rejected meanwhile. */
  async function measured<T extends { cpu?: CpuUse; rejectedCommands?: number }>(run: () => Promise<T>): Promise<T> {
    const rejected = () => Object.values(sdkLog.rejections).reduce((sum, n) => sum + n, 0);
    const before = options.cpuSnapshot?.();
    const rejectedBefore = rejected();
    const result = await run();
    if (before && options.cpuSnapshot) result.cpu = cpuBetween(before, options.cpuSnapshot());
    result.rejectedCommands = rejected() - rejectedBefore;
    return result;
  }
  const warmup = { instances: 0, rounds: 0, lastRoundJitShare: null as number | null };
  while (warmup.instances < options.warmup) {
    const count = Math.min(WARMUP_ROUND, options.warmup - warmup.instances);
    const round = await measured(() => openLoop(count));
    warmup.instances += count;
    warmup.rounds++;
    const engineSeconds = round.cpu?.byParty.engine?.seconds;
    const jitSeconds = round.cpu?.engineThreads.filter((t) => /Compiler/i.test(t.threads)).reduce((sum, t) => sum + t.seconds, 0);
    warmup.lastRoundJitShare = engineSeconds && jitSeconds !== undefined ? jitSeconds / engineSeconds : null;
    log(`(a) warm-up round ${warmup.rounds}: ${count} instances, ${round.instancesPerSecond.toFixed(1)}/s, JIT ${warmup.lastRoundJitShare === null ? 'n/a' : `${Math.round(warmup.lastRoundJitShare * 100)} %`} of the engine's CPU`);
    if (warmup.lastRoundJitShare === null || warmup.lastRoundJitShare < JIT_SETTLED) break;
  }
  await sleep(500);
  log(`(a) idle: ${IDLE_INSTANCES} instances with createProcessInstanceWithResult, one at a time`);
  const idle = await measured(() => closedLoop(IDLE_INSTANCES, 1));
  log(`(a) open loop: ${options.instances} instances, ${concurrency} start requests in flight`);
  const open = await measured(() => openLoop(options.instances));
  const openKeys = lastOpenLoopKeys;
  await sleep(500);
  log(`(a) closed loop: ${options.instances} instances with createProcessInstanceWithResult, ${concurrency} in flight`);
  const closed = await measured(() => closedLoop(options.instances, concurrency));
  const exportedCount = () => startedKeys.filter((key) => options.exportedAt(key) !== undefined).length;
  const exportDeadline = performance.now() + EXPORTER_CATCH_UP_MS;
  while (exportedCount() < startedKeys.length && performance.now() < exportDeadline) await sleep(50);
  // By now the exporter has long delivered the open loop's records.
  open.exporterDelayMs = summarize(openKeys.flatMap((key) => {
    const exported = options.exportedAt(key);
    return exported === undefined ? [] : [exported - (finishedAt.get(key) as number)];
  }));
  return {
    processId: BENCH_PROCESS_ID,
    processDefinitionKey,
    warmup,
    idle,
    openLoop: open,
    closedLoop: closed,
    jobsCompleted,
    errors,
    foreignJobs,
    exportedCompletions: { expected: startedKeys.length, seen: exportedCount() },
  };
}
