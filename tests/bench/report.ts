// The figures as a readable report, and as JSON for .cache/bench/results.json.
import type { CpuUse } from './cpu.ts';
import type { EngineBaselineResult } from './engine-baseline.ts';
import type { MachineInfo } from './machine.ts';
import type { BenchOptions } from './options.ts';
import type { OrdersResult } from './orders.ts';
import type { LogDigest } from './platform-process.ts';
import type { SdkLogCounts } from './sdk-log.ts';
import type { Summary } from './stats.ts';
import type { StatusLoadResult } from './status-load.ts';

export interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  checks: Check[];
  options: BenchOptions;
  machine: MachineInfo;
  engineBaseline?: EngineBaselineResult & { exporter: { replayedBeforeRun: number; records: number } };
  platform?: OrdersResult;
  /** (b) orders per second / (a) open-loop instances per second. */
  platformToEngineRatio?: number;
  /** The same against (a)'s closed-loop figure. */
  platformToEngineClosedLoopRatio?: number;
  statusLoad?: StatusLoadResult[];
  cpu: Record<string, CpuUse>;
  /** Share of (b) and (c) during which the platform's event loop was busy (0..1). */
  platformEventLoop?: { b: number; c?: number };
  platformLog?: LogDigest;
  error?: string;
}

/** A bench's figures as JSON: two decimals; NaN and Infinity become null. */
export function resultsJson(results: object): string {
  return `${JSON.stringify(results, (_key, value: unknown) =>
    (typeof value === 'number' ? (Number.isFinite(value) ? Math.round(value * 100) / 100 : null) : value), 2)}\n`;
}

const f = (value: number | undefined | null, digits = 1): string =>
  value === undefined || value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
const ms = (summary: Summary): string =>
  `p50 ${f(summary.p50, 0)} / p90 ${f(summary.p90, 0)} / p99 ${f(summary.p99, 0)} / max ${f(summary.max, 0)} ms (mean ${f(summary.mean, 0)})`;

function cpuLines(label: string, use: CpuUse | undefined, indent = '  '): string[] {
  if (!use) return [];
  const parts = Object.entries(use.byParty)
    .filter(([, value]) => value !== null)
    .map(([party, value]) => `${party} ${f(value?.seconds, 1)} s (${f(value?.cores, 2)} cores)`);
  const machine = use.machine ? `machine ${f(use.machine.seconds, 1)} s busy (${f(use.machine.cores, 2)} cores)` : '';
  const lines = [`${indent}CPU${label ? ` ${label}` : ''} over ${f(use.wallSeconds, 1)} s: ${[...parts, machine].filter(Boolean).join(', ')}`];
  if (use.engineThreads.length > 0) {
    lines.push(`${indent}  engine threads: ${use.engineThreads.map((t) => `${t.threads} ${f(t.seconds, 1)} s`).join(', ')}`);
  }
  return lines;
}

function backpressure(counts: SdkLogCounts): string {
  const rejections = Object.entries(counts.rejections);
  if (rejections.length === 0) return 'no rejected commands';
  return `${rejections.map(([operation, n]) => `${operation} ${n}`).join(', ')}; SDK retries ${counts.retries} (back-off ≥ 1 s each)`;
}

export function formatReport(results: BenchResults): string {
  const lines: string[] = [];
  const { machine, options } = results;
  lines.push('', '=== Benchmark: residence certificate on Camunda 8 ===');
  lines.push(`Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, load ${machine.loadAverage1m}`);
  lines.push(`Software: Node ${machine.node}, engine ${machine.engineVersion}, PostgreSQL ${machine.postgres}, ${machine.sdk}, autocannon ${machine.autocannon}`);

  const a = results.engineBaseline;
  if (a) {
    const jit = a.warmup.lastRoundJitShare === null ? 'n/a' : `${f(a.warmup.lastRoundJitShare * 100, 0)} %`;
    lines.push('', `(a) Engine baseline — ${a.processId}, no-op workers on the bare SDK`);
    lines.push(`  warm-up (not counted): ${a.warmup.instances} instances in ${a.warmup.rounds} round(s); JIT compiler share of engine CPU in the last round: ${jit}`);
    lines.push(`  idle, one instance at a time (${a.idle.instances}): ${ms(a.idle.latencyMs)} per instance`);
    lines.push(`  open loop, ${a.openLoop.instances} instances, ${a.openLoop.concurrency} starts in flight: ${f(a.openLoop.instancesPerSecond)} instances/s (${f(a.openLoop.spanMs / 1000, 2)} s); commands rejected by flow control: ${a.openLoop.rejectedCommands ?? 'n/a'}`);
    lines.push(`    per instance, start to last job acknowledged: ${ms(a.openLoop.latencyMs)}`);
    lines.push(`    start request: ${ms(a.openLoop.startRequestMs)}`);
    lines.push(`    exporter, last job acknowledged to completion record at the sink: ${ms(a.openLoop.exporterDelayMs)}`);
    lines.push(...cpuLines('', a.openLoop.cpu, '    '));
    lines.push(`  closed loop (createProcessInstanceWithResult, ${a.closedLoop.concurrency} in flight), ${a.closedLoop.instances} instances: ${f(a.closedLoop.instancesPerSecond)} instances/s; rejected: ${a.closedLoop.rejectedCommands ?? 'n/a'}`);
    lines.push(`    per instance: ${ms(a.closedLoop.latencyMs)}`);
    lines.push(...cpuLines('', a.closedLoop.cpu, '    '));
    lines.push(`  jobs completed: ${Object.entries(a.jobsCompleted).map(([type, n]) => `${type} ${n}`).join(', ')}; foreign jobs left alone: ${a.foreignJobs}`);
    lines.push(`  exporter: ${a.exporter.records} records reached the stand-in sink (${a.exportedCompletions.seen} of ${a.exportedCompletions.expected} completions of this run)${a.exporter.replayedBeforeRun ? `, after ${a.exporter.replayedBeforeRun} records of earlier runs re-sent` : ''}`);
    lines.push(`  engine backpressure over all of (a), warm-up included (SDK log): ${backpressure(a.sdkLog)}`);
    lines.push(`  errors: start ${a.errors.start}, complete ${a.errors.complete}, with-result ${a.errors.withResult}${a.errors.firstMessages.length ? ` (${a.errors.firstMessages.join('; ')})` : ''}`);
    lines.push(...cpuLines('(a) overall, warm-up included,', results.cpu.a));
  }

  const b = results.platform;
  if (b) {
    lines.push('', `(b) Through the platform — API, engine, workers, simulator, PDF, exporter, read model (warm-up ${b.warmupOrders} orders, not counted)`);
    lines.push(`  ${b.orders} orders, ${b.concurrency} POSTs in flight, ${b.citizens} citizens: accepted ${b.accepted}, completed ${b.completed}, issued ${b.issued}`);
    lines.push(`  throughput until GET /cases/{id} showed all completed: ${f(b.ordersPerSecond)} orders/s (${f(b.spanMs / 1000, 2)} s)`);
    lines.push(`  throughput until the engine completed the last one:   ${f(b.engineOrdersPerSecond)} orders/s (${f(b.engineSpanMs / 1000, 2)} s)`);
    lines.push(`  POSTs accepted at ${f(b.submitRatePerSecond)} /s; POST /applications: ${ms(b.postLatencyMs)}`);
    lines.push(`  per order, POST to engine completion: ${ms(b.orderLatencyMs)}`);
    lines.push('  where an order\'s time goes (from the phase timestamps):');
    lines.push(`    POST → received (start event):   ${ms(b.stagesMs.postToReceived)}`);
    lines.push(`    validate-order:                   ${ms(b.stagesMs.validateOrder)}`);
    lines.push(`    find-resident (back office):      ${ms(b.stagesMs.findResident)}`);
    lines.push(`    payment page → paid (citizen):     ${ms(b.stagesMs.payment)}`);
    lines.push(`    certificate PDF + notify → end:   ${ms(b.stagesMs.certificateNotify)}`);
    lines.push(`  read model behind the engine at the end: ${f(b.readModelTailLagMs, 0)} ms (exporter flush + projection + ${'≤'}250 ms polling); status polls: ${b.statusPolls}`);
    lines.push(`  back-office calls: ${Object.entries(b.backOfficeCalls).map(([op, n]) => `${op} ${n}`).join(', ')}`);
    if (results.platformLog) lines.push(`  engine backpressure (platform's SDK log, whole run): ${backpressure(results.platformLog.sdk)}`);
    if (b.problems.length > 0) lines.push(`  problems: ${b.problems.join(' | ')}`);
    lines.push(...cpuLines('(b), measured orders', results.cpu.b));
    if (results.platformEventLoop) lines.push(`    platform event loop busy ${f(results.platformEventLoop.b * 100, 0)} % of the time`);
  }
  if (results.platformToEngineRatio !== undefined) {
    lines.push(`  ratio b/a (platform orders/s ÷ engine open-loop instances/s): ${f(results.platformToEngineRatio, 3)}`);
    lines.push(`  (against the engine's closed-loop figure instead: ${f(results.platformToEngineClosedLoopRatio, 3)})`);
  }

  if (results.statusLoad) {
    lines.push('', `(c) Status queries under load — autocannon, ${options.statusConnections} connections, ${options.statusSeconds} s each`);
    for (const run of results.statusLoad) {
      lines.push(`  ${run.endpoint.padEnd(16)} ${f(run.requestsPerSecond, 0)} req/s (${run.requests} requests), latency p50 ${f(run.latencyMs.p50, 0)} ms, p99 ${f(run.latencyMs.p99, 0)} ms, max ${f(run.latencyMs.max, 0)} ms; non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`);
    }
    lines.push(...cpuLines('(c)', results.cpu.c));
    if (results.platformEventLoop?.c !== undefined) lines.push(`    platform event loop busy ${f(results.platformEventLoop.c * 100, 0)} % of the time`);
  }

  if (results.platformLog) {
    const log = results.platformLog;
    lines.push('', `Platform log: ${log.warnings} warnings, ${log.errors} errors${log.otherLines ? `, ${log.otherLines} other lines` : ''}`);
    for (const message of log.messages) lines.push(`  ${message.count}x ${message.level}: ${message.msg}`);
    for (const sample of log.otherSamples) lines.push(`  other: ${sample}`);
  }

  lines.push('', 'Checks:');
  for (const check of results.checks) lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${check.detail}`);
  if (results.error) lines.push('', `Run aborted: ${results.error}`);
  lines.push('', results.ok ? 'All checks passed.' : 'Some checks FAILED — the figures above are not trustworthy.');
  return lines.join('\n');
}
