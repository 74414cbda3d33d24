// The tasklist benchmark's figures, as JSON (.cache/bench/tasklist.json) and as a short report.
import type { CpuUse } from './cpu.ts';
import type { Summary } from './stats.ts';
import type { QueryPlan } from './tasklist-explain.ts';

export interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

export interface HttpLoad {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Share of the time the API's event loop was busy (0..1). */
  apiEventLoop: number;
  cpu: CpuUse;
}

export interface QueryResult {
  name: string;
  path: string;
  /** Tasks in the answer (the clerk's view). */
  tasks: number;
  http?: HttpLoad;
  /** tasks.list() called directly, one call at a time: database, knex and row mapping, no HTTP. */
  directMs?: Summary;
  plan?: QueryPlan;
}

export interface TasklistBenchResults {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  machine: { cores: number; cpuModel: string; memoryGiB: number; node: string; postgres: string; autocannon: string };
  data: { municipalities: number; openTasks: number; completedTasks: number; clerksPerMunicipality: number; seedSeconds: number };
  clerk: { municipality: string; unassigned: number; mine: number };
  slowP99Ms: number;
  /** Statements run after the seed (BENCH_TASKLIST_WHATIF_SQL): the figures are not of the migrated schema alone. */
  whatIfSql?: string[];
  queries: QueryResult[];
  checks: Check[];
  error?: string;
}

/** Two decimals; NaN and Infinity become null. */
export function tasklistResultsJson(results: TasklistBenchResults): string {
  return `${JSON.stringify(results, (_key, value: unknown) =>
    (typeof value === 'number' ? (Number.isFinite(value) ? Math.round(value * 100) / 100 : null) : value), 2)}\n`;
}

const f = (value: number | undefined | null, digits = 1): string =>
  value === undefined || value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);

function planLines(plan: QueryPlan, full: boolean): string[] {
  const summary = `    plan: execution ${f(plan.executionMs, 2)} ms, planning ${f(plan.planningMs, 2)} ms; `
    + `full scans: ${plan.seqScans.join(', ') || 'none'}; indexes: ${plan.indexes.join(', ') || 'none'}`;
  if (!full) return [summary];
  return [summary, ...plan.lines.map((line) => `      ${line}`)];
}

export function formatTasklistReport(results: TasklistBenchResults): string {
  const { machine, data, clerk } = results;
  const lines: string[] = ['', '=== Benchmark: the clerks\' task list query ==='];
  lines.push(`Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB; Node ${machine.node}, PostgreSQL ${machine.postgres}, autocannon ${machine.autocannon}`);
  lines.push(`Data: ${data.openTasks} open tasks (+ ${data.completedTasks} completed) in ${data.municipalities} municipalities, ${data.clerksPerMunicipality} clerks each; seeded in ${f(data.seedSeconds)} s`);
  lines.push(`Clerk of ${clerk.municipality}: ${clerk.unassigned} unassigned tasks in the group, ${clerk.mine} own`);
  if (results.whatIfSql) lines.push(`WHAT-IF, not the migrated schema alone: ${results.whatIfSql.join('; ')}`);
  const first = results.queries.find((query) => query.http)?.http;
  if (first) lines.push('', `Over HTTP (autocannon in a worker thread, ${first.connections} connections, ${first.seconds} s each, API in this process):`);
  for (const query of results.queries) {
    const http = query.http;
    lines.push(`  ${query.path}  (${query.tasks} tasks)`);
    if (http) {
      lines.push(`    ${f(http.requestsPerSecond, 0)} req/s, latency p50 ${f(http.latencyMs.p50, 0)} ms, p99 ${f(http.latencyMs.p99, 0)} ms, max ${f(http.latencyMs.max, 0)} ms; `
        + `non-2xx ${http.non2xx}, errors ${http.errors}, timeouts ${http.timeouts}`);
      const { postgres, bench } = http.cpu.byParty;
      const perRequest = (seconds: number | undefined) => (seconds === undefined || http.requests === 0 ? Number.NaN : (seconds * 1000) / http.requests);
      lines.push(`    API event loop busy ${f(http.apiEventLoop * 100, 0)} %; machine ${f(http.cpu.machine?.cores, 2)} of ${machine.cores} cores busy; `
        + `CPU per request: PostgreSQL ${f(perRequest(postgres?.seconds), 2)} ms, this process (API + autocannon) ${f(perRequest(bench?.seconds), 2)} ms`);
    }
    if (query.directMs) lines.push(`    tasks.list() alone, ${query.directMs.count} calls: p50 ${f(query.directMs.p50, 2)} ms, p99 ${f(query.directMs.p99, 2)} ms (mean ${f(query.directMs.mean, 2)})`);
    const slow = (http?.latencyMs.p99 ?? 0) > results.slowP99Ms;
    if (query.plan) lines.push(...planLines(query.plan, slow));
  }
  lines.push('', 'Checks:');
  for (const check of results.checks) lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${check.detail}`);
  if (results.error) lines.push('', `Run aborted: ${results.error}`);
  lines.push('', results.ok ? 'All checks passed.' : 'Some checks FAILED — the figures above are not trustworthy.');
  return lines.join('\n');
}
