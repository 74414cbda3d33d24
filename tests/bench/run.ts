// `npm run bench`: throughput of the residence certificate on the real engine, bounded in count and
// time, on loopback only.
//   (a) the engine alone (copy of the diagram, no-op workers on the bare SDK)
//   (b) orders through the whole platform, until GET /cases/{id} shows them completed; ratio b/a
//   (c) status query latency under autocannon load
// Prints a report and writes the figures to .cache/bench/results.json. Needs the engine's ports,
// port 3000 (the exporter's sink) and PostgreSQL on 127.0.0.1:5432 (TEST_DATABASE_ADMIN_URL), so
// neither `npm start` nor the integration tests may run at the same time. An engine it starts, it
// stops again. Sizes: BENCH_* variables (options.ts).
import { concludeBench, exitWhenDone } from './bench-outcome.ts';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../core/config.ts';
import { ensureEngineRunning, stopEngine } from '../../scripts/engine.ts';
import { cpuBetween, cpuSnapshot, findEnginePid, type CpuParties } from './cpu.ts';
import { BENCH_PROCESS_ID, IDLE_INSTANCES, runEngineBaseline } from './engine-baseline.ts';
import { describeMachine } from './machine.ts';
import { loadBenchOptions } from './options.ts';
import { runOrders } from './orders.ts';
import { digestLog, startPlatformProcess } from './platform-process.ts';
import { startRecordSink } from './record-sink.ts';
import { formatReport, resultsJson, type BenchResults, type Check } from './report.ts';
import { sleep } from './stats.ts';
import { runStatusLoad } from './status-load.ts';

const OUT_DIR = new URL('../../.cache/bench/', import.meta.url);
const RESULTS_FILE = new URL('results.json', OUT_DIR);
const PLATFORM_LOG = new URL('platform.log', OUT_DIR);
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Before and after the baseline the exporter must have been quiet this long (nothing left to send) ... */
const EXPORTER_QUIET_MS = 2_000;
/** ... waiting at most this long for it. */
const EXPORTER_QUIET_LIMIT_MS = 60_000;

/** Waits until the exporter has sent nothing for EXPORTER_QUIET_MS (or the limit passed). */
async function exporterQuiet(lastBatchAt: () => number | undefined): Promise<void> {
  const since = performance.now();
  while (performance.now() - Math.max(since, lastBatchAt() ?? 0) < EXPORTER_QUIET_MS && performance.now() - since < EXPORTER_QUIET_LIMIT_MS) {
    await sleep(100);
  }
}

const log = (line: string) => console.log(`[bench] ${line}`);

/** A close that may be called by the flow and again by the cleanup. */
function once(close: () => Promise<unknown>): () => Promise<unknown> {
  let closing: Promise<unknown> | undefined;
  return () => (closing ??= close());
}

/** Undone in reverse order on success, failure, watchdog or signal; each runs once. */
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      await undo().catch((error: unknown) => console.error(`[bench] cleanup: ${(error as Error).message}`));
    }
  })();
  return cleaning;
}

function abort(reason: string, code: number): void {
  console.error(`[bench] ${reason}; cleaning up`);
  void cleanUp().finally(() => process.exit(code));
}

async function main(): Promise<number> {
  const options = loadBenchOptions();
  const watchdog = setTimeout(() => abort(`overall time limit of ${options.overallTimeoutMs / 1000} s reached`, 2), options.overallTimeoutMs);
  watchdog.unref();
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  mkdirSync(OUT_DIR, { recursive: true });

  // Only the engine addresses and the exporter's token matter here; the platform child has its own secret.
  const config = loadConfig({ ...process.env, OIDC_CLIENT_SECRET: 'bench-placeholder-not-used', SESSION_SECRET: 'bench-placeholder-secret-not-used-00000', ACCOUNT_SECRETS_KEY: Buffer.alloc(32).toString('base64') });
  const recordsUrl = process.env.PORTAL_RECORDS_URL ?? 'http://127.0.0.1:3000/internal/engine-records';

  const engine = await ensureEngineRunning({ log: (line) => log(`engine: ${line}`) });
  if (engine.startedByUs) cleanups.push(() => stopEngine({ log: (line) => log(`engine: ${line}`) }));
  const parties: CpuParties = { engine: engine.pid ?? findEnginePid() };

  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    ok: false,
    checks: [],
    options,
    machine: await describeMachine(ADMIN_URL),
    cpu: {},
  };
  const check = (name: string, ok: boolean, detail: string) => results.checks.push({ check: name, ok, detail } satisfies Check);

  try {
    // (a) engine baseline, with a stand-in sink for the exporter's records
    const sink = await startRecordSink({ url: recordsUrl, token: config.PORTAL_RECORDS_TOKEN, processId: BENCH_PROCESS_ID });
    const closeSink = once(() => sink.close());
    cleanups.push(closeSink);
    // A restarted engine sends again what it exported since its last snapshot; let that pass first.
    await exporterQuiet(() => sink.lastBatchAt());
    const replayed = sink.records();
    if (replayed > 0) log(`the exporter first re-sent ${replayed} records of earlier runs`);
    const cpuA = cpuSnapshot(parties);
    const baseline = await runEngineBaseline({
      engine: { grpcAddress: config.ZEEBE_GRPC_ADDRESS, restAddress: config.ZEEBE_REST_ADDRESS },
      instances: options.engineInstances,
      warmup: options.engineWarmup,
      concurrency: options.engineConcurrency,
      timeoutMs: options.phaseTimeoutMs,
      exportedAt: (key) => sink.completionArrivedAt(key),
      cpuSnapshot: () => cpuSnapshot(parties),
      log,
    });
    results.cpu.a = cpuBetween(cpuA, cpuSnapshot(parties));
    await exporterQuiet(() => sink.lastBatchAt());
    results.engineBaseline = { ...baseline, exporter: { replayedBeforeRun: replayed, records: sink.records() - replayed } };
    await closeSink();

    const a = baseline;
    const jobCounts = Object.values(a.jobsCompleted);
    check('(a) all instances completed', a.openLoop.instances === options.engineInstances && a.closedLoop.instances === options.engineInstances
      && a.idle.instances === IDLE_INSTANCES, `open ${a.openLoop.instances}, closed ${a.closedLoop.instances} of ${options.engineInstances}, idle ${a.idle.instances} of ${IDLE_INSTANCES}`);
    check('(a) no engine errors', a.errors.start + a.errors.complete + a.errors.withResult === 0,
      `start ${a.errors.start}, complete ${a.errors.complete}, with-result ${a.errors.withResult}`);
    const expected = a.warmup.instances + IDLE_INSTANCES + 2 * options.engineInstances;
    check('(a) every job of every instance completed once', jobCounts.every((n) => n === expected), `${jobCounts.join('/')} (expected ${expected} each)`);
    const exported = a.exportedCompletions;
    check('(a) exporter delivered every completion', exported.seen === exported.expected, `${exported.seen} of ${exported.expected}`);

    // (b) orders through the platform, running in its own process
    log('starting the platform (fresh database portal_bench, simulator, API on the exporter\'s port, workers)');
    const platform = await startPlatformProcess({ logFile: fileURLToPath(PLATFORM_LOG), startTimeoutMs: options.phaseTimeoutMs });
    cleanups.push(() => platform.stop());
    parties.platform = platform.pid;
    let cpuB = cpuSnapshot(parties);
    const orders = await runOrders({
      apiUrl: platform.apiUrl,
      simulatorUrls: platform.simulatorUrls,
      mailUrl: platform.mailUrl,
      orders: options.orders,
      warmup: options.orderWarmup,
      concurrency: options.orderConcurrency,
      citizens: options.citizens,
      timeoutMs: options.phaseTimeoutMs,
      // CPU and event loop from here on: the measured orders, without the warm-up.
      onMeasureStart: async () => {
        await platform.eventLoopUtilization();
        cpuB = cpuSnapshot(parties);
      },
      log,
    });
    results.cpu.b = cpuBetween(cpuB, cpuSnapshot(parties));
    results.platformEventLoop = { b: await platform.eventLoopUtilization() };
    const b = orders.result;
    results.platform = b;
    results.platformToEngineRatio = b.ordersPerSecond / a.openLoop.instancesPerSecond;
    results.platformToEngineClosedLoopRatio = b.ordersPerSecond / a.closedLoop.instancesPerSecond;
    check('(b) every order accepted (201)', b.accepted === options.orders, `${b.accepted} of ${options.orders}`);
    check('(b) every case completed per GET /cases/{id}', b.completed === options.orders, `${b.completed} of ${options.orders}`);
    check('(b) every certificate issued (outcome, PDF, message)', b.issued === options.orders, `${b.issued} of ${options.orders}`);
    check('(b) no problems seen', b.problems.length === 0, b.problems.length === 0 ? 'none' : b.problems.join(' | '));

    // (c) status queries under load, on the completed cases
    const cpuC = cpuSnapshot(parties);
    const status = await runStatusLoad({
      apiUrl: platform.apiUrl,
      targets: orders.targets,
      tokens: orders.tokens,
      connections: options.statusConnections,
      seconds: options.statusSeconds,
      log,
    });
    results.cpu.c = cpuBetween(cpuC, cpuSnapshot(parties));
    results.platformEventLoop.c = await platform.eventLoopUtilization();
    results.statusLoad = status;
    for (const run of status) {
      check(`(c) ${run.endpoint}: only 2xx, no errors`, run.requests > 0 && run.non2xx === 0 && run.errors === 0 && run.timeouts === 0,
        `${run.requests} requests, non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`);
    }

    // Read before stopping: the SDK reports its own streams' cancellation on shutdown as errors.
    results.platformLog = digestLog(platform.logFile);
    await platform.stop();
    check('(b/c) no errors in the platform log', results.platformLog.errors === 0, `${results.platformLog.errors} errors, ${results.platformLog.warnings} warnings`);
  } catch (error) {
    results.error = error instanceof Error ? error.message : String(error);
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }

  return concludeBench(results, RESULTS_FILE, resultsJson, formatReport);
}

exitWhenDone(main(), 'bench', cleanUp);
